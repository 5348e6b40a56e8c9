using System.Text.RegularExpressions;
using KnowledgeBase.Testing;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class CompareDocumentsTests(BrowserApp app)
{
    [Fact]
    public async Task A_researcher_picks_two_documents_compares_them_and_follows_a_passage_to_its_highlighted_place()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Compare" }).ClickAsync();
        await page.WaitForURLAsync("**/compare");

        await page.GetByLabel("Left document").SelectOptionAsync(Seed.Usip.Slug);
        await page.GetByLabel("Right document").SelectOptionAsync(Seed.MpIdsa.Slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await page.WaitForURLAsync($"**/compare?left={Seed.Usip.Slug}&right={Seed.MpIdsa.Slug}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("USIP and MP-IDSA, claim by claim");
        var rows = page.Locator("#shared article.compare-row");
        await Assertions.Expect(rows).ToHaveCountAsync(Seed.ClaimsCitedByBoth);
        // The claim's overall flag, then the verdict for these two documents alone: with only two documents they match.
        await Assertions.Expect(rows.First.Locator(".compare-row-header > .compare-row-verdict .agreement-label")).ToHaveTextAsync("Changed over time");
        await Assertions.Expect(rows.First.Locator(".compare-row-pair .agreement-label")).ToHaveTextAsync("Changed over time");

        // The payments row: USIP's figure on the left, MP-IDSA's on the right.
        var pays = rows.Filter(new() { HasText = "Russia is expected to pay North Korea" });
        await Assertions.Expect(pays.Locator(".passage-panel-left .figure-chip")).ToContainTextAsync("$2,000");
        await Assertions.Expect(pays.Locator(".passage-panel-right .figure-chip")).ToContainTextAsync("$200m");

        // On a wide screen the two documents' passages sit side by side.
        var left = await pays.Locator(".passage-panel-left").BoundingBoxAsync();
        var right = await pays.Locator(".passage-panel-right").BoundingBoxAsync();
        Assert.True(right!.X > left!.X + left.Width - 1, "the right panel is beside the left one");
        Assert.True(Math.Abs(right.Y - left.Y) < 2, "both panels start on the same line");

        await FollowThePaymentsPassageAsync(page, pays);
    }

    [Fact]
    public async Task A_passage_link_still_works_when_the_source_page_comes_from_the_cache()
    {
        // Whichever reader's click renders the source page, the cache keeps it and the second reader's comes from the
        // cache (it carries an Age). Blazor patches the page in place both times, with one fetch each.
        foreach (var reader in new[] { "first", "second" })
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync($"/compare?left={Seed.Usip.Slug}&right={Seed.MpIdsa.Slug}");
            var fetches = new List<IResponse>();
            page.Response += (_, response) =>
            {
                if (new Uri(response.Url).AbsolutePath == $"/sources/{Seed.MpIdsa.Slug}")
                {
                    fetches.Add(response);
                }
            };

            var pays = page.Locator("#shared article.compare-row").Filter(new() { HasText = "Russia is expected to pay North Korea" });
            await FollowThePaymentsPassageAsync(page, pays);

            Assert.True(fetches.Count == 1, $"the {reader} reader's page was fetched {fetches.Count} times");
            if (reader == "second")
            {
                Assert.True(fetches[0].Headers.ContainsKey("age"), "the second reader's page should come from the output cache");
            }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>"Read in MP-IDSA" on the payments row leads to the quoted passage, marked and in view.</summary>
    private static async Task FollowThePaymentsPassageAsync(IPage page, ILocator pays)
    {
        var quote = (await pays.Locator(".passage-panel-right mark.quote-exact").InnerTextAsync()).Trim();
        await pays.GetByRole(AriaRole.Link, new() { Name = "Read in MP-IDSA" }).ClickAsync();

        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#passage-*");
        var fragment = new Uri(page.Url).Fragment.TrimStart('#');
        var marked = page.Locator($"[id='{fragment}']").Locator("xpath=following-sibling::mark[1]");
        await Assertions.Expect(marked).ToHaveClassAsync(PassageClass());
        await Assertions.Expect(marked).ToBeInViewportAsync();
        await Assertions.Expect(marked).ToContainTextAsync(quote);
    }

    [Fact]
    public async Task Filtering_by_flag_and_swapping_sides_work_without_script()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.ServerAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/compare?left={Seed.Usip.Slug}&right={Seed.MpIdsa.Slug}");
        await page.GetByLabel("Show").SelectOptionAsync("timeline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("flag=timeline"));
        var rows = page.Locator("#shared article.compare-row");
        await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
        foreach (var label in await rows.Locator(".compare-row-verdict .agreement-label").AllInnerTextsAsync())
        {
            Assert.Equal("Changed over time", label);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Swap sides" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"left={Seed.MpIdsa.Slug}&right={Seed.Usip.Slug}&flag=timeline"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("MP-IDSA and USIP, claim by claim");
        await Assertions.Expect(rows.First.Locator(".passage-panel-left .passage-panel-name")).ToHaveTextAsync("MP-IDSA");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task On_a_phone_the_two_passages_stack()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.ServerAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/compare?left={Seed.Usip.Slug}&right={Seed.MpIdsa.Slug}");

        var row = page.Locator("#shared article.compare-row").First;
        var left = await row.Locator(".passage-panel-left").BoundingBoxAsync();
        var right = await row.Locator(".passage-panel-right").BoundingBoxAsync();
        Assert.True(right!.Y >= left!.Y + left.Height, "the right panel is below the left one");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the page does not scroll sideways");
        await context.DisposeAsync();
    }

    [GeneratedRegex("passage")]
    private static partial Regex PassageClass();
}
