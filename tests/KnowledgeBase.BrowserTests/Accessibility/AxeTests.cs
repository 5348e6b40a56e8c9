using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserApp app)
{
    public static TheoryData<string> Pages => new()
    {
        "/", "/topics", $"/topics/{Seed.Topics.TroopDeployment}", "/sources", Links.Source(Seed.MpIdsa.Slug), Links.Source(Seed.Usip.Slug), "/not-found",
        "/search", "/search?q=Kursk", $"/search?q=troops&flag=agree&topic={Seed.Topics.TroopDeployment}", "/search?q=the",
        Links.Compare(), Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug),
        "/claims", "/claims?flag=partial&sort=agreement&size=5", $"/topics/{Seed.Topics.RussiaNorthKoreaTies}?flag=single-source&source={Seed.MpIdsa.Slug}&size=10",
        Links.Outlets(), Links.Outlet(Seed.Outlets.TheKoreaTimes),
        Links.SignInPage, Links.AccessDenied, Links.ApiReference, "/about/flags",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Reading_pages_have_no_accessibility_violations(string url)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(url);

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    /// <summary>Claim pages with each kind of figure chart (rate, range, two measures) and none.</summary>
    [Theory]
    [InlineData(Seed.Claims.RussiaPaysNorthKorea)]
    [InlineData(Seed.Claims.TroopsSentToRussia)]
    [InlineData(Seed.Claims.PublicOpposesArmingUkraine)]
    [InlineData(Seed.Claims.ForeignTradeActClause)]
    [InlineData(Seed.Claims.SeoulStanceOnArmingUkraine)]
    public async Task A_claim_page_has_no_accessibility_violations(string slug)
    {
        var claim = await app.ClaimAsync(slug);
        var page = await app.NewPageAsync();
        await page.GotoAsync(Links.Claim(claim.Id, claim.Slug));

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    [Fact]
    public async Task The_sign_in_page_with_errors_and_the_admin_pages_have_no_accessibility_violations()
    {
        var admin = await app.CreateAccountAsync(Roles.Admin);
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = await app.NewPageAsync();
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

        await page.GotoAsync(Links.SignInPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        var errors = await page.RunAxe(options);
        Assert.True(errors.Violations.Length == 0, "sign-in with errors: " + Describe(errors.Violations));

        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
        foreach (var url in new[] { Links.AdminUsers, Links.AdminUser(editor.Id), "/" })
        {
            await page.GotoAsync(url);
            var result = await page.RunAxe(options);
            Assert.True(result.Violations.Length == 0, url + ": " + Describe(result.Violations));
        }

        // The add-user form after a refused save: errors next to fields.
        await page.GotoAsync(Links.AdminUsers);
        await page.GetByLabel("Email").FillAsync("not-an-email");
        await page.GetByLabel("Initial password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.Locator("#add-password-error")).ToBeVisibleAsync();
        var refused = await page.RunAxe(options);
        Assert.True(refused.Violations.Length == 0, "refused add-user: " + Describe(refused.Violations));
    }

    [Theory]
    [InlineData("a#footnote-ref-11")]
    [InlineData("a.passage-anchor >> nth=0")]
    public async Task A_source_page_with_a_preview_open_has_no_accessibility_violations(string trigger)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Links.Source(Seed.MpIdsa.Slug));
        await page.Locator(trigger).FocusAsync();
        await page.Locator(".source-preview").WaitForAsync();

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    [Fact]
    public async Task The_editor_pages_have_no_accessibility_violations()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var source = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Sources, s => s.Slug == Seed.MpIdsa.Slug));
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var page = await app.NewPageAsync();
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
        await page.GotoAsync(Links.SignInPage);
        await page.GetByLabel("Email").FillAsync(editor.Email);
        await page.GetByLabel("Password").FillAsync(editor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));

        foreach (var url in new[] { Links.NewSource, Links.EditSource(source.Id) })
        {
            await page.GotoAsync(url);
            await page.Locator("[data-interactive]").WaitForAsync();
            var result = await page.RunAxe(options);
            Assert.True(result.Violations.Length == 0, url + ": " + Describe(result.Violations));
        }
        foreach (var url in new[] { Links.ReviewQueue, Links.ClaimHistory(claim.Id), Links.SourceHistory(source.Id), Links.Source(source.Slug) + "?saved=1&moved=2&fuzzy=1" })
        {
            var response = await page.GotoAsync(url);
            // Leaving an interactive editor page can still be settling; check the page that actually arrived.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe(options);
            Assert.True(result.Violations.Length == 0, $"{url} (answered {response?.Status}, now at {page.Url}): {Describe(result.Violations)}");
        }

        // The new-source form after a refused save: messages next to the fields.
        await page.GotoAsync(Links.NewSource);
        await page.Locator("[data-interactive]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the source" }).ClickAsync();
        await Assertions.Expect(page.Locator("#slug-error")).ToBeVisibleAsync();
        var refused = await page.RunAxe(options);
        Assert.True(refused.Violations.Length == 0, "refused new source: " + Describe(refused.Violations));
    }

    [Fact]
    public async Task The_claim_editor_signed_in_has_no_accessibility_violations()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = await app.SignedInPageAsync(editor, Links.NewClaim);
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

        var empty = await page.RunAxe(options);
        Assert.True(empty.Violations.Length == 0, "new claim: " + Describe(empty.Violations));

        // With a live preview and an ambiguous quote's candidates showing.
        await page.Locator("#citation-0-source").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#citation-0-quote").FillAsync("North Korean troops");
        await page.Locator("ol.candidates").WaitForAsync();
        var ambiguous = await page.RunAxe(options);
        Assert.True(ambiguous.Violations.Length == 0, "ambiguous quote: " + Describe(ambiguous.Violations));

        // A quote found: the evidence fields show their proposals, and an as-of that does not parse is refused beside its field.
        await page.Locator("#citation-0-quote").FillAsync("an estimated 8,000 North Korean soldiers were reported to have been stationed");
        await Assertions.Expect(page.Locator("#citation-0-certainty-proposal")).ToContainTextAsync("proposed: Reported");
        await page.Locator("#citation-0-asOf").FillAsync("autumn");
        await Assertions.Expect(page.Locator("#citation-0-asOf-error")).ToContainTextAsync("is not a date or period");
        var evidence = await page.RunAxe(options);
        Assert.True(evidence.Violations.Length == 0, "evidence fields: " + Describe(evidence.Violations));
    }

    private static string Describe(AxeResultItem[] violations) => string.Join("\n", violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));
}
