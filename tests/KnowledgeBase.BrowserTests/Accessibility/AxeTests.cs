using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserApp app)
{
    public static TheoryData<string> Pages => new() { "/", "/topics", "/topics/troop-deployment", "/sources", Links.Source("idsa-2024-south-korea-response"), Links.Source("usip-2024-seoul-response"), "/not-found" };

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
    [InlineData("russia-pays-north-korea")]
    [InlineData("troops-sent-to-russia")]
    [InlineData("public-opposes-arming-ukraine")]
    [InlineData("foreign-trade-act-clause")]
    [InlineData("seoul-stance-on-arming-ukraine")]
    public async Task A_claim_page_has_no_accessibility_violations(string slug)
    {
        var claim = await app.ClaimAsync(slug);
        var page = await app.NewPageAsync();
        await page.GotoAsync(Links.Claim(claim.Id, claim.Slug));

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    [Theory]
    [InlineData("a#footnote-ref-11")]
    [InlineData("a.passage-anchor >> nth=0")]
    public async Task A_source_page_with_a_preview_open_has_no_accessibility_violations(string trigger)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Links.Source("idsa-2024-south-korea-response"));
        await page.Locator(trigger).FocusAsync();
        await page.Locator(".source-preview").WaitForAsync();

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    private static string Describe(AxeResultItem[] violations) => string.Join("\n", violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));
}
