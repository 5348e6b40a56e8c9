using System.Text.RegularExpressions;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Editing.Claims;

/// <summary>
/// The claim editor as an editor uses it. Every claim these tests make is deleted (softly) at the end, so the other
/// browser tests still see the seeded knowledge base (17 claims cited by both documents, and so on).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ClaimEditorJourneyTests(BrowserApp app)
{
    private const string UsipQuote = "around 8,000 of whom have been deployed to the western region of Kursk";
    private const string IdsaQuote = "an estimated 8,000 North Korean soldiers were reported to have been stationed in the Kursk region of Russia";

    private async Task DeleteAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
        var claim = await editing.FindAsync(id);
        if (claim is { DeletedAt: null })
        {
            var result = await editing.DeleteAsync(id, claim.Version, new Editor("test-cleanup", "Test cleanup"), "Test claim removed.");
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(result);
        }
    }

    private async Task<long> CreateAsync(string statement)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ClaimEditing>().CreateAsync(
            new ClaimDraft
            {
                Statement = statement,
                Topics = [Seed.Topics.TroopDeployment],
                Citations = [new CitationDraft { SourceSlug = Seed.Usip.Slug, Quote = UsipQuote }],
            },
            new Editor("test-setup", "Test setup"));
        return Assert.IsType<EditResult<ClaimSnapshot>.Saved>(result).Id;
    }

    [Fact]
    public async Task An_editor_adds_a_claim_citing_both_documents_sees_the_flag_live_and_lands_on_the_claim_page()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = await app.SignedInPageAsync(editor, Links.NewClaim);
        var statement = $"Thousands of North Korean soldiers are in Kursk ({Guid.NewGuid():N})"[..60];

        await page.GetByLabel("Statement").FillAsync(statement);
        await page.GetByLabel("North Korean troops in Russia").CheckAsync();
        await page.Locator("#citation-0-source").SelectOptionAsync(new SelectOptionValue { Index = 2 }); // USIP (the list is by short name)
        await page.Locator("#citation-0-quote").FillAsync(UsipQuote);
        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync("Found in USIP");
        await Assertions.Expect(page.Locator(".agreement-live")).ToContainTextAsync("Single source");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a citation" }).ClickAsync();
        await page.Locator("#citation-1-source").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#citation-1-quote").FillAsync(IdsaQuote);
        await Assertions.Expect(page.Locator("#citation-1-status")).ToContainTextAsync("Found in MP-IDSA");
        await Assertions.Expect(page.Locator("#citation-1-status")).ToContainTextAsync("Proposed footnote 5");
        await Assertions.Expect(page.Locator(".agreement-live")).ToContainTextAsync("Sources agree");

        await page.GetByLabel("Comment for the history").FillAsync("Added in a browser test.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the claim" }).ClickAsync();

        await page.WaitForURLAsync(ClaimPage());
        var id = long.Parse(ClaimPage().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(statement);
            await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Saved as revision 1");
            await Assertions.Expect(page.Locator(".claim-agreement")).ToContainTextAsync("Sources agree");
            await Assertions.Expect(page.Locator(".claim-citations")).ToContainTextAsync("2 citations");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit this claim" })).ToHaveAttributeAsync("href", Links.EditClaim(id));
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Fact]
    public async Task An_ambiguous_quote_shows_its_candidates_and_picking_one_anchors_it()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = await app.SignedInPageAsync(editor, Links.NewClaim);

        await page.Locator("#citation-0-source").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#citation-0-quote").FillAsync("North Korean troops");

        var candidates = page.Locator("ol.candidates li");
        await Assertions.Expect(page.Locator("#citation-0-quote-error")).ToBeVisibleAsync();
        Assert.True(await candidates.CountAsync() >= 2, "an ambiguous quote lists every place it occurs");
        await candidates.Nth(1).GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync("Found in");
        await Assertions.Expect(page.Locator("ol.candidates")).ToHaveCountAsync(0);
        Assert.NotEqual("", await page.Locator("#citation-0-prefix").InputValueAsync());
    }

    [Fact]
    public async Task Two_editors_save_the_same_claim_and_the_second_sees_the_conflict()
    {
        var id = await CreateAsync($"A claim two editors edit at once ({Guid.NewGuid():N})");
        try
        {
            var first = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor, name: "First Editor"), Links.EditClaim(id));
            var second = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.EditClaim(id));

            await first.GetByLabel("Statement").FillAsync("The first editor's statement about Kursk.");
            await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await first.WaitForURLAsync(ClaimPage());

            await second.GetByLabel("Statement").FillAsync("The second editor's statement about Kursk.");
            await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            var conflict = second.GetByRole(AriaRole.Region, new() { Name = "Someone else saved this claim while you were editing" });
            await Assertions.Expect(conflict).ToBeVisibleAsync();
            await Assertions.Expect(conflict).ToContainTextAsync("First Editor saved revision 2");
            await Assertions.Expect(conflict.Locator("td.theirs").First).ToContainTextAsync("The first editor's statement about Kursk.");
            await Assertions.Expect(conflict.Locator("td.mine").First).ToContainTextAsync("The second editor's statement about Kursk.");
            await Assertions.Expect(second.GetByLabel("Statement")).ToHaveValueAsync("The second editor's statement about Kursk.");

            await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine (save over theirs)" }).ClickAsync();
            await second.WaitForURLAsync(ClaimPage());
            await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The second editor's statement about Kursk.");
            await Assertions.Expect(second.Locator("p.notice")).ToContainTextAsync("Saved as revision 3");
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Fact]
    public async Task A_refused_save_shows_messages_next_to_the_fields_and_keeps_what_was_typed()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = await app.SignedInPageAsync(editor, Links.NewClaim);

        await page.Locator("#citation-0-source").SelectOptionAsync(new SelectOptionValue { Index = 2 }); // USIP
        await page.Locator("#citation-0-quote").FillAsync("words that are nowhere in the document at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the claim" }).ClickAsync();

        await Assertions.Expect(page.Locator("#statement-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#topics-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#citation-0-quote-error")).ToContainTextAsync("not in USIP's text");
        await Assertions.Expect(page.Locator("#citation-0-quote")).ToHaveValueAsync("words that are nowhere in the document at all");
        await Assertions.Expect(page.Locator("#citation-0-quote")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.EndsWith(Links.NewClaim, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_deletes_a_claim_after_confirming_and_undeletes_it()
    {
        var id = await CreateAsync($"A claim to delete and bring back ({Guid.NewGuid():N})");
        try
        {
            var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.EditClaim(id));

            await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Deleted (revision 2)");
            using (var client = new HttpClient { BaseAddress = app.ServerAddress })
            {
                using var gone = await client.GetAsync(new Uri($"/claims/{id}", UriKind.Relative));
                Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Undelete…" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, undelete it" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("Undeleted (revision 3)");
            await Assertions.Expect(page.Locator("form.claim-editor")).ToBeVisibleAsync();
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [GeneratedRegex(@"/claims/(\d+)/[^/?]+\?saved=\d+$")]
    private static partial Regex ClaimPage();

    [Fact]
    public async Task A_100000_character_statement_is_refused_next_to_the_field_and_the_connection_holds()
    {
        var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.NewClaim);
        var statement = string.Concat(Enumerable.Repeat("North Korea has sent troops. ", 3449)) + "Done.";
        Assert.Equal(100_026, statement.Length);
        await page.Locator("#statement").FillAsync(statement);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the claim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-error")).ToContainTextAsync("At most 2,000 characters; this is 100,026.");
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
    }
}
