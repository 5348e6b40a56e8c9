using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// The sentence a quote lies in, from a document's canonical text: from the end of the previous sentence (or the
/// block's start) to the end of the quote's sentence (or the block's end). Only <see cref="Reach"/> characters on
/// either side of the quote are read, so pages can fetch that window of the text instead of the whole document and
/// find the same sentence as a save that reads the whole text.
/// </summary>
public static partial class QuoteSentence
{
    /// <summary>How far from the quote a sentence is read; a reporting frame ("According to …,") lies well within it.</summary>
    public const int Reach = 400;

    public static string Around(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var windowStart = Math.Max(0, start - Reach);
        var before = text[windowStart..start];
        var block = before.LastIndexOf('\n');
        var from = SentenceEnd().Matches(before).LastOrDefault() is { } m ? m.Index + m.Length : 0;
        from = windowStart + Math.Max(from, block + 1);

        var after = text[end..Math.Min(text.Length, end + Reach)];
        var stop = after.IndexOf('\n', StringComparison.Ordinal) is var n and >= 0 ? n : after.Length;
        if (Terminated().IsMatch(text[start..end]) && (after.Length == 0 || char.IsWhiteSpace(after[0])))
        {
            stop = 0; // the quote ends its sentence
        }
        else if (SentenceEnd().Match(after) is { Success: true } e && e.Index < stop)
        {
            stop = e.Index + e.Length;
        }
        return text[from..(end + stop)].Trim();
    }

    /// <summary>A sentence's end: a terminator and optional closing quotes or brackets, then space.</summary>
    [GeneratedRegex(@"[.!?][""'”’)\]]*\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[.!?][""'”’)\]]*$")]
    private static partial Regex Terminated();
}
