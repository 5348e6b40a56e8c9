using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Citing;

/// <summary>
/// Words selected in a document, as a citation quotes them: the W3C TextPositionSelector (<see cref="Start"/>,
/// <see cref="End"/> in the canonical text) and TextQuoteSelector (<see cref="Quote"/>, with the words right before and
/// after), and the footnote their place proposes.
/// </summary>
/// <param name="Prefix">Whole words before the quote, at most <see cref="TextAnchor.ContextLength"/> characters, white space folded to single spaces (a form's one-line field keeps them as they are).</param>
public sealed record SelectedQuote(int Start, int End, string Quote, string Prefix, string Suffix, int? Footnote);

/// <summary>A selection made into a quote, or why it cannot be one (a message for the editor).</summary>
public sealed record QuoteSelection(SelectedQuote? Quote, string? Refusal);

/// <summary>
/// Builds the quote of a selection from its canonical offsets, as the source page's selection or its list of sentences
/// left to cite gives them: the selection is trimmed of white space, widened to whole words, and must anchor again at
/// the same place with the same anchoring every citation goes through (<see cref="CitationAnchoring"/>), so what the
/// claim editor is given is what a save will accept. The footnote is the one anchoring proposes (the note the words lie
/// in, or whose marker closes their sentence), else the last marker the selection runs over.
/// </summary>
public static class QuoteSelections
{
    public static QuoteSelection At(AnchorableText document, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        if (start < 0 || end > text.Length || start >= end)
        {
            return Refuse($"The selection runs from character {start:N0} to {end:N0}, but the document's text runs from 0 to {text.Length:N0}, and a selection ends after it starts.");
        }
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (start == end)
        {
            return Refuse("The selection holds no words.");
        }
        // A selection that stops inside a word takes the whole word: quotes are of words, not of letters.
        while (start > 0 && char.IsLetterOrDigit(text[start - 1]) && char.IsLetterOrDigit(text[start]))
        {
            start--;
        }
        while (end < text.Length && char.IsLetterOrDigit(text[end - 1]) && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }
        if (end - start > EditLimits.Quote)
        {
            return Refuse($"The selection is {end - start:N0} characters long; a quote holds at most {EditLimits.Quote:N0}.");
        }
        var quote = text[start..end];
        var prefix = Before(text, start);
        var suffix = After(text, end);
        var anchored = CitationAnchoring.Anchor(document, quote, prefix, suffix);
        if (!anchored.Found || anchored.Anchor!.Start != start || anchored.Anchor.End != end)
        {
            return Refuse("These words occur more than once with the same words around them, so a citation could not tell which is meant: select a few more words.");
        }
        // Words selected across a marker whose own sentence no marker closes rest on the last note they run over.
        var footnote = anchored.ProposedFootnote ?? document.Markers.LastOrDefault(m => m.Offset > start && m.Offset <= end)?.Number;
        return new(new SelectedQuote(start, end, quote, prefix, suffix, footnote), null);
    }

    private static QuoteSelection Refuse(string message) => new(null, message);

    /// <summary>The whole words in the <see cref="TextAnchor.ContextLength"/> characters before <paramref name="start"/>.</summary>
    private static string Before(string text, int start)
    {
        var from = Math.Max(0, start - TextAnchor.ContextLength);
        if (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            while (from < start && !char.IsWhiteSpace(text[from]))
            {
                from++;
            }
        }
        return TextValues.Squeeze(text[from..start]);
    }

    /// <summary>The whole words in the <see cref="TextAnchor.ContextLength"/> characters after <paramref name="end"/>.</summary>
    private static string After(string text, int end)
    {
        var to = Math.Min(text.Length, end + TextAnchor.ContextLength);
        if (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            while (to > end && !char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }
        }
        return TextValues.Squeeze(text[end..to]);
    }
}
