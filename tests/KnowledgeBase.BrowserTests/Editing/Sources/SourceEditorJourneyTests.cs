using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Editing.Sources;

/// <summary>
/// The source editor's conflict view and its delete and undelete, as editors use them. Each test makes its own
/// uncited source and deletes it (softly) at the end, so the other browser tests still see the seeded documents.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SourceEditorJourneyTests(BrowserApp app)
{
    private async Task<(int Id, string Slug)> CreateAsync(string title)
    {
        var slug = $"test-source-{Guid.NewGuid():N}"[..24];
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SourceEditing>().CreateAsync(
            new SourceDraft
            {
                Slug = slug,
                Title = title,
                ShortName = "Test Wire",
                Publisher = "Test Wire Service",
                Kind = "report",
                Published = "2025-02",
                BodyMarkdown = "Envoys met in Geneva for a second round.[^1]\n\n[^1]: The Test Times, 3 February 2025.\n",
            },
            new Editor("test-setup", "Test setup"));
        return ((int)Assert.IsType<EditResult<SourceSnapshot>.Saved>(result).Id, slug);
    }

    private async Task DeleteAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<SourceEditing>();
        if (await editing.FindAsync(id) is { DeletedAt: null } source)
        {
            Assert.IsType<EditResult<SourceSnapshot>.Saved>(await editing.DeleteAsync(id, source.Version, new Editor("test-cleanup", "Test cleanup")));
        }
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
            await DeleteAsync(id);
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
            await DeleteAsync(id);
        }
    }
}
