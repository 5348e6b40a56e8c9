using System.Text.RegularExpressions;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class FollowACitationTests(BrowserApp app)
{

    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_a_claim_and_lands_on_the_highlighted_passage()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "North Korean troops in Russia" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/topics/{Seed.Topics.TroopDeployment}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kursk" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/claims/*/{Seed.Claims.TroopsInKursk}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kursk");
        await Assertions.Expect(page.Locator(".agreement").First).ToContainTextAsync("Sources agree");

        // MP-IDSA's sentence (its footnote 5's headline is cited after it).
        var card = page.Locator(".citation-card").Filter(new() { HasText = "MP-IDSA" }).First;
        var quote = (await card.Locator(".quote-exact").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Link, new() { Name = "Read in context" }).ClickAsync();

        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#passage-*");
        var fragment = new Uri(page.Url).Fragment.TrimStart('#');
        var marked = PassageMarks(page, fragment);
        await Assertions.Expect(marked.First).ToHaveClassAsync(PassageClass());
        await Assertions.Expect(marked.First).ToBeInViewportAsync();
        Assert.StartsWith(quote[..Math.Min(40, quote.Length)], (await PassageTextAsync(page, fragment)).Trim());
    }

    /// <summary>
    /// The whole journey of the issue: claim → "Read in context" → the highlighted passage → its footnote marker →
    /// the footnote → its back-link to the marker; the footnote lists every claim resting on it → back to a claim.
    /// It holds with script (Blazor's enhanced navigation, previews) and without.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reader_follows_a_citation_to_its_passage_footnote_and_back_to_a_claim(bool javaScript)
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var footnoteClaims = await app.QueryAsync(db => db.Citations
            .Where(c => c.Passage!.Source!.Slug == Seed.MpIdsa.Slug && c.Passage.Footnote!.Number == 5)
            .Select(c => c.Claim!.Id).Distinct().ToListAsync());
        var page = await NewPageAsync(javaScript);

        // The claim page: the MP-IDSA citation names footnote 5 and links to its passage.
        await page.GotoAsync(Links.Claim(claim.Id, claim.Slug));
        // MP-IDSA's sentence (its footnote 5's headline is cited after it).
        var card = page.Locator(".citation-card").Filter(new() { HasText = "MP-IDSA" }).First;
        await Assertions.Expect(card.Locator(".citation-footnote a").First).ToHaveTextAsync("[5]");
        var quote = (await card.Locator(".quote-exact").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Link, new() { Name = "Read in context" }).ClickAsync();

        // The source page, scrolled to the highlighted passage, which is the fragment's target.
        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#passage-*");
        var passageId = new Uri(page.Url).Fragment.TrimStart('#');
        var anchor = page.Locator($"[id='{passageId}']");
        Assert.True(await IsTargetAsync(anchor), "the passage anchor is not the :target");
        await Assertions.Expect(PassageMarks(page, passageId).First).ToBeInViewportAsync();
        Assert.Equal(quote, (await PassageTextAsync(page, passageId)).Trim());

        // Its footnote marker: the first after the passage.
        var marker = anchor.Locator("xpath=following::a[contains(concat(' ', @class, ' '), ' footnote-ref ')][1]");
        await Assertions.Expect(marker).ToHaveTextAsync("5");
        await Assertions.Expect(marker).ToHaveAttributeAsync("href", Links.Footnote(Seed.MpIdsa.Slug, 5));
        await marker.ClickAsync();

        // The footnote at the end, with every claim resting on it.
        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#footnote-5");
        var footnote = page.Locator("li#footnote-5");
        await Assertions.Expect(footnote).ToBeInViewportAsync();
        Assert.True(await IsTargetAsync(footnote), "the footnote is not the :target");
        await Assertions.Expect(footnote).ToContainTextAsync("Kursk");
        var listed = await footnote.Locator(".footnote-claims a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var expected = await app.QueryAsync(db => db.Claims.Where(c => footnoteClaims.Contains(c.Id)).Select(c => new { c.Id, c.Slug }).ToListAsync());
        Assert.Equal(expected.Select(c => Links.Claim(c.Id, c.Slug)).Order(), listed.Order());

        // The back-link returns to the marker.
        await footnote.Locator("a.footnote-back-ref").ClickAsync();
        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#footnote-ref-5");
        var backAt = page.Locator("a#footnote-ref-5");
        await Assertions.Expect(backAt).ToBeInViewportAsync();
        Assert.True(await IsTargetAsync(backAt), "the marker is not the :target");

        // And from the footnote, back to a claim that relies on it.
        await marker.ClickAsync();
        await page.WaitForURLAsync($"**/sources/{Seed.MpIdsa.Slug}#footnote-5");
        await footnote.Locator(".footnote-claims").GetByRole(AriaRole.Link, new() { Name = "Kursk" }).ClickAsync();
        await page.WaitForURLAsync($"**{Links.Claim(claim.Id, claim.Slug)}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(claim.Statement);
    }

    [Fact]
    public async Task A_passage_number_leads_to_the_claims_it_backs_and_back_to_the_passage()
    {
        var page = await NewPageAsync(javaScript: false);
        await page.GotoAsync(Links.Source(Seed.MpIdsa.Slug));

        var number = page.Locator("a.passage-anchor").First;
        var passageId = await number.GetAttributeAsync("id");
        await number.ClickAsync();

        await page.WaitForURLAsync($"**#{passageId}-claims");
        var entry = page.Locator($"li[id='{passageId}-claims']");
        await Assertions.Expect(entry).ToBeInViewportAsync();
        Assert.True(await entry.Locator(".cited-passage-claims a").CountAsync() > 0);
        await entry.Locator("a.cited-passage-quote").ClickAsync();
        await page.WaitForURLAsync($"**#{passageId}");
        await Assertions.Expect(page.Locator($"[id='{passageId}']")).ToBeInViewportAsync();
    }

    private async Task<IPage> NewPageAsync(bool javaScript)
    {
        if (javaScript)
        {
            return await app.NewPageAsync();
        }
        await app.StartBrowserAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(),
            JavaScriptEnabled = false,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Every piece of a passage: overlaps and inline markup split it into several marks.</summary>
    private static ILocator PassageMarks(IPage page, string anchorId) =>
        page.Locator($".source-body mark.passage[data-passages~='{anchorId["passage-".Length..]}']");

    private static async Task<string> PassageTextAsync(IPage page, string anchorId) =>
        string.Concat(await PassageMarks(page, anchorId).AllTextContentsAsync());

    private static Task<bool> IsTargetAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e.matches(':target')");

    [GeneratedRegex("passage")]
    private static partial Regex PassageClass();
}
