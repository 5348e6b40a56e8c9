using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

/// <summary>
/// An editor adds a third document to the troops claim and sees the rationale and the compare page's pairwise verdict
/// change (issue 13). The claim is restored and the document deleted (softly) at the end, so the other browser tests
/// still see the seeded knowledge base.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThirdVoiceJourneyTests(BrowserApp app)
{
    private const string Quote = "Ukrainian President Volodymyr Zelenskyy said there were possibly up to 12,000 North Korean troops in Russia";

    private const string Title = "Zelenskyy puts North Korean troops in Russia at up to 12,000";

    [Fact]
    public async Task An_editor_cites_a_third_document_and_sees_every_voice_named_and_a_verdict_for_the_pair()
    {
        var troops = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var slug = "world-wire-" + Guid.NewGuid().ToString("N")[..8];
        EditableClaim before;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            before = (await scope.ServiceProvider.GetRequiredService<ClaimEditing>().FindAsync(troops.Id))!;
        }

        var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.NewSource);
        try
        {
            // Before: the rationale names two voices, and the compare page has the claim only in USIP's list.
            await page.GotoAsync(Links.Claim(troops.Id, troops.Slug));
            var rationale = page.Locator(".claim-agreement .rationale");
            await Assertions.Expect(rationale).ToContainTextAsync("USIP");
            await Assertions.Expect(rationale).ToContainTextAsync("MP-IDSA");
            await Assertions.Expect(rationale).Not.ToContainTextAsync("World Wire");

            // A news report with Zelenskyy's figure, through the source editor.
            await page.GotoAsync(Links.NewSource);
            await page.Locator("[data-interactive]").WaitForAsync();
            await page.GetByLabel("Slug", new() { Exact = true }).FillAsync(slug);
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
            await page.GetByLabel("Short name").FillAsync("World Wire");
            await page.GetByLabel("Publisher").FillAsync("World Wire Service");
            await page.GetByLabel("Kind").FillAsync("report");
            await page.GetByLabel("Published", new() { Exact = true }).FillAsync("2024-10-22");
            await page.GetByLabel("Body (Markdown with footnotes)").FillAsync(Quote + ". He spoke in Kyiv on Tuesday.\n");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the source" }).ClickAsync();
            await page.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**");

            await page.GotoAsync(Links.Compare(Seed.Usip.Slug, slug));
            await Assertions.Expect(page.Locator($"#only-left-{troops.Id}")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#shared-{troops.Id}")).ToHaveCountAsync(0);

            // Cite it in the troops claim, through the claim editor.
            await page.GotoAsync(Links.EditClaim(troops.Id));
            await page.Locator("form.claim-editor[data-interactive]").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a citation" }).ClickAsync();
            await page.Locator("#citation-2-source").SelectOptionAsync(new SelectOptionValue { Label = $"World Wire — {Title}" });
            await page.Locator("#citation-2-quote").FillAsync(Quote);
            await Assertions.Expect(page.Locator("#citation-2-status")).ToContainTextAsync("Found in World Wire");
            await page.Locator("#citation-2-attribution").FillAsync("Zelenskyy");
            await page.Locator("#citation-2-figure").FillAsync("up to 12,000 troops");
            await Assertions.Expect(page.Locator(".agreement-live")).ToContainTextAsync("World Wire");
            await page.GetByLabel("Comment for the history").FillAsync("Zelenskyy's figure, from a third document.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            // The address is enough (a busy machine may be slow to fire "load"); the assertions below wait for the page.
            await page.WaitForURLAsync($"**{Links.Claim(troops.Id, troops.Slug)}?saved=*", new() { WaitUntil = WaitUntilState.Commit });

            // After: all three voices are named.
            await Assertions.Expect(rationale).ToContainTextAsync("USIP");
            await Assertions.Expect(rationale).ToContainTextAsync("MP-IDSA");
            await Assertions.Expect(rationale).ToContainTextAsync("World Wire (");
            await Assertions.Expect(rationale).ToContainTextAsync("citing Zelenskyy");

            // The compare page now holds the claim as shared, with a verdict for USIP and World Wire alone.
            await page.GotoAsync(Links.Compare(Seed.Usip.Slug, slug));
            var row = page.Locator($"#shared-{troops.Id}");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#only-left-{troops.Id}")).ToHaveCountAsync(0);
            var pair = row.Locator(".compare-row-pair");
            await Assertions.Expect(pair).ToContainTextAsync("USIP and World Wire alone:");
            await Assertions.Expect(pair.Locator(".agreement")).ToBeVisibleAsync();
            await Assertions.Expect(pair.Locator(".compare-row-rationale")).ToContainTextAsync("World Wire");
            await Assertions.Expect(pair.Locator(".compare-row-rationale")).Not.ToContainTextAsync("MP-IDSA");
            await Assertions.Expect(row.Locator(".compare-row-header > .compare-row-rationale")).ToContainTextAsync("MP-IDSA");
        }
        finally
        {
            await PutBackAsync(before);
            if (await app.SourceIdAsync(slug) is { } id)
            {
                await app.DeleteSourceAsync(id);
            }
        }
    }

    /// <summary>Saves the claim as it was before the test (the seed import writes no revision to restore), unless nothing was saved since.</summary>
    private async Task PutBackAsync(EditableClaim before)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
        var claim = (await editing.FindAsync(before.Id))!;
        if (claim.Version != before.Version)
        {
            var result = await editing.UpdateAsync(before.Id, before.Snapshot.ToDraft(), claim.Version, new Editor("test-cleanup", "Test cleanup"), "The third document's citation removed.");
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(result);
        }
    }
}
