using System.Text;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Intake;
using KnowledgeBase.IntegrationTests.EditorPages;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Editing.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Editing.Sources;

/// <summary>
/// "Start from a file or paste" in the source editor, as the page drives it (the file's bytes, or the pasted text)
/// but without a browser, saved into the app's real PostgreSQL; and the files it refuses, next to the field.
/// </summary>
[Collection(EditorPagesCollection.Name)]
public sealed class SourceIntakeTests(EditorPagesApp app)
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Intake", name));

    private async Task<SourceEditor> NewSourceAsync()
    {
        var editor = new SourceEditor(app.OperationsFor(await app.CreateAccountAsync(Roles.Editor)));
        Assert.True(await editor.LoadAsync(null));
        return editor;
    }

    private async Task<EditableSource> StoredAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>().Sources.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<SourceEditing>().FindAsync(id))!;
    }

    [Fact]
    public async Task A_saved_page_fills_the_form_and_the_editor_saves_it_after_confirming()
    {
        var editor = await NewSourceAsync();
        editor.StartFrom(Encoding.UTF8.GetBytes("""
            <!DOCTYPE html><html><head><title>Envoys Meet Again | Test Wire</title>
            <meta name="citation_title" content="Envoys Meet Again in Geneva">
            <meta name="citation_author" content="Ada Reporter">
            <meta name="citation_publication_date" content="2025-02-03">
            <meta name="citation_publisher" content="Test Wire Service">
            <meta name="DC.type" content="Report">
            </head><body><article><h1>Envoys Meet Again in Geneva</h1>
            <p>Envoys met in Geneva for a second round, and the talks went on into the night.<sup><a href="#fn1">1</a></sup></p>
            <div class="share"><a href="https://x.example/share">Share</a></div>
            <section class="footnotes"><ol><li id="fn1">Ada Reporter, "Talks Resume", The Test Times, 3 February 2025. <a href="#fnref1">↩</a></li></ol></section>
            </article></body></html>
            """), "https://wire.example.org/2025/02/envoys");

        Assert.Null(editor.IntakeRefusal);
        var form = editor.Form;
        Assert.Equal(("Envoys Meet Again in Geneva", "envoys-meet-again-in-geneva", "Test Wire Service", "report", "2025-02-03", "https://wire.example.org/2025/02/envoys"),
            (form.Title, form.Slug, form.Publisher, form.Kind, form.Published, form.Url));
        Assert.Equal(["Ada Reporter"], form.Authors);
        Assert.Equal([1], editor.Preview.FootnoteNumbers);
        Assert.Equal(("Talks Resume", "The Test Times", "2025-02-03"), (form.Footnotes[1].Title, form.Footnotes[1].Outlet, form.Footnotes[1].Published));
        Assert.StartsWith("Converted from a saved HTML page.", form.EditorialNote, StringComparison.Ordinal);

        // The share link is proposed, not removed: the editor removes it, fills in the short name and saves.
        var share = Assert.Single(editor.Furniture);
        Assert.Contains(share.Text, form.BodyMarkdown, StringComparison.Ordinal);
        editor.RemoveFurniture(share);
        Assert.DoesNotContain("Share", form.BodyMarkdown, StringComparison.Ordinal);
        form.ShortName = "Test Wire";
        form.Slug = $"intake-{Guid.NewGuid():N}"[..20];
        await editor.SaveAsync();

        Assert.NotNull(editor.SavedPage);
        var stored = await StoredAsync(form.Slug);
        Assert.Equal("Envoys met in Geneva for a second round, and the talks went on into the night.[^1]\n\n[^1]: Ada Reporter, \"Talks Resume\", The Test Times, 3 February 2025.",
            stored.Snapshot.BodyMarkdown);
        Assert.Equal("Talks Resume", Assert.Single(stored.Snapshot.Footnotes).Title);
    }

    [Fact]
    public async Task The_mp_idsa_original_is_refused_until_its_four_unplaced_notes_are_placed_then_saved_with_27_footnotes()
    {
        var editor = await NewSourceAsync();
        editor.StartFrom(Fixture("idsa-seed.txt"), "https://www.idsa.in");
        Assert.Equal([13, 14, 25, 26], editor.Conversion!.Unplaced);
        Assert.Equal(27, editor.Form.Footnotes.Count);
        editor.Form.Slug = $"intake-{Guid.NewGuid():N}"[..20];

        await editor.SaveAsync();
        Assert.Null(editor.SavedPage);
        Assert.NotEmpty(editor.BodyErrors);

        // The editor places the four markers after the sentences their notes support, and accepts every removal.
        foreach (var block in editor.Furniture.ToList())
        {
            editor.RemoveFurniture(block);
        }
        editor.BodyTyped(editor.Form.BodyMarkdown!
            .Replace("reconciliation with the United States.", "reconciliation with the United States.[^13]", StringComparison.Ordinal)
            .Replace("soured in the recent years.", "soured in the recent years.[^14]", StringComparison.Ordinal)
            .Replace("anxieties in South Korea.", "anxieties in South Korea.[^25]", StringComparison.Ordinal)
            .Replace("incoming Trump administration.", "incoming Trump administration.[^26]", StringComparison.Ordinal));
        await editor.SaveAsync();

        Assert.NotNull(editor.SavedPage);
        var stored = await StoredAsync(editor.Form.Slug);
        Assert.Equal(Enumerable.Range(1, 27), stored.Snapshot.Footnotes.Select(f => f.Number).Order());
        Assert.Equal("MP-IDSA", stored.Snapshot.ShortName);
        Assert.DoesNotContain("Disclaimer", stored.Snapshot.BodyMarkdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "The file is empty.")]
    [InlineData("binary", "The file is neither a PDF nor UTF-8 text (an HTML page or plain text): it holds binary data.")]
    [InlineData("encrypted", "The PDF is encrypted (password-protected): save a copy without protection and try again.")]
    [InlineData("oversized", "The file is 50 MB; the converter takes files of up to 10 MB.")]
    public async Task A_file_the_converter_refuses_is_said_next_to_the_field_and_the_form_keeps_what_was_typed(string file, string message)
    {
        var editor = await NewSourceAsync();
        editor.Form.Title = "Typed before the upload";
        var content = file switch
        {
            "empty" => [],
            "binary" => [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x01],
            "encrypted" => Fixture("encrypted.pdf"),
            _ => new byte[50 * 1024 * 1024],
        };

        editor.StartFrom(content, null);

        Assert.Equal(message, editor.IntakeRefusal);
        Assert.Equal("Typed before the upload", editor.Form.Title);
        Assert.Null(editor.Conversion);
    }
}
