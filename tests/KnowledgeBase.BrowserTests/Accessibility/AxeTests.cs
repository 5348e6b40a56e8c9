using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.BrowserTests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserApp app)
{
    public static TheoryData<string> Pages => new()
    {
        "/", "/topics", "/topics/troop-deployment", "/sources", Links.Source("idsa-2024-south-korea-response"), Links.Source("usip-2024-seoul-response"), "/not-found",
        "/search", "/search?q=Kursk", "/search?q=troops&flag=agree&topic=troop-deployment", "/search?q=the",
        Links.Compare(), Links.Compare("usip-2024-seoul-response", "idsa-2024-south-korea-response"),
        "/claims", "/claims?flag=partial&sort=agreement&size=5", "/topics/russia-north-korea-ties?flag=single-source&source=idsa-2024-south-korea-response&size=10",
        Links.Outlets(), Links.Outlet("the-korea-times"),
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

    [Fact]
    public async Task A_claim_page_has_no_accessibility_violations()
    {
        var claim = await app.ClaimAsync("russia-pays-north-korea");
        var page = await app.NewPageAsync();
        await page.GotoAsync(Links.Claim(claim.Id, claim.Slug));

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    private static string Describe(AxeResultItem[] violations) => string.Join("\n", violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));
}
