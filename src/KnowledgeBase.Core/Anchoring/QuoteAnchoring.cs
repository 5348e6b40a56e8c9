using System.Runtime.CompilerServices;
using System.Text;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Anchoring;

/// <summary>
/// Finds a quote in a document's canonical text. Matching is exact except for white space (any run of spaces,
/// tabs, line breaks or no-break spaces matches any other), so a quote copied from a rendered page still anchors.
/// A quote found more than once is narrowed by the text that must come right before (prefix) and after (suffix).
/// </summary>
public static class QuoteAnchoring
{
    /// <summary>
    /// Each document's folded text, kept while its string lives: an import or export anchors thousands of quotes in
    /// the same few documents, and folding the whole text for each quote would dominate its time.
    /// </summary>
    private static readonly ConditionalWeakTable<string, Collapsed> Haystacks = new();

    public static AnchorResult Anchor(string text, string exact, string? prefix = null, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(exact);

        var haystack = Haystacks.GetValue(text, Collapsed.Of);
        var needle = Collapsed.Of(exact.Trim()).Text;
        var wantPrefix = string.IsNullOrWhiteSpace(prefix) ? null : Collapsed.Of(prefix).Text.Trim();
        var wantSuffix = string.IsNullOrWhiteSpace(suffix) ? null : Collapsed.Of(suffix).Text.Trim();

        var all = new List<(int Start, int End)>();
        for (var i = haystack.Text.IndexOf(needle, StringComparison.Ordinal); i >= 0;
             i = haystack.Text.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            all.Add((i, i + needle.Length));
        }
        if (all.Count == 0)
        {
            return new(AnchorOutcome.NotFound, null, []);
        }

        var matching = all.Where(m =>
                (wantPrefix is null || haystack.Text[..m.Start].TrimEnd().EndsWith(wantPrefix, StringComparison.Ordinal)) &&
                (wantSuffix is null || haystack.Text[m.End..].TrimStart().StartsWith(wantSuffix, StringComparison.Ordinal)))
            .ToList();

        if (matching.Count == 1)
        {
            var (start, end) = haystack.ToOriginal(matching[0]);
            return new(AnchorOutcome.Found, TextAnchor.At(text, start, end), []);
        }

        var candidates = (matching.Count == 0 ? all : matching)
            .Select(m => haystack.ToOriginal(m))
            .Select(m => new AnchorCandidate(m.Start, m.End, Context(text, m.Start, m.End)))
            .ToList();
        return matching.Count == 0
            ? new(AnchorOutcome.NotFound, null, candidates)
            : new(AnchorOutcome.Ambiguous, null, candidates);
    }

    private static string Context(string text, int start, int end)
    {
        const int Around = 40;
        var before = text[Math.Max(0, start - Around)..start];
        var after = text[end..Math.Min(text.Length, end + Around)];
        return $"…{before}[{text[start..end]}]{after}…".ReplaceLineEndings(" ");
    }

    /// <summary>Text with each white-space run folded to one space, and a map back to the original offsets.</summary>
    private sealed class Collapsed
    {
        private readonly List<int> _map;

        private Collapsed(string text, List<int> map)
        {
            Text = text;
            _map = map;
        }

        public string Text { get; }

        public static Collapsed Of(string original)
        {
            var sb = new StringBuilder(original.Length);
            var map = new List<int>(original.Length + 1);
            var inSpace = false;
            for (var i = 0; i < original.Length; i++)
            {
                if (char.IsWhiteSpace(original[i]))
                {
                    if (inSpace)
                    {
                        continue;
                    }
                    inSpace = true;
                    sb.Append(' ');
                }
                else
                {
                    inSpace = false;
                    sb.Append(original[i]);
                }
                map.Add(i);
            }
            map.Add(original.Length);
            return new Collapsed(sb.ToString(), map);
        }

        /// <summary>Maps a collapsed span back; the end lands just after the last matched original character.</summary>
        public (int Start, int End) ToOriginal((int Start, int End) span) =>
            (_map[span.Start], span.End == 0 ? 0 : _map[span.End - 1] + 1);
    }
}
