using System.Diagnostics;
using System.Net;
using System.Text;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KnowledgeBase.BrowserTests.Editing.Sources;

/// <summary>
/// The source editor's conflict view and its delete and undelete, as editors use them. Each test makes its own
/// uncited source and deletes it (softly) at the end, so the other browser tests still see the seeded documents.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SourceEditorJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    private async Task<(int Id, string Slug)> CreateAsync(string title)
    {
        var slug = $"test-source-{Guid.NewGuid():N}"[..24];
        var id = await app.CreateSourceAsync(new SourceDraft
        {
            Slug = slug,
            Title = title,
            ShortName = "Test Wire",
            Publisher = "Test Wire Service",
            Kind = "report",
            Published = "2025-02",
            BodyMarkdown = "Envoys met in Geneva for a second round.[^1]\n\n[^1]: The Test Times, 3 February 2025.\n",
        });
        return (id, slug);
    }

    private async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task Two_editors_save_the_same_source_and_the_second_takes_theirs_then_saves_on_top()
    {
        var (id, slug) = await CreateAsync("Geneva talks open");
        try
        {
            var first = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor, name: "First Editor"), Links.EditSource(id));
            var second = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.EditSource(id));

            await first.Locator("#title").FillAsync("Geneva talks open with a first round");
            await first.GetByRole(AriaRole.Button, new() { Name = "Save the source" }).ClickAsync();
            await first.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**");

            await second.Locator("#title").FillAsync("Geneva talks open in the rain");
            await second.GetByRole(AriaRole.Button, new() { Name = "Save the source" }).ClickAsync();

            var conflict = second.GetByRole(AriaRole.Region, new() { Name = "Another editor saved this source while you were editing" });
            await Assertions.Expect(conflict).ToBeVisibleAsync();
            await Assertions.Expect(conflict).ToContainTextAsync("Their version is revision 2");
            await Assertions.Expect(conflict.Locator("del").Filter(new() { HasText = "first round" })).ToHaveCountAsync(1);
            await Assertions.Expect(conflict.Locator("ins").Filter(new() { HasText = "rain" })).ToHaveCountAsync(1);
            // Nothing typed is lost while the editor decides.
            await Assertions.Expect(second.Locator("#title")).ToHaveValueAsync("Geneva talks open in the rain");

            await conflict.GetByRole(AriaRole.Button, new() { Name = "Take theirs (discard my changes)" }).ClickAsync();
            await Assertions.Expect(conflict).ToHaveCountAsync(0);
            await Assertions.Expect(second.Locator("#title")).ToHaveValueAsync("Geneva talks open with a first round");

            // Their version is now the one this editor builds on, so a save goes through as revision 3.
            await second.Locator("#shortName").FillAsync("Test Wire II");
            await second.GetByRole(AriaRole.Button, new() { Name = "Save the source" }).ClickAsync();
            await second.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**");
            await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Geneva talks open with a first round");

            await using var scope = app.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<SourceEditing>().FindAsync(id);
            Assert.Equal(3, stored!.LatestRevision);
            Assert.Equal("Test Wire II", stored.Snapshot.ShortName);
        }
        finally
        {
            await app.DeleteSourceAsync(id);
        }
    }

    [Fact]
    public async Task An_editor_deletes_a_source_only_after_confirming_and_undeletes_it()
    {
        var (id, slug) = await CreateAsync("A document to delete and bring back");
        try
        {
            var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.EditSource(id));

            await page.GetByRole(AriaRole.Button, new() { Name = "Delete the source" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Tick “Yes, delete this source” to confirm." })).ToBeVisibleAsync();
            Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(Links.Source(slug)));

            await page.GetByLabel("Yes, delete this source").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete the source" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This source is deleted" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("form.source-editor")).ToHaveCountAsync(0);
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(Links.Source(slug)));

            await page.GetByRole(AriaRole.Button, new() { Name = "Undelete the source" }).ClickAsync();
            await Assertions.Expect(page.Locator("form.source-editor")).ToBeVisibleAsync();
            Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(Links.Source(slug)));
        }
        finally
        {
            await app.DeleteSourceAsync(id);
        }
    }

    /// <summary>About 300 KB of Markdown: numbered paragraphs, so the preview and the stored body can be checked at the end.</summary>
    private static string LongBody()
    {
        var body = new StringBuilder();
        for (var n = 1; body.Length < 300_000; n++)
        {
            body.Append("Paragraph ").Append(n).Append(": envoys met again in Geneva, and the talks on the ceasefire lines went on into the night.\n\n");
        }
        return body.Append("The last paragraph of the long report.").ToString();
    }

    [Fact]
    public async Task A_300_KB_document_pasted_into_a_new_source_is_previewed_and_saved()
    {
        var body = LongBody();
        var page = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.NewSource);
        await page.Locator("#title").FillAsync("A Very Long Report on the Geneva Talks");
        await page.Locator("#title").BlurAsync();
        // The slug is proposed from the title, and stays editable.
        await Assertions.Expect(page.Locator("#slug")).ToHaveValueAsync("a-very-long-report-on-the-geneva-talks");
        var slug = $"long-report-{Guid.NewGuid():N}"[..24];
        await page.Locator("#slug").FillAsync(slug);
        await page.Locator("#shortName").FillAsync("Long Wire");
        await page.Locator("#publisher").FillAsync("Long Wire Service");
        await page.Locator("#kind").FillAsync("report");
        await page.Locator("#published").FillAsync("2025-03");
        // Pasted, as an editor would: Playwright's FillAsync inserts text as if typed, far too slowly for 300 KB.
        await page.Locator("#body").EvaluateAsync(
            "(field, text) => { field.focus(); field.value = text; field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); }",
            body);
        await Assertions.Expect(page.Locator(".preview-body")).ToContainTextAsync("The last paragraph of the long report.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        // On a 1280-pixel window the body and its preview stand side by side, each about half of it.
        var (field, preview) = (await page.Locator("#body").BoundingBoxAsync(), await page.Locator(".preview").BoundingBoxAsync());
        Assert.True(field!.Width > 500 && preview!.X >= field.X + field.Width, $"body {field.Width} px wide at {field.X}, preview at {preview!.X}");

        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the source" }).ClickAsync();
        await page.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**", new() { Timeout = 60_000 });
        output.WriteLine($"saved a body of {body.Length:N0} characters ({Encoding.UTF8.GetByteCount(body):N0} bytes) in {clock.ElapsedMilliseconds:N0} ms");

        var id = await app.QueryAsync(db => db.Sources.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<SourceEditing>().FindAsync(id);
            Assert.Equal(body, stored!.Snapshot.BodyMarkdown);
        }
        finally
        {
            await app.DeleteSourceAsync(id);
        }
    }

    [Fact]
    public async Task What_was_typed_before_the_page_was_lost_is_kept_in_the_browser_and_restored()
    {
        var (id, slug) = await CreateAsync("Geneva talks resume");
        try
        {
            var lost = await app.SignedInPageAsync(await app.CreateAccountAsync(Roles.Editor), Links.EditSource(id));
            await lost.Locator("#title").FillAsync("Geneva talks resume after a pause");
            await lost.Locator("#body").FillAsync("Envoys met in Geneva for a third round, after a pause.[^1]\n\n[^1]: The Test Times, 3 February 2025.\n");
            // The connection is gone with the page: nothing of this reached the database.
            await lost.CloseAsync();

            var page = await lost.Context.NewPageAsync();
            await page.GotoAsync(Links.EditSource(id));
            await page.Locator("[data-interactive]").WaitForAsync();
            var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This browser kept a draft of this form that was not saved" });
            await Assertions.Expect(notice).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Geneva talks resume");
            await notice.GetByRole(AriaRole.Button, new() { Name = "Restore the draft" }).ClickAsync();
            await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Geneva talks resume after a pause");
            await Assertions.Expect(page.Locator(".preview-body")).ToContainTextAsync("for a third round, after a pause.");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save the source" }).ClickAsync();
            await page.WaitForURLAsync("**" + Links.Source(slug) + "?saved=1**");
            await using var scope = app.Services.CreateAsyncScope();
            var stored = (await scope.ServiceProvider.GetRequiredService<SourceEditing>().FindAsync(id))!.Snapshot;
            Assert.Equal("Geneva talks resume after a pause", stored.Title);
            Assert.StartsWith("Envoys met in Geneva for a third round", stored.BodyMarkdown, StringComparison.Ordinal);

            // Saved, the draft is gone: the editor opens without the offer.
            await page.GotoAsync(Links.EditSource(id));
            await page.Locator("[data-interactive]").WaitForAsync();
            await Assertions.Expect(page.Locator(".draft-notice")).ToHaveCountAsync(0);
        }
        finally
        {
            await app.DeleteSourceAsync(id);
        }
    }
}
