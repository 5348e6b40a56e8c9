using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Sources;

/// <summary>source-previews.js: footnote previews and the claims a passage backs, by pointer and by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourcePreviewTests(BrowserApp app)
{

    private async Task<IPage> SourcePageAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Links.Source(Seed.MpIdsa.Slug));
        return page;
    }

    private Task<string> FootnoteTextAsync(int number) =>
        app.QueryAsync(db => db.Footnotes.Where(f => f.Source!.Slug == Seed.MpIdsa.Slug && f.Number == number).Select(f => f.Text).SingleAsync());

    [Fact]
    public async Task A_malformed_fragment_throws_nothing_and_previews_still_work()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(Links.Source(Seed.MpIdsa.Slug) + "#%E0%A4%A");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => { location.hash = '%E0%A4%A'; }");
        await page.Locator("a#footnote-ref-11").HoverAsync();

        await Assertions.Expect(page.Locator(".source-preview")).ToContainTextAsync("Footnote 11");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Pointing_at_a_footnote_marker_previews_the_footnote_and_moving_away_closes_it()
    {
        var page = await SourcePageAsync();
        var marker = page.Locator("a#footnote-ref-11");
        var text = await FootnoteTextAsync(11);

        await marker.HoverAsync();

        var preview = page.Locator(".source-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("Footnote 11");
        await Assertions.Expect(preview).ToContainTextAsync(text[..40]);
        await Assertions.Expect(preview).ToContainTextAsync("claims rest on this footnote");
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-describedby", "source-preview");
        Assert.Equal(0, await preview.Locator("[id]").CountAsync());
        Assert.Equal(0, await preview.Locator("a.footnote-back-ref, a.passage-anchor, mark[data-passages]").CountAsync());

        // The pointer can move into the preview (to follow its links) without closing it.
        await preview.HoverAsync();
        await page.WaitForTimeoutAsync(500);
        await Assertions.Expect(preview).ToBeVisibleAsync();

        await page.Mouse.MoveAsync(5, 5);
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        Assert.Null(await marker.GetAttributeAsync("aria-describedby"));
    }

    [Fact]
    public async Task A_keyboard_user_tabs_to_a_marker_into_its_preview_and_escape_closes_it()
    {
        var page = await SourcePageAsync();
        var marker = page.Locator("a#footnote-ref-11");
        var before = page.Locator("a.passage-anchor").Filter(new() { Has = page.Locator("xpath=following::a[@id='footnote-ref-11']") }).Last;

        // Tab from the link just before the marker, as a keyboard user would arrive.
        await before.FocusAsync();
        while (!await marker.EvaluateAsync<bool>("e => e === document.activeElement"))
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var preview = page.Locator(".source-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("Footnote 11");

        // Tab goes into the preview's links, and the preview stays.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await preview.EvaluateAsync<bool>("p => p.contains(document.activeElement) && document.activeElement.tagName === 'A'"));
        await Assertions.Expect(preview).ToBeVisibleAsync();

        // Escape closes it and gives focus back to the marker.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        Assert.True(await marker.EvaluateAsync<bool>("e => e === document.activeElement"));
    }

    [Fact]
    public async Task Pointing_at_a_highlighted_passage_shows_the_claims_it_backs()
    {
        var page = await SourcePageAsync();
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var passageId = await app.QueryAsync(db => db.Citations
            .Where(c => c.ClaimId == claim.Id && c.Passage!.Source!.Slug == Seed.MpIdsa.Slug && c.Passage.Exact.Contains("stationed"))
            .Select(c => c.PassageId).SingleAsync());
        var mark = page.Locator($".source-body mark.passage[data-passages~='{passageId}']").First;
        var title = await mark.GetAttributeAsync("title");

        await mark.HoverAsync();

        var preview = page.Locator(".source-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("backs 1 claim");
        var link = preview.GetByRole(AriaRole.Link, new() { Name = claim.Statement });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", Links.Claim(claim.Id, claim.Slug));
        // The native tooltip gives way to the preview, and comes back after it.
        Assert.Null(await mark.GetAttributeAsync("title"));

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        Assert.Equal(title, await mark.GetAttributeAsync("title"));
    }

    [Fact]
    public async Task Focusing_a_passage_number_shows_the_claims_it_backs()
    {
        var page = await SourcePageAsync();
        var number = page.Locator("a.passage-anchor").Nth(2);
        var entryId = (await number.GetAttributeAsync("href"))!.Split('#')[1];
        var statements = await page.Locator($"li[id='{entryId}'] .cited-passage-claims a").AllTextContentsAsync();

        await number.FocusAsync();

        var preview = page.Locator(".source-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        Assert.Equal(statements, await preview.Locator("a").AllTextContentsAsync());
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToHaveCountAsync(0);
        Assert.True(await number.EvaluateAsync<bool>("e => e === document.activeElement"));
    }

    [Fact]
    public async Task Without_javascript_the_marks_keep_their_titles_and_no_preview_appears()
    {
        await app.StartBrowserAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ServerAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Links.Source(Seed.MpIdsa.Slug));

        await page.Locator("a#footnote-ref-11").HoverAsync();
        await page.Locator(".source-body mark.passage").First.HoverAsync();
        await page.WaitForTimeoutAsync(400);

        await Assertions.Expect(page.Locator(".source-preview")).ToHaveCountAsync(0);
        Assert.StartsWith("Passage 1 backs: ", await page.Locator(".source-body mark.passage").First.GetAttributeAsync("title"));
    }
}
