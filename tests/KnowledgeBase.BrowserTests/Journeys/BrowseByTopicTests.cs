using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BrowseByTopicTests(BrowserApp app)
{
    private const string TopicName = "Russia–North Korea military cooperation";

    [Fact]
    public async Task A_reader_goes_from_home_to_a_topic_filters_it_by_flag_and_source_and_pages_on()
    {
        var expected = await app.QueryAsync(db => db.ClaimTopics
            .Where(x => x.Topic!.Slug == Seed.Topics.RussiaNorthKoreaTies && x.Claim!.Agreement == AgreementFlag.SingleSource
                && x.Claim.Citations.Any(c => c.Passage!.Source!.Slug == Seed.MpIdsa.Slug))
            .OrderBy(x => x.ClaimId)
            .Select(x => x.Claim!.Slug)
            .ToListAsync());
        Assert.InRange(expected.Count, 11, 20); // two pages of ten
        var page = await app.NewPageAsync();

        // Home → topics index → the topic.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Topics" }).ClickAsync();
        await page.WaitForURLAsync("**/topics");
        await page.GetByRole(AriaRole.Link, new() { Name = TopicName }).ClickAsync();
        await page.WaitForURLAsync($"**/topics/{Seed.Topics.RussiaNorthKoreaTies}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(TopicName);

        // A quick link filters by flag; its count says how many claims it will show.
        var flagLinks = page.GetByRole(AriaRole.Navigation, new() { Name = "Agreement" });
        var singleSource = flagLinks.GetByRole(AriaRole.Link).Filter(new() { HasText = "Single source" });
        await singleSource.ClickAsync();
        await page.WaitForURLAsync($"**/topics/{Seed.Topics.RussiaNorthKoreaTies}?flag=single-source");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Agreement" }).Locator("a[aria-current=page]")).ToContainTextAsync("Single source");
        var cards = page.Locator("article.claim-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        Assert.All(await cards.Locator(".agreement").AllInnerTextsAsync(), text => Assert.Contains("Single source", text));

        // The form (no script needed) narrows to one source and ten claims a page, keeping the flag.
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Agreement" })).ToHaveValueAsync("single-source");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Source" }).SelectOptionAsync(Seed.MpIdsa.Slug);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Per page" }).SelectOptionAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("flag=single-source") && url.Contains($"source={Seed.MpIdsa.Slug}") && url.Contains("size=10"));
        await Assertions.Expect(cards).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("p.count")).ToContainTextAsync($"{expected.Count} match the filters");
        var firstPage = await SlugsAsync(page);
        Assert.Equal(expected.Take(10), firstPage);
        Assert.All(await cards.Locator(".claim-card-sources").AllInnerTextsAsync(), text => Assert.Contains("MP-IDSA", text));

        // Next page: a stable URL with the filters and a cursor, holding the rest.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("after=") && url.Contains("flag=single-source") && url.Contains($"source={Seed.MpIdsa.Slug}"));
        await Assertions.Expect(cards).ToHaveCountAsync(expected.Count - 10);
        Assert.Equal(expected.Skip(10), await SlugsAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);
        var secondPageUrl = page.Url;

        // The page link is stable: loading it afresh shows the same claims.
        var again = await app.NewPageAsync();
        await again.GotoAsync(secondPageUrl);
        Assert.Equal(expected.Skip(10), await SlugsAsync(again));

        // And "First page" goes back, filters kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("after=") && url.Contains($"source={Seed.MpIdsa.Slug}"));
        await Assertions.Expect(cards).ToHaveCountAsync(10);
        Assert.Equal(firstPage, await SlugsAsync(page));
    }

    [Fact]
    public async Task The_filters_work_without_javascript()
    {
        await app.StartBrowserAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ServerAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/claims");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Agreement" }).SelectOptionAsync("timeline");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Order" }).SelectOptionAsync("oldest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show claims" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("flag=timeline") && url.Contains("sort=oldest"));

        var flags = await page.Locator("article.claim-card .agreement").AllInnerTextsAsync();
        Assert.NotEmpty(flags);
        Assert.All(flags, text => Assert.Contains("Changed over time", text));
        await context.CloseAsync();
    }

    /// <summary>The claim slugs of the cards on the page, in order.</summary>
    private static async Task<List<string>> SlugsAsync(IPage page) =>
        (await page.Locator("article.claim-card h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Select(href => href.Split('/')[^1])
            .ToList();
}
