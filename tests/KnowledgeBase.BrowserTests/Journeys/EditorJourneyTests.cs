using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class EditorJourneyTests(BrowserApp app)
{
    private const string Quote = "The envoys left Vienna without an agreement on the sanctions";

    private const string Body = """
        The talks opened on a Monday, with both delegations present.[^1]

        The envoys left Vienna without an agreement on the sanctions, a participant said.[^2]

        [^1]: Reported by The Test Times.
        [^2]: Interview with a participant.
        """;

    [Fact]
    public async Task A_new_editor_adds_a_source_sees_a_citation_move_restores_a_revision_and_signs_out()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor, name: "Nora Newcomer");
        var slug = "journey-" + Guid.NewGuid().ToString("N")[..8];
        var page = await app.NewPageAsync();

        // Sign in, coming back to the new-source editor.
        await page.GotoAsync(Links.NewSource);
        await page.WaitForURLAsync("**/account/sign-in?**");
        await page.GetByLabel("Email").FillAsync(editor.Email);
        await page.GetByLabel("Password").FillAsync(editor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + Links.NewSource);

        // Add a source with two footnotes; the preview follows the body.
        await page.Locator("[data-interactive]").WaitForAsync();
        await page.GetByLabel("Slug", new() { Exact = true }).FillAsync(slug);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Talks in Vienna end without a deal");
        await page.GetByLabel("Short name").FillAsync("Test Wire");
        await page.GetByLabel("Authors").FillAsync("Jo Reporter");
        await page.GetByLabel("Publisher").FillAsync("Test Wire Service");
        await page.GetByLabel("Kind").FillAsync("report");
        await page.GetByLabel("Published", new() { Exact = true }).FillAsync("2025-01-15");
        await page.GetByLabel("Body (Markdown with footnotes)").FillAsync(Body);
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(preview).ToContainTextAsync("Footnotes: 1, 2.");
        await Assertions.Expect(preview).ToContainTextAsync("The envoys left Vienna");
        await page.GetByRole(AriaRole.Group, new() { Name = "Footnote 1" }).GetByLabel("Outlet").FillAsync("The Test Times");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the source" }).ClickAsync();

        await page.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**");
        await Assertions.Expect(page.GetByText("The source was saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Talks in Vienna end without a deal" })).ToBeVisibleAsync();

        // Add a claim citing the new source and an existing document, and watch the flag as the quotes anchor.
        await page.GotoAsync(Links.NewClaim);
        await page.Locator("form.claim-editor[data-interactive]").WaitForAsync();
        await page.GetByLabel("Statement").FillAsync("The Vienna talks ended without a sanctions agreement.");
        await page.GetByLabel("North Korean troops in Russia").CheckAsync();
        await page.Locator("#citation-0-source").SelectOptionAsync(new SelectOptionValue { Label = "Test Wire — Talks in Vienna end without a deal" });
        await page.Locator("#citation-0-quote").FillAsync(Quote);
        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync("Found in Test Wire");
        await Assertions.Expect(page.Locator("#citation-0-status")).ToContainTextAsync("Proposed footnote 2");
        await Assertions.Expect(page.Locator(".agreement-live")).ToContainTextAsync("Single source");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a citation" }).ClickAsync();
        await page.Locator("#citation-1-source").SelectOptionAsync(new SelectOptionValue { Label = "USIP — How Should Seoul Respond to North Korea's Soldiers in Russia?" });
        await page.Locator("#citation-1-quote").FillAsync("North Korea has sent approximately 10,000 troops to Russia");
        await Assertions.Expect(page.Locator("#citation-1-status")).ToContainTextAsync("Found in USIP");
        // USIP gives its figure as an estimate ("approximately"), the wire firmly: partial agreement at most.
        await Assertions.Expect(page.Locator(".agreement-live")).ToContainTextAsync("Partly agree");
        await Assertions.Expect(page.Locator(".agreement-live")).ToContainTextAsync("a hedged account against a firm one");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the claim" }).ClickAsync();
        await page.WaitForURLAsync("**/claims/*/*saved=1*");
        await Assertions.Expect(page.Locator(".claim-agreement")).ToContainTextAsync("Partly agree");

        // Edit the source so the quote moves: a paragraph goes in before it.
        await page.GotoAsync(Links.Source(slug));
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this source" }).ClickAsync();
        await page.Locator("[data-interactive]").WaitForAsync();
        await page.GetByLabel("Body (Markdown with footnotes)").FillAsync("A new opening paragraph sets the scene.\n\n" + Body);
        await Assertions.Expect(preview).ToContainTextAsync("A new opening paragraph");
        await page.GetByLabel("Comment for the history").FillAsync("Added the opening paragraph.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the source" }).ClickAsync();

        await page.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**");
        await Assertions.Expect(page.GetByText("0 exact, 1 moved, 0 fuzzy, 0 orphaned")).ToBeVisibleAsync();

        // The history: two revisions; restore the first.
        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Changes from revision 1 to revision 2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff ins").First).ToContainTextAsync("A new opening paragraph");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The revision was restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "restored" })).ToHaveCountAsync(1);
        await page.GotoAsync(Links.Source(slug));
        await Assertions.Expect(page.Locator(".source-body")).Not.ToContainTextAsync("A new opening paragraph");

        // Sign out.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
