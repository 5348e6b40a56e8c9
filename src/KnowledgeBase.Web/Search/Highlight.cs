namespace KnowledgeBase.Web.Search;

/// <summary>A stretch of highlighted text: either a match or the words around it.</summary>
public readonly record struct HighlightSegment(string Text, bool IsMatch);

/// <summary>
/// Reads <c>ts_headline</c> output. PostgreSQL is asked to wrap matches in two control characters rather than
/// markup, so the text itself is never trusted as HTML: the page renders the segments as text (Razor encodes
/// them) and wraps only the matches in <c>&lt;mark&gt;</c>.
/// </summary>
public static class Highlight
{
    public const char Start = '\u0002';
    public const char Stop = '\u0003';

    /// <summary>The <c>ts_headline</c> options that select these markers, plus any extra options.</summary>
    public static string Options(string extra) => $"StartSel=\"{Start}\", StopSel=\"{Stop}\", {extra}";

    /// <summary>Splits a headline into segments; stray or unbalanced markers never produce markup.</summary>
    public static IReadOnlyList<HighlightSegment> Parse(string? headline)
    {
        if (string.IsNullOrEmpty(headline))
        {
            return [];
        }
        var segments = new List<HighlightSegment>();
        var inMatch = false;
        var from = 0;
        for (var i = 0; i <= headline.Length; i++)
        {
            var end = i == headline.Length;
            var ch = end ? '\0' : headline[i];
            if (!end && ch != Start && ch != Stop)
            {
                continue;
            }
            if (i > from)
            {
                segments.Add(new HighlightSegment(headline[from..i], inMatch));
            }
            from = i + 1;
            if (!end)
            {
                inMatch = ch == Start;
            }
        }
        return Merge(segments);
    }

    /// <summary>The text without markers.</summary>
    public static string Plain(string? headline) =>
        headline is null ? "" : headline.Replace(Start.ToString(), "", StringComparison.Ordinal).Replace(Stop.ToString(), "", StringComparison.Ordinal);

    private static List<HighlightSegment> Merge(List<HighlightSegment> segments)
    {
        var merged = new List<HighlightSegment>(segments.Count);
        foreach (var s in segments)
        {
            if (merged.Count > 0 && merged[^1].IsMatch == s.IsMatch)
            {
                merged[^1] = new HighlightSegment(merged[^1].Text + s.Text, s.IsMatch);
            }
            else
            {
                merged.Add(s);
            }
        }
        return merged;
    }
}
