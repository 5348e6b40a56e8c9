using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.IntegrationTests.EditorPages;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Editing.Sources;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Editing.Sources;

/// <summary>
/// The source editor's state, driven as the page drives it but without a browser, on the app's real PostgreSQL. Each
/// test works on an uncited document it adds itself, so no seeded passage is re-anchored under the other tests.
/// </summary>
[Collection(EditorPagesCollection.Name)]
public sealed class SourceEditorTests(EditorPagesApp app)
{
    private const string Body = "Envoys met in Geneva for a second round.[^1]\n\n[^1]: The Test Times, 3 February 2025.\n";

    private async Task<SourceEditor> OpenAsync(int? id, TestAccount? account = null)
    {
        var editor = new SourceEditor(app.OperationsFor(account ?? await app.CreateAccountAsync(Roles.Editor)));
        Assert.True(await editor.LoadAsync(id));
        Assert.True(editor.Loaded);
        return editor;
    }

    private static void Fill(SourceEditor editor, string slug, string title)
    {
        var form = editor.Form;
        (form.Slug, form.Title, form.ShortName, form.Publisher, form.Kind, form.Published) =
            (slug, title, "Test Wire", "Test Wire Service", "report", "2025-02");
        form.BodyMarkdown = Body;
        editor.RefreshPreview();
    }

