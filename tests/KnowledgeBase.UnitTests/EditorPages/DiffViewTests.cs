using Bunit;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Web.Editing.History;

namespace KnowledgeBase.UnitTests.EditorPages;

public sealed class DiffViewTests : BunitContext
{
    [Fact]
    public void Removed_words_are_struck_out_and_added_ones_inserted_under_the_field_label()
    {
        var changes = SnapshotDiff.Compare(
            new ClaimSnapshot("a-claim", "Troops went to Kursk.", null, ["t"], null, null, []),
            new ClaimSnapshot("a-claim", "Troops went to Moscow.", null, ["t"], null, null, []));

        var view = Render<DiffView>(p => p.Add(d => d.Changes, changes));

        Assert.Equal("Statement", view.Find("dt").TextContent);
        Assert.Contains("Kursk", view.Find("dd del").TextContent);
        Assert.Contains("Moscow", view.Find("dd ins").TextContent);
    }

    [Fact]
    public void A_body_diff_is_shown_line_by_line_with_folded_lines_noted()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"Line {i}.").ToList();
        var before = string.Join('\n', lines);
        lines[15] = "Line sixteen, rewritten.";
        var after = string.Join('\n', lines);
        var changes = new[] { new FieldChange("bodyMarkdown", "Body", before, after, true, TextDiff.Lines(before, after)) };

        var view = Render<DiffView>(p => p.Add(d => d.Changes, changes));

        Assert.Contains("diff-lines", view.Find("dd").ClassList);
        Assert.Contains("Line 16.", view.Find("del").TextContent);
        Assert.Contains("Line sixteen, rewritten.", view.Find("ins").TextContent);
        Assert.NotEmpty(view.FindAll(".diff-skipped"));
    }

    [Fact]
    public void Two_equal_revisions_say_so()
    {
        var view = Render<DiffView>(p => p.Add(d => d.Changes, Array.Empty<FieldChange>()));

        Assert.Contains("the same content", view.Markup);
    }
}
