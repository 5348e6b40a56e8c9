using System.Text.RegularExpressions;
using KnowledgeBase.Testing;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserApp app)
{
    [Fact]
    public async Task A_reader_searches_from_the_header_filters_by_flag_and_opens_a_result()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        var header = page.GetByRole(AriaRole.Search, new() { Name = "Site" });
        await header.GetByRole(AriaRole.Searchbox, new() { Name = "Search claims and documents" }).FillAsync("troops");
        await header.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await page.WaitForURLAsync("**/search?q=troops");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search results");
        await Assertions.Expect(page.GetByLabel("Words to find in claims, quotes and documents")).ToHaveValueAsync("troops");
        var results = page.Locator("article.search-result");
        var unfiltered = await results.CountAsync();
        Assert.True(unfiltered > 1, $"expected several results, got {unfiltered}");
        await Assertions.Expect(results.First.Locator("h3 mark.search-match").First).ToHaveTextAsync(new Regex("^troops$", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("mark.search-match").First).ToBeVisibleAsync();

        await page.GetByLabel("Agreement").SelectOptionAsync("agree");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/search\?q=troops&.*flag=agree"));
        await Assertions.Expect(page.GetByLabel("Agreement")).ToHaveValueAsync("agree");
        var filtered = await results.CountAsync();
        Assert.InRange(filtered, 1, unfiltered - 1);
        await Assertions.Expect(results.Locator(".agreement-label")).ToHaveTextAsync(Enumerable.Repeat("Sources agree", filtered).ToArray());

        var kursk = results.Filter(new() { HasText = "Kursk" });
        await kursk.GetByRole(AriaRole.Link).First.ClickAsync();

        await page.WaitForURLAsync($"**/claims/*/{Seed.Claims.TroopsInKursk}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kursk");
    }

    [Fact]
    public async Task A_quote_match_links_to_its_highlighted_passage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/search?q=stationed");

        var result = page.Locator("article.search-result");
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator(".search-quote-exact mark")).ToHaveTextAsync("stationed");
        await result.GetByRole(AriaRole.Link, new() { Name = "read it in context" }).ClickAsync();

        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#passage-*");
        var fragment = new Uri(page.Url).Fragment.TrimStart('#');
        await Assertions.Expect(page.Locator($"[id='{fragment}']")).ToHaveCountAsync(1);
    }
}
