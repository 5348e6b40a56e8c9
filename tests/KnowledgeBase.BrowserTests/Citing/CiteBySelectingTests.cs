using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.BrowserTests.Editing;
using KnowledgeBase.BrowserTests.Security;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Citing;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Citing;

/// <summary>
/// Citing by selecting, as an editor does it on a source page: words selected with the mouse (across a footnote
/// marker) or the keyboard, the buttons after the paragraph, the claim editor opened with quote, context and footnote,
/// and the claim saved; adding the words to a claim found by its words; and the claim draft kept in the browser when
/// the connection drops. Claims made here are deleted (softly) at the end, as the other browser tests expect the seed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CiteBySelectingTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 60_000 };

    /// <summary>
    /// Selects from the first occurrence of <paramref name="from"/> to the end of the next <paramref name="to"/> in the
    /// page's text as the browser has it (footnote numbers and passage numbers included), and returns the bounding
    /// boxes of the first and last selected characters (scrolled into view), for a mouse to drag between.
    /// </summary>
    private const string Select = """
        ([from, to, keep]) => {
          const body = document.querySelector('.source-body');
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          const nodes = [];
          let text = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
          const start = text.indexOf(from);
          const end = text.indexOf(to, start) + to.length;
          if (start < 0 || end < start + to.length) { throw new Error('not in the page: ' + from + ' … ' + to); }
          const at = (offset, isEnd) => {
            const [node, base] = nodes.filter(([n, b]) => (isEnd ? b < offset : b <= offset)).pop();
            return [node, offset - base];
          };
          const range = document.createRange();
          range.setStart(...at(start, false));
          range.setEnd(...at(end, true));
          range.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const box = (node, offset) => { const r = document.createRange(); r.setStart(node, offset); r.setEnd(node, offset + 1); const b = r.getBoundingClientRect(); return [b.left, b.top, b.width, b.height]; };
          const boxes = [box(range.startContainer, range.startOffset), box(range.endContainer, range.endOffset - 1)];
          if (keep) { const s = document.getSelection(); s.removeAllRanges(); s.addRange(range); }
          return boxes.flat();
        }
        """;

    private async Task<IPage> SourcePageAsync(TestAccount editor, string slug, Func<IBrowserContext, Task>? prepare = null)
    {
        var page = await app.SignedInPageAsync(editor, Links.NewClaim, prepare);
        await page.GotoAsync(Links.Source(slug));
        return page;
    }

    /// <summary>What the claim editor must be given for these words: built the way the server builds it.</summary>
    private async Task<SelectedQuote> ExpectedAsync(string slug, string words)
    {
        var html = await app.QueryAsync(db => db.Sources.Where(s => s.Slug == slug).Select(s => s.BodyHtml).SingleAsync());
        var text = AnchorableText.FromHtml(html);
        var at = text.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"“{words}” is not in {slug}'s text");
        return QuoteSelections.At(text, at, at + words.Length).Quote!;
    }

    private static async Task AssertCitesAsync(IPage page, SelectedQuote expected, string source)
    {
        await page.Locator("[data-interactive]").WaitForAsync();
        await Assertions.Expect(page.Locator("#citation-0-quote")).ToHaveValueAsync(expected.Quote);
        await Assertions.Expect(page.Locator("#citation-0-prefix")).ToHaveValueAsync(expected.Prefix);
        await Assertions.Expect(page.Locator("#citation-0-suffix")).ToHaveValueAsync(expected.Suffix);
        await Assertions.Expect(page.Locator("#citation-0-footnote")).ToHaveValueAsync(expected.Footnote?.ToString(CultureInfo.InvariantCulture) ?? "");
        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync($"Found in {source} at characters {expected.Start}–{expected.End}", new() { Timeout = 30_000 });
    }

    /// <summary>Fills what the selection does not give, saves, and returns the new claim's id.</summary>
    private static async Task<long> SaveAsync(IPage page, string statement)
    {
        await page.GetByLabel("Statement").FillAsync(statement);
        await page.GetByLabel("North Korean troops in Russia").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the claim" }).ClickAsync();
        await page.WaitForURLAsync(ClaimPage());
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Saved as revision 1");
        return long.Parse(ClaimPage().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task DeleteAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
        if (await editing.FindAsync(id) is { DeletedAt: null } claim)
        {
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await editing.DeleteAsync(id, claim.Version, new Editor("test-cleanup", "Test cleanup"), "Test claim removed."));
        }
    }

    private static string Statement(string words) => $"{words} ({Guid.NewGuid():N})"[..60];

    [Fact]
    public async Task Words_dragged_across_a_footnote_marker_of_MP_IDSA_open_the_claim_editor_with_quote_context_and_footnote_and_are_saved()
    {
        var console = new List<string>();
        var page = await SourcePageAsync(await app.CreateAccountAsync(Roles.Editor), Seed.MpIdsa.Slug,
            context => context.AddInitScriptAsync(ContentSecurityPolicyTests.RecordViolations));
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        // Footnote 1's marker stands between "region." and "Notably": the page shows its number there.
        var boxes = await page.EvaluateAsync<float[]>(Select, new object[] { "East Asian", "it has strengthened", false });

        await page.Mouse.MoveAsync(boxes[0] + 1, boxes[1] + (boxes[3] / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(boxes[4] + (boxes[6] / 2), boxes[5] + (boxes[7] / 2), new() { Steps = 8 });
        await page.Mouse.MoveAsync(boxes[4] + boxes[6] - 1, boxes[5] + (boxes[7] / 2));
        await page.Mouse.UpAsync();

        var tools = page.GetByRole(AriaRole.Group, new() { Name = "Cite the selected words" });
        await Assertions.Expect(tools).ToBeVisibleAsync(Patient);
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, string.Join("; ", violations));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await tools.GetByRole(AriaRole.Link, new() { Name = "Cite in a new claim" }).ClickAsync();
        await page.Locator("[data-interactive]").WaitForAsync();
        Assert.True(await page.Locator(".form-error").CountAsync() == 0, $"{page.Url}: {string.Join(" ", await page.Locator(".form-error").AllTextContentsAsync())}");

        var expected = await ExpectedAsync(Seed.MpIdsa.Slug, "East Asian region. Notably, it has strengthened");
        Assert.Equal(1, expected.Footnote);
        await AssertCitesAsync(page, expected, "MP-IDSA");
        var id = await SaveAsync(page, Statement("The war strengthened the Russia–North Korea alliance"));
        try
        {
            var citation = await app.QueryAsync(db => db.Citations.Where(c => c.ClaimId == id)
                .Select(c => new { c.Passage!.Exact, c.Passage.Start, Footnote = c.Passage.Footnote!.Number }).SingleAsync());
            Assert.Equal((expected.Quote, expected.Start, 1), (citation.Exact, citation.Start, citation.Footnote));
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Fact]
    public async Task Words_selected_with_the_keyboard_on_USIP_are_cited_with_the_keyboard_and_saved()
    {
        var page = await SourcePageAsync(await app.CreateAccountAsync(Roles.Editor), Seed.Usip.Slug);
        // The selection starts on "approximately"; Shift and the arrow keys carry it to the end of "Russia".
        await page.EvaluateAsync(Select, new object[] { "approximately", "a", true });
        foreach (var _ in "pproximately 10,000 troops to Russia")
        {
            await page.Keyboard.PressAsync("Shift+ArrowRight");
        }
        var tools = page.GetByRole(AriaRole.Group, new() { Name = "Cite the selected words" });
        await Assertions.Expect(tools).ToBeVisibleAsync(Patient);
        Assert.Equal("approximately 10,000 troops to Russia", await page.EvaluateAsync<string>("() => document.getSelection().toString()"));
        // The buttons follow the selection once it rests (cite-selection.js waits a moment after the last change).
        await page.WaitForFunctionAsync("() => { const b = document.getElementById('cite-selection'); return b && b.dataset.end - b.dataset.start === 37; }");

        // The buttons follow the paragraph: Tab reaches them.
        var cite = tools.GetByRole(AriaRole.Link, new() { Name = "Cite in a new claim" });
        for (var i = 0; i < 300 && !await page.EvaluateAsync<bool>("() => document.activeElement?.dataset?.cite === 'new'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(cite).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var expected = await ExpectedAsync(Seed.Usip.Slug, "approximately 10,000 troops to Russia");
        await AssertCitesAsync(page, expected, "USIP");
        var id = await SaveAsync(page, Statement("About 10,000 North Korean troops went to Russia"));
        await DeleteAsync(id);
    }

    [Fact]
    public async Task Words_are_added_to_a_claim_found_by_its_words()
    {
        var page = await SourcePageAsync(await app.CreateAccountAsync(Roles.Editor), Seed.Usip.Slug);
        await page.EvaluateAsync(Select, new object[] { "approximately 10,000", "Russia", true });
        var tools = page.GetByRole(AriaRole.Group, new() { Name = "Cite the selected words" });
        await Assertions.Expect(tools).ToBeVisibleAsync(Patient);

        await tools.GetByRole(AriaRole.Link, new() { Name = "Add to a claim…" }).ClickAsync();
        await page.Locator("#cite-q").FillAsync("troops sent to Russia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        var claim = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var citations = await app.QueryAsync(db => db.Citations.CountAsync(c => c.ClaimId == claim.Id));
        await page.Locator($"a[href^='{Links.EditClaim(claim.Id)}?']").ClickAsync();

        await page.Locator("[data-interactive]").WaitForAsync();
        var added = $"#citation-{citations}-quote";
        await Assertions.Expect(page.Locator(added)).ToHaveValueAsync("approximately 10,000 troops to Russia");
        await Assertions.Expect(page.Locator($"#citation-{citations}-status")).ToContainTextAsync("Found in USIP", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_dropped_connection_keeps_the_claim_draft_in_the_browser_and_the_page_offers_it_back()
    {
        var network = new CircuitNetwork();
        var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.NewClaim, network.InstallAsync);
        var statement = Statement("Kept through a lost connection");
        await page.GetByLabel("Statement").FillAsync(statement);
        await page.Locator("#citation-0-source").SelectOptionAsync(new SelectOptionValue { Label = "USIP — " + await app.QueryAsync(db => db.Sources.Where(s => s.Slug == Seed.Usip.Slug).Select(s => s.Title).SingleAsync()) });
        await page.Locator("#citation-0-quote").FillAsync("approximately 10,000 troops to Russia");
        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync("Found in USIP", new() { Timeout = 30_000 });
        // Kept as it changes (after each render on the server).
        await page.WaitForFunctionAsync("() => (localStorage.getItem('kb-draft:/edit/claims/new') || '').includes('approximately 10,000 troops')");

        await network.CutAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(Patient);
        network.Restore();
        // The page is opened again, as after giving up on the lost one.
        await page.GotoAsync(Links.NewClaim);
        await page.Locator("[data-interactive]").WaitForAsync();

        var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This browser kept a draft of this form that was not saved" });
        await Assertions.Expect(notice).ToBeVisibleAsync(Patient);
        Assert.Equal("", await page.GetByLabel("Statement").InputValueAsync());
        await notice.GetByRole(AriaRole.Button, new() { Name = "Restore the draft" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Statement")).ToHaveValueAsync(statement);
        await Assertions.Expect(page.Locator("#citation-0-quote")).ToHaveValueAsync("approximately 10,000 troops to Russia");
        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync("Found in USIP", new() { Timeout = 30_000 });
        await page.GetByLabel("North Korean troops in Russia").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the claim" }).ClickAsync();
        await page.WaitForURLAsync(ClaimPage());
        var id = long.Parse(ClaimPage().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        try
        {
            // Saved, the draft is gone.
            Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('kb-draft:/edit/claims/new')"));
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [GeneratedRegex(@"/claims/(\d+)/")]
    private static partial Regex ClaimPage();
}
