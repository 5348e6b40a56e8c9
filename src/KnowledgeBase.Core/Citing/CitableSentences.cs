using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Citing;

/// <summary>
/// A sentence of a document's text that carries what claims are made of: a figure, a date, or a named party it is
/// attributed to. Each is the words that made it count, or null.
/// </summary>
public sealed record CitableSentence(int Start, int End, string Text, string? Figure, string? Date, string? Attribution);

/// <summary>
/// The sentences of a document an editor may still want to cite: those with a figure (a phrase <see cref="FigureParser"/>
/// reads), a date (a time <see cref="AsOfParser"/> finds) or a named attribution (a reporting frame of
/// <see cref="HedgeWords"/> with a name beside it), that no cited passage overlaps. The body only: footnotes hold
/// references, which all carry dates.
/// </summary>
public static class CitableSentences
{
    /// <summary>Words after a number that a figure phrase is read from ("10,000 troops to Russia").</summary>
    private const int FigureWords = 4;

    /// <summary>The most words a name is read to.</summary>
    private const int NameWords = 6;

    /// <summary>Capitalised at a sentence's start, but naming no one ("It was reported that").</summary>
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "It", "This", "That", "These", "Those", "They", "He", "She", "We", "There", "Some", "Many", "Media" };

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).ToArray();

    /// <param name="published">The document's publication date (a partial ISO date): a month without a year is read against it.</param>
    /// <param name="cited">The canonical spans of the document's cited passages.</param>
    public static IReadOnlyList<CitableSentence> Uncited(AnchorableText document, string published, IEnumerable<(int Start, int End)> cited)
    {
        ArgumentNullException.ThrowIfNull(cited);
        var spans = cited.ToList();
        return Find(document, published).Where(s => !spans.Any(c => c.Start < s.End && c.End > s.Start)).ToList();
    }

    public static IReadOnlyList<CitableSentence> Find(AnchorableText document, string published)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(published);
        var found = new List<CitableSentence>();
        foreach (var (start, end) in Sentences(document.Text, document.Footnotes))
        {
            var text = document.Text[start..end];
            var figure = FigureIn(text);
            var date = AsOfParser.Propose(text, published) is { IsDefault: false } asOf ? asOf.Words : null;
            var attribution = AttributionIn(text);
            if (figure is not null || date is not null || attribution is not null)
            {
                found.Add(new CitableSentence(start, end, text, figure, date, attribution));
            }
        }
        return found;
    }

    /// <summary>
    /// The body's sentences as canonical spans: paragraphs split where <see cref="FootnoteLocator"/> sees a sentence
    /// end (a terminator, closing quotes, space) before a word that does not start in lower case ("U.S. officials" stays whole).
    /// </summary>
    public static IEnumerable<(int Start, int End)> Sentences(string text, IReadOnlyList<FootnoteSpan> footnotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(footnotes);
        var bodyEnd = footnotes.Count == 0 ? text.Length : footnotes.Min(f => f.Start);
        var paragraphStart = 0;
        while (paragraphStart < bodyEnd)
        {
            var paragraphEnd = text.IndexOf("\n\n", paragraphStart, bodyEnd - paragraphStart, StringComparison.Ordinal);
            if (paragraphEnd < 0)
            {
                paragraphEnd = bodyEnd;
            }
            var start = paragraphStart;
            foreach (System.Text.RegularExpressions.Match m in FootnoteLocator.SentenceBreak().Matches(text[paragraphStart..paragraphEnd]))
            {
                var next = paragraphStart + m.Index + m.Length - 1;
                if (char.IsLower(text[next]))
                {
                    continue;
                }
                if (Trimmed(text, start, next) is { } sentence)
                {
                    yield return sentence;
                }
                start = next;
            }
            if (Trimmed(text, start, paragraphEnd) is { } last)
            {
                yield return last;
            }
            paragraphStart = paragraphEnd + 2;
        }
    }

    private static (int, int)? Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return end > start ? (start, end) : null;
    }

    /// <summary>
    /// The first figure phrase: from a number (or "$"), up to <see cref="FigureWords"/> words within its clause, that
    /// <see cref="FigureParser"/> reads. Years ("in 2024"), days of a month ("7 November", "November 7") and ordinals
    /// ("2nd") are dates and names, not figures.
    /// </summary>
    private static string? FigureIn(string sentence)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (!(char.IsAsciiDigit(c) || c == '$') || (i > 0 && (char.IsLetterOrDigit(sentence[i - 1]) || sentence[i - 1] is ',' or '.' or '$')))
            {
                continue;
            }
            var phrase = Clause(sentence, i);
            var number = phrase.TakeWhile(ch => ch == '$' || char.IsAsciiDigit(ch) || ch is ',' or '.').Count();
            var token = phrase[..number].TrimEnd(',', '.');
            var after = phrase[number..];
            var isYear = !token.Contains(',', StringComparison.Ordinal) && !token.StartsWith('$')
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2099;
            var isOrdinal = after.StartsWith("st", StringComparison.Ordinal) || after.StartsWith("nd", StringComparison.Ordinal)
                || after.StartsWith("rd", StringComparison.Ordinal) || after.StartsWith("th", StringComparison.Ordinal);
            var joined = after.Length > 0 && !(char.IsWhiteSpace(after[0]) || after[0] == '%' || char.IsLetter(after[0]));
            if (isYear || isOrdinal || joined || StartsWithMonth(after.TrimStart()) || EndsWithMonth(sentence[..i].TrimEnd()))
            {
                continue;
            }
            try
            {
                return FigureParser.Parse(phrase).Text;
            }
            catch (FigureFormatException)
            {
                // Not a figure phrase the grammar reads: the next number may be.
            }
        }
        return null;
    }

    /// <summary>The words from <paramref name="start"/> to the end of the clause, at most the number and <see cref="FigureWords"/> words.</summary>
    private static string Clause(string sentence, int start)
    {
        var kept = new List<string>();
        foreach (var word in sentence[start..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(FigureWords + 1))
        {
            var stop = word.IndexOfAny([';', ':', '(', ')', '—', '–', '"', '“', '”']);
            var closes = stop >= 0 || word[^1] is ',' or '.' or '!' or '?';
            var part = stop >= 0 ? word[..stop] : closes ? word[..^1] : word;
            if (part.Length > 0)
            {
                kept.Add(part);
            }
            if (closes)
            {
                break;
            }
        }
        return string.Join(' ', kept);
    }

    private static bool StartsWithMonth(string text) => Months.Any(m => text.StartsWith(m, StringComparison.Ordinal));

    private static bool EndsWithMonth(string text) => Months.Any(m => text.EndsWith(m, StringComparison.Ordinal));

    /// <summary>
    /// A reporting frame, a claim or an estimate (<see cref="HedgeWords"/>: reported, claimed, estimated) with a name beside
    /// it: capitalised words right after "according to" (a leading "the" aside), or right before the verb ("Seoul has
    /// claimed", "Washington estimates"). Adverbs ("reportedly", "apparently") name no one.
    /// </summary>
    private static string? AttributionIn(string sentence)
    {
        var triggers = HedgeWords.Propose(sentence).Triggers
            .Where(t => t.Certainty is Certainty.Reported or Certainty.Claimed or Certainty.Estimated && !t.Words.EndsWith("ly", StringComparison.Ordinal));
        foreach (var trigger in triggers)
        {
            var at = sentence.IndexOf(trigger.Words, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var name = trigger.Words.StartsWith("according", StringComparison.OrdinalIgnoreCase)
                ? Name(sentence[(at + trigger.Words.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w == "the"))
                : Name(sentence[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse().SkipWhile(Auxiliaries.Contains), backwards: true);
            if (name is not null)
            {
                return $"{trigger.Words} ({name})";
            }
        }
        return null;
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal) { "has", "have", "had", "also", "was", "were", "is", "are", "been", "now" };

    /// <summary>The capitalised words a name is made of, read from the verb outwards; null when the first is no name.</summary>
    private static string? Name(IEnumerable<string> words, bool backwards = false)
    {
        var name = new List<string>();
        foreach (var word in words.Take(NameWords))
        {
            var bare = word.TrimEnd(',', '.', ';', ':', ')');
            if (bare.Length == 0 || !char.IsUpper(bare[0]) || (name.Count == 0 && Pronouns.Contains(bare)) || (backwards && bare != word))
            {
                break;
            }
            name.Add(bare);
            if (!backwards && bare != word)
            {
                break;
            }
        }
        if (backwards)
        {
            name.Reverse();
        }
        if (name.Count > 0 && name[0] == "The")
        {
            name.RemoveAt(0);
        }
        return name.Count == 0 ? null : string.Join(' ', name);
    }
}
