using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Security;

/// <summary>The strict Content-Security-Policy in a real Chromium: pages render, styles apply, nothing is blocked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserApp app)
{
    // Registered before any page script runs; Playwright's init scripts are not subject to the page's policy.
    internal const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__violations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private async Task<(IPage Page, List<string> Console)> WatchedPageAsync()
    {
        var page = await app.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Add($"{message.Type}: {message.Text}");
            }
        };
        return (page, console);
    }

    private static async Task AssertCleanAsync(IPage page, List<string> console, string url)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, $"{url}: {string.Join("; ", violations)}");
        Assert.True(!console.Any(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal)),
            $"{url}: {string.Join("; ", console)}");
        // The stylesheets applied: the page background is the paper colour from app.css, not the browser's white.
        Assert.Equal("rgb(253, 252, 249)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task Reading_pages_and_the_sign_in_page_render_without_violations()
    {
        var claim = await app.ClaimAsync(Seed.Claims.RussiaPaysNorthKorea);
        var (page, console) = await WatchedPageAsync();

        foreach (var url in new[] { "/", $"/topics/{Seed.Topics.TroopDeployment}", Links.Source(Seed.MpIdsa.Slug), Links.Claim(claim.Id, claim.Slug), Links.SignInPage, "/no/such/page" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertCleanAsync(page, console, url);
        }
        // blazor.web.js loaded and runs (enhanced navigation is on): the script is allowed from 'self'.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"));
    }

    [Fact]
    public async Task Signed_in_pages_render_without_violations()
    {
        var admin = await app.CreateAccountAsync(Roles.Admin);
        var (page, console) = await WatchedPageAsync();
        await page.GotoAsync(Links.SignInPage);
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));

        foreach (var url in new[] { "/", Links.AdminUsers, Links.AdminUser(admin.Id) })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertCleanAsync(page, console, url);
        }
    }

    [Fact]
    public async Task The_policy_lets_the_interactive_server_circuit_connect()
    {
        // Interactive server components talk over /_blazor: a negotiate POST, then a WebSocket to the same host.
        var (page, console) = await WatchedPageAsync();
        await page.GotoAsync("/");

        var opened = await page.EvaluateAsync<string>("""
            async () => {
                const negotiate = await fetch('/_blazor/negotiate?negotiateVersion=1', { method: 'POST' });
                if (!negotiate.ok) return 'negotiate answered ' + negotiate.status;
                const { connectionToken } = await negotiate.json();
                const url = location.origin.replace(/^http/, 'ws') + '/_blazor?id=' + encodeURIComponent(connectionToken);
                return await new Promise(resolve => {
                    const socket = new WebSocket(url);
                    socket.onopen = () => { socket.close(); resolve('open'); };
                    socket.onerror = () => resolve('error');
                    setTimeout(() => resolve('timeout'), 10000);
                });
            }
            """);

        Assert.Equal("open", opened);
        await AssertCleanAsync(page, console, "/_blazor");
    }
}
