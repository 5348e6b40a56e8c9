using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Web.Editing.Sources;

/// <summary>What the source editor's fields hold, as typed; converted to and from the service's draft and snapshot.</summary>
public sealed class SourceForm
{
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? ShortName { get; set; }

    /// <summary>One author per line.</summary>
    public string? Authors { get; set; }
    public string? Publisher { get; set; }
    public string? Kind { get; set; }
    public string? Published { get; set; }
    public string? Url { get; set; }
    public string? Retrieved { get; set; }
    public string? EditorialNote { get; set; }
    public string? Body { get; set; }
    public string? Comment { get; set; }

    /// <summary>What each footnote cites, by number; kept for numbers the body no longer has, so nothing typed is lost.</summary>
    public SortedDictionary<int, CitedWorkDraft> Footnotes { get; } = [];

    public CitedWorkDraft Footnote(int number)
    {
        if (!Footnotes.TryGetValue(number, out var work))
        {
            work = new CitedWorkDraft();
            Footnotes[number] = work;
        }
        return work;
    }

    /// <summary>The draft to save: only the footnotes the body has, and only those with something filled in.</summary>
    public SourceDraft ToDraft(IEnumerable<int> footnoteNumbers)
    {
        var numbers = footnoteNumbers.ToHashSet();
        return new SourceDraft
        {
            Slug = Slug,
            Title = Title,
            ShortName = ShortName,
            Authors = [.. (Authors ?? "").Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0)],
            Publisher = Publisher,
            Kind = Kind,
            Published = Published,
            Url = Url,
            Retrieved = Retrieved,
            EditorialNote = EditorialNote,
            BodyMarkdown = Body ?? "",
            Footnotes = Footnotes
                .Where(f => numbers.Contains(f.Key) && !f.Value.IsEmpty())
                .ToDictionary(f => f.Key, f => f.Value),
        };
    }

    /// <summary>The form as a snapshot, to compare with what another editor saved.</summary>
    public SourceSnapshot ToSnapshot(IEnumerable<int> footnoteNumbers)
    {
        var draft = ToDraft(footnoteNumbers);
        return new SourceSnapshot(
            draft.Slug?.Trim() ?? "", draft.Title?.Trim() ?? "", draft.ShortName?.Trim() ?? "", draft.Authors, draft.Publisher?.Trim() ?? "",
            draft.Kind?.Trim() ?? "", draft.Published?.Trim() ?? "", TextValues.Blank(draft.Url), TextValues.Blank(draft.Retrieved), TextValues.Blank(draft.EditorialNote),
            draft.BodyMarkdown ?? "",
            [.. draft.Footnotes.OrderBy(f => f.Key).Select(f => new FootnoteSnapshot(
                f.Key, TextValues.Blank(f.Value.Authors), TextValues.Blank(f.Value.Title), TextValues.Blank(f.Value.Outlet), TextValues.Blank(f.Value.Published), TextValues.Blank(f.Value.Url)))]);
    }

    public static SourceForm From(SourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var draft = snapshot.ToDraft();
        var form = new SourceForm
        {
            Slug = draft.Slug,
            Title = draft.Title,
            ShortName = draft.ShortName,
            Authors = string.Join('\n', draft.Authors),
            Publisher = draft.Publisher,
            Kind = draft.Kind,
            Published = draft.Published,
            Url = draft.Url,
            Retrieved = draft.Retrieved,
            EditorialNote = draft.EditorialNote,
            Body = draft.BodyMarkdown,
        };
        foreach (var (number, work) in draft.Footnotes)
        {
            form.Footnotes[number] = work;
        }
        return form;
    }
}
