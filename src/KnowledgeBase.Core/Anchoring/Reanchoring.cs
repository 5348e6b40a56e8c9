using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Anchoring;

public sealed record ReanchorResult(AnchorStatus Status, TextAnchor? Anchor, double Similarity)
{
    public bool NeedsReview => Status is AnchorStatus.Fuzzy or AnchorStatus.Orphaned;
}

/// <summary>
/// Finds a passage again after its document was edited, the way annotation tools do: first at its old offsets,
/// then by its exact words (with the old prefix and suffix to choose between repeats), then approximately
/// (an edit-distance alignment around places that share long stretches with the quote). Nothing is ever
/// dropped: what cannot be found is reported as orphaned.
/// </summary>
public static class Reanchoring
{
    /// <summary>The least similarity (1 − edits / quote length) an approximate match needs.</summary>
    public const double FuzzyThreshold = 0.75;

    private const int SeedLength = 12;

    public static ReanchorResult Reanchor(string text, TextAnchor old)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(old);

        if (old.End <= text.Length && string.CompareOrdinal(text, old.Start, old.Exact, 0, old.Exact.Length) == 0 && old.End - old.Start == old.Exact.Length)
        {
            return new(AnchorStatus.Exact, TextAnchor.At(text, old.Start, old.End), 1);
        }

        var byWords = QuoteAnchoring.Anchor(text, old.Exact, old.Prefix, old.Suffix);
        if (byWords.Outcome == AnchorOutcome.Found)
        {
            return new(AnchorStatus.Moved, byWords.Anchor, 1);
        }
        var occurrences = byWords.Candidates;
        if (occurrences.Count == 1)
        {
            // The words are there once; only their surroundings changed.
            return new(AnchorStatus.Moved, TextAnchor.At(text, occurrences[0].Start, occurrences[0].End), 1);
        }
        if (occurrences.Count > 1)
        {
            // Several places carry the same words and the context no longer tells them apart: take the nearest, flag it.
            var nearest = occurrences.MinBy(c => Math.Abs(c.Start - old.Start))!;
            return new(AnchorStatus.Fuzzy, TextAnchor.At(text, nearest.Start, nearest.End), 1);
        }

        var best = ApproximateMatch(text, old);
        return best is { } m && m.Similarity >= FuzzyThreshold
            ? new(AnchorStatus.Fuzzy, TextAnchor.At(text, m.Start, m.End), m.Similarity)
            : new(AnchorStatus.Orphaned, null, best?.Similarity ?? 0);
    }

    private static (int Start, int End, double Similarity)? ApproximateMatch(string text, TextAnchor old)
    {
        var quote = old.Exact;
        if (quote.Length == 0 || text.Length == 0)
        {
            return null;
        }
        var starts = new HashSet<int> { Math.Clamp(old.Start, 0, text.Length) };
        if (quote.Length >= SeedLength)
        {
            // Long stretches the quote shares with the new text suggest where it went.
            var step = Math.Max(1, (quote.Length - SeedLength) / 6);
            for (var offset = 0; offset + SeedLength <= quote.Length; offset += step)
            {
                var seed = quote.Substring(offset, SeedLength);
                for (var at = text.IndexOf(seed, StringComparison.Ordinal); at >= 0 && starts.Count < 64;
                     at = text.IndexOf(seed, at + 1, StringComparison.Ordinal))
                {
                    starts.Add(Math.Max(0, at - offset));
                }
            }
        }

        (int Start, int End, double Similarity)? best = null;
        var slack = Math.Max(8, quote.Length / 4);
        foreach (var start in starts)
        {
            var from = Math.Max(0, start - slack);
            var to = Math.Min(text.Length, start + quote.Length + slack);
            var (s, e, distance) = Align(quote, text, from, to);
            var similarity = 1 - (double)distance / quote.Length;
            if (best is null || similarity > best.Value.Similarity)
            {
                best = (s, e, similarity);
            }
        }
        return best;
    }

    /// <summary>
    /// Semi-global edit distance: the whole quote against the best-matching substring of text[from..to].
    /// Returns that substring's bounds and the number of edits.
    /// </summary>
    private static (int Start, int End, int Distance) Align(string quote, string text, int from, int to)
    {
        var width = to - from;
        var previous = new int[width + 1];
        var current = new int[width + 1];
        var previousStart = new int[width + 1];
        var currentStart = new int[width + 1];
        for (var j = 0; j <= width; j++)
        {
            previousStart[j] = j; // the match may begin anywhere in the window for free
        }
        for (var i = 1; i <= quote.Length; i++)
        {
            current[0] = i;
            currentStart[0] = 0;
            for (var j = 1; j <= width; j++)
            {
                var substitute = previous[j - 1] + (quote[i - 1] == text[from + j - 1] ? 0 : 1);
                var delete = previous[j] + 1;
                var insert = current[j - 1] + 1;
                if (substitute <= delete && substitute <= insert)
                {
                    current[j] = substitute;
                    currentStart[j] = previousStart[j - 1];
                }
                else if (delete <= insert)
                {
                    current[j] = delete;
                    currentStart[j] = previousStart[j];
                }
                else
                {
                    current[j] = insert;
                    currentStart[j] = currentStart[j - 1];
                }
            }
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
        }
        var bestEnd = 0;
        for (var j = 1; j <= width; j++)
        {
            if (previous[j] < previous[bestEnd])
            {
                bestEnd = j;
            }
        }
        return (from + previousStart[bestEnd], from + bestEnd, previous[bestEnd]);
    }
}
