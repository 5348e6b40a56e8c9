using System.Text.RegularExpressions;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Anchoring;

/// <summary>
/// Finds the footnote that backs a quoted passage: the footnote the quote lies in, or else the marker that closes
/// the quote's own sentence (the first marker after the quote with no sentence or paragraph break in between).
/// </summary>
public static partial class FootnoteLocator
{
    public static int? Locate(string canonicalText, IReadOnlyList<FootnoteMarker> markers, IReadOnlyList<FootnoteSpan> footnotes, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(footnotes);

        var inside = footnotes.FirstOrDefault(f => start >= f.Start && end <= f.End);
        if (inside is not null)
        {
            return inside.Number;
        }
        var next = markers.Where(m => m.Offset >= end).MinBy(m => m.Offset);
        if (next is null)
        {
            return null;
        }
        var between = canonicalText[end..next.Offset];
        return between.Contains("\n\n", StringComparison.Ordinal) || SentenceBreak().IsMatch(between) ? null : next.Number;
    }

    /// <summary>A sentence ends and another begins: a terminator, optional closing quotes, space, then more text.</summary>
    [GeneratedRegex(@"[.!?][""'”’)\]]*\s+\S")]
    internal static partial Regex SentenceBreak();
}
