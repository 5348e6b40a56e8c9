using KnowledgeBase.BrowserTests.Security;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Editing;

/// <summary>
/// The notice an interactive page shows when its connection to the server drops (Components/Layout/ReconnectModal.razor):
/// it appears with its text and no Content-Security-Policy violation, and goes once the connection is back, with the
/// page working again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectNoticeTests(BrowserApp app)
{
    // The machine is shared and the circuit reconnects on its own schedule (immediately, then every 5 s): be patient.
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToBeHiddenOptions Hidden = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_dropped_connection_shows_the_notice_and_the_editor_works_again_once_it_is_back()
    {
        var network = new CircuitNetwork();
        var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.NewSource, async context =>
        {
            await context.AddInitScriptAsync(ContentSecurityPolicyTests.RecordViolations);
            await network.InstallAsync(context);
        });
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        var notice = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(notice).ToBeHiddenAsync();
        var connections = network.Connections;
        Assert.True(connections >= 1, "the editor connected without the test's network");

        await network.CutAsync();

        await Assertions.Expect(notice).ToBeVisibleAsync(Visible);
        await Assertions.Expect(notice.GetByText("The connection to the server was lost. Reconnecting…")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(notice.GetByText("could not be restored")).ToBeHiddenAsync();
        // Styled by app.css (Blazor's default dialog, with its inline style, would be refused by the policy).
        Assert.Equal("fixed", await notice.EvaluateAsync<string>("e => getComputedStyle(e).position"));

        network.Restore();

        await Assertions.Expect(notice).ToBeHiddenAsync(Hidden);
        Assert.True(network.Connections > connections, "the notice went without a new connection");
        // The same circuit carries on: the preview follows the body again.
        await page.Locator("#body").FillAsync("Back **online**.");
        await Assertions.Expect(page.Locator(".preview-body strong")).ToHaveTextAsync("online", new() { Timeout = 30_000 });
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, string.Join("; ", violations));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
    }
}
