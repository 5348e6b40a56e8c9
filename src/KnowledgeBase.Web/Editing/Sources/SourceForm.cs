using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Web.Editing.Sources;

/// <summary>
/// The source editor's fields: the source draft itself (its fields bind directly), plus what only the form has, the
/// authors as one text and the comment. Footnotes keep what was typed for numbers the body no longer has, so nothing
/// typed is lost.
/// </summary>
public sealed class SourceForm : SourceDraft
{
    /// <summary>The authors, one per line, as the text area shows them.</summary>
    public string AuthorLines
    {
        get => string.Join('\n', Authors);
        set => Authors = [.. (value ?? "").Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0)];
    }

    public string? Comment { get; set; }

    public CitedWork Footnote(int number)
    {
        if (!Footnotes.TryGetValue(number, out var work))
        {
            work = new CitedWork();
            Footnotes[number] = work;
        }
        return work;
    }

    /// <summary>The draft to save: only the footnotes the body has, and only those with something filled in.</summary>
    public SourceDraft ToDraft(IEnumerable<int> footnoteNumbers)
    {
        var numbers = footnoteNumbers.ToHashSet();
        var draft = Copy();
        draft.BodyMarkdown ??= "";
        draft.Footnotes = Footnotes.Where(f => numbers.Contains(f.Key) && !f.Value.IsEmpty()).ToDictionary(f => f.Key, f => f.Value);
        // The form shows no field for restored markers; a footnote the body no longer has is no longer restored.
        draft.RestoredMarkers = [.. draft.RestoredMarkers.Where(numbers.Contains)];
        return draft;
    }

    /// <summary>The form as a snapshot, to compare with what another editor saved.</summary>
    public SourceSnapshot ToSnapshot(IEnumerable<int> footnoteNumbers) => SourceSnapshot.Of(ToDraft(footnoteNumbers));

    public static SourceForm From(SourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var form = new SourceForm();
        snapshot.Fill(form);
        return form;
    }
}
