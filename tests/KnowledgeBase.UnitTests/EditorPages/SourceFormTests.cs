using KnowledgeBase.Core.Editing;
using KnowledgeBase.Web.Editing.Sources;

namespace KnowledgeBase.UnitTests.EditorPages;

public sealed class SourceFormTests
{
    private static readonly SourceSnapshot Snapshot = new(
        "a-source", "A title", "AS", ["Ann One", "Bo Two"], "A publisher", "report", "2024-11", "https://example.org/a", "2026-01-02",
        null, "Text.[^1] More.[^2]\n\n[^1]: One.\n[^2]: Two.",
        [new FootnoteSnapshot(1, null, "Cited one", "The Outlet", "2024", null), new FootnoteSnapshot(2, "X", null, null, null, null)]);

    [Fact]
    public void A_form_made_from_a_snapshot_gives_the_same_snapshot_back()
    {
        var form = SourceForm.From(Snapshot);

        var again = form.ToSnapshot([1, 2]);

        Assert.Equal("Ann One\nBo Two", form.AuthorLines);
        Assert.Empty(SnapshotDiff.Compare(Snapshot, again));
    }

    [Fact]
    public void The_draft_holds_one_author_per_non_blank_line_and_only_the_footnotes_the_body_has()
    {
        var form = SourceForm.From(Snapshot);
        form.AuthorLines = "  Ann One \r\n\n Cy Three";
        form.Footnote(5).Title = "A footnote the body lost";
        form.Footnote(3);

        var draft = form.ToDraft([1, 3]);

        Assert.Equal(["Ann One", "Cy Three"], draft.Authors);
        Assert.Equal([1], draft.Footnotes.Keys.Order());
        Assert.Equal("The Outlet", draft.Footnotes[1].Outlet);
        // What was typed for a footnote the body no longer has stays in the form, should the marker come back.
        Assert.Equal("A footnote the body lost", form.Footnotes[5].Title);
    }

    [Fact]
    public void Changes_to_the_form_show_in_the_diff_against_the_stored_version()
    {
        var form = SourceForm.From(Snapshot);
        form.Title = "A new title";
        form.BodyMarkdown = "New first line.\n\n" + form.BodyMarkdown;

        var changes = SnapshotDiff.Compare(Snapshot, form.ToSnapshot([1, 2]));

        Assert.Equal(["title", "bodyMarkdown"], changes.Select(c => c.Field));
    }
}