    private async Task<EditableSource?> StoredAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SourceEditing>().FindAsync(id);
    }

    private async Task<EditableSource> StoredAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>().Sources.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<SourceEditing>().FindAsync(id))!;
    }

    /// <summary>An uncited document added through an editor; its id.</summary>
    private async Task<int> CreateAsync(string title)
    {
        var slug = $"test-source-{Guid.NewGuid():N}"[..24];
        var editor = await OpenAsync(null);
        Fill(editor, slug, title);
        await editor.SaveAsync();
        Assert.NotNull(editor.SavedPage);
        return (await StoredAsync(slug)).Id;
    }

    [Theory]
    [InlineData(200, "[a(")]
    [InlineData(15_000, "[")]
    [InlineData(7_000, "![")]
    public async Task A_body_nested_too_deeply_is_refused_next_to_the_field_and_the_editor_goes_on(int times, string opener)
    {
        var editor = await OpenAsync(null);
        Fill(editor, $"test-source-{Guid.NewGuid():N}"[..24], "Nested too deeply");
        editor.Form.BodyMarkdown = string.Concat(Enumerable.Repeat(opener, times));

        editor.RefreshPreview();
        var typed = editor.BodyErrors;
        await editor.SaveAsync();

        Assert.Contains("too deeply", Assert.Single(typed), StringComparison.Ordinal);
        Assert.Null(editor.Preview.Html);
        Assert.Null(editor.SavedPage);
        Assert.Contains(editor.BodyErrors, m => m.Contains("too deeply", StringComparison.Ordinal));
        editor.Form.BodyMarkdown = Body;
        editor.RefreshPreview();
        await editor.SaveAsync();
        Assert.NotNull(editor.SavedPage);
    }

    [Fact]
    public async Task A_new_source_previews_its_body_and_footnotes_then_saves_and_goes_to_its_page()
    {
        var editor = await OpenAsync(null);
        Assert.True(editor.IsNew);
        Assert.Empty(editor.Preview.FootnoteNumbers);
        var slug = $"test-source-{Guid.NewGuid():N}"[..24];

        Fill(editor, slug, "Geneva talks open");
        Assert.Equal([1], editor.Preview.FootnoteNumbers);
        Assert.Contains("Envoys met in Geneva", editor.Preview.Html, StringComparison.Ordinal);
        editor.Form.Footnote(1).Outlet = "The Test Times";
        editor.Form.Comment = "Added by a test.";
        await editor.SaveAsync();

        Assert.Equal(Links.SourceSaved(slug, ReanchorReport.None), editor.SavedPage);
        var stored = await StoredAsync(slug);
        Assert.Equal(("Geneva talks open", "The Test Times"), (stored.Snapshot.Title, stored.Snapshot.Footnotes.Single().Outlet));
        Assert.Equal(1, stored.LatestRevision);
    }

    [Fact]
    public async Task A_refused_save_shows_each_message_next_to_its_field_and_counts_them()
    {
        var editor = await OpenAsync(null);
        editor.Form.Url = "not an address";

        await editor.SaveAsync();

        Assert.Null(editor.SavedPage);
        Assert.NotEmpty(editor.Errors("slug"));
        Assert.NotEmpty(editor.Errors("title"));
        Assert.NotEmpty(editor.Errors("url"));
        Assert.NotEmpty(editor.Errors("bodyMarkdown"));
        Assert.Empty(editor.Errors("editorialNote"));
        Assert.Matches("^[0-9]+ fields need a change: see the messages next to them.$", editor.General[0]);
        Assert.Equal("not an address", editor.Form.Url);
    }

    [Fact]
    public async Task A_save_over_another_editors_shows_the_differences_and_take_theirs_builds_on_their_version()
    {
        var id = await CreateAsync("Geneva talks open");
        var first = await OpenAsync(id);
        var second = await OpenAsync(id);

        first.Form.Title = "Geneva talks open with a first round";
        await first.SaveAsync();
        Assert.NotNull(first.SavedPage);
        second.Form.Title = "Geneva talks open in the rain";
        await second.SaveAsync();

        Assert.Null(second.SavedPage);
        Assert.Equal(2, second.Conflict?.CurrentRevision);
        var change = Assert.Single(second.ConflictChanges);
        Assert.Equal(("Geneva talks open with a first round", "Geneva talks open in the rain"), (change.Old, change.New));
        Assert.Equal("Geneva talks open in the rain", second.Form.Title);

        second.TakeTheirs();

        Assert.Null(second.Conflict);
        Assert.Equal("Geneva talks open with a first round", second.Form.Title);
        second.Form.ShortName = "Test Wire II";
        await second.SaveAsync();

        Assert.NotNull(second.SavedPage);
        var stored = await StoredAsync(id);
        Assert.Equal(3, stored!.LatestRevision);
        Assert.Equal(("Geneva talks open with a first round", "Test Wire II"), (stored.Snapshot.Title, stored.Snapshot.ShortName));
    }

    [Fact]
    public async Task Keep_mine_and_merge_by_hand_save_over_their_version()
    {
        var id = await CreateAsync("Geneva talks resume");
        var first = await OpenAsync(id);
        var second = await OpenAsync(id);
        first.Form.Title = "Their title";
        await first.SaveAsync();
        second.Form.Title = "My title";
        await second.SaveAsync();
        Assert.NotNull(second.Conflict);

        await second.KeepMineAsync();

        Assert.NotNull(second.SavedPage);
        Assert.Equal("My title", (await StoredAsync(id))!.Snapshot.Title);

        var third = await OpenAsync(id);
        first = await OpenAsync(id);
        first.Form.Kind = "analysis";
        await first.SaveAsync();
        third.Form.Title = "A merged title";
        await third.SaveAsync();
        Assert.NotNull(third.Conflict);

        third.MergeByHand();

        Assert.True(third.Merging);
        Assert.NotNull(third.Conflict); // the differences stay in view while merging
        Assert.Equal("A merged title", third.Form.Title);
        third.Form.Kind = "analysis";
        await third.SaveAsync();

        Assert.NotNull(third.SavedPage);
        var stored = await StoredAsync(id);
        Assert.Equal(("A merged title", "analysis", 5), (stored!.Snapshot.Title, stored.Snapshot.Kind, stored.LatestRevision));
    }

    [Fact]
    public async Task Delete_needs_its_box_ticked_and_undelete_brings_the_source_back()
    {
        var id = await CreateAsync("A document to delete and bring back");
        var editor = await OpenAsync(id);

        await editor.DeleteAsync();

        Assert.Equal(["Tick “Yes, delete this source” to confirm."], editor.General);
        Assert.False(editor.Deleted);
        Assert.Null((await StoredAsync(id))!.DeletedAt);

        editor.ConfirmDelete = true;
        await editor.DeleteAsync();

        Assert.True(editor.Deleted);
        Assert.False(editor.ConfirmDelete);
        Assert.Empty(editor.General);
        Assert.NotNull((await StoredAsync(id))!.DeletedAt);

        await editor.UndeleteAsync();

        Assert.False(editor.Deleted);
        Assert.Null((await StoredAsync(id))!.DeletedAt);
    }

    [Fact]
    public async Task A_source_still_cited_is_not_deleted_and_the_editor_says_why()
    {
        var id = await app.QueryAsync(db => db.Sources.Where(s => s.Slug == Seed.Usip.Slug).Select(s => s.Id).SingleAsync());
        var editor = await OpenAsync(id);
        editor.ConfirmDelete = true;

        await editor.DeleteAsync();

        Assert.False(editor.Deleted);
        Assert.Contains(editor.General, m => m.EndsWith("remove those citations or delete those claims first.", StringComparison.Ordinal));
        Assert.Null((await StoredAsync(id))!.DeletedAt);
    }

    [Fact]
    public async Task An_account_locked_mid_session_saves_nothing()
    {
        var id = await CreateAsync("A document its editor loses the right to edit");
        var account = await app.CreateAccountAsync(Roles.Editor);
        var editor = await OpenAsync(id, account);
        editor.Form.Title = "A title that must not be saved";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().LockAsync(account.Id, "test-admin")).Succeeded);
        }

        await editor.SaveAsync();

        Assert.Equal(["Only editors can change sources. Sign in again as an editor."], editor.General);
        Assert.Null(editor.SavedPage);
        Assert.Equal(1, (await StoredAsync(id))!.LatestRevision);
    }

    [Fact]
    public async Task An_unknown_source_does_not_load()
    {
        var editor = new SourceEditor(app.OperationsFor(await app.CreateAccountAsync(Roles.Editor)));

        Assert.False(await editor.LoadAsync(999_999));
        Assert.False(editor.Loaded);
    }
}
