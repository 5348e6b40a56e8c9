using System.Globalization;
using KnowledgeBase.Core.Figures;

namespace KnowledgeBase.Core.Agreement;

/// <summary>What the rule needs to know about one citation of a claim.</summary>
/// <param name="SourceKey">Identifies the citing document; citations with the same key are one voice.</param>
/// <param name="SourceName">The document's short name, as a rationale names it ("USIP").</param>
public sealed record CitationEvidence(string SourceKey, string SourceName, Stance Stance, Figure? Figure, string Quote, int? FootnoteNumber = null);

public sealed record AgreementVerdict(AgreementFlag Flag, string Rationale);

/// <summary>
/// Derives a claim's agreement flag from its citations. Documents are compared as voices: a document's strongest
/// stance and most precise figure speak for it. Stances decide first (one document supporting and another
/// contradicting is a conflict); then figures, brought to comparable totals, decide between agree, partial and
/// conflict; a document that supports only part of the claim makes it partial at best.
/// </summary>
public static class AgreementRule
{
    public static AgreementVerdict Evaluate(IReadOnlyList<CitationEvidence> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var voices = citations
            .Where(c => c.Stance != Stance.Mentions)
            .GroupBy(c => c.SourceKey)
            .Select(g => new Voice(g.ToList()))
            .ToList();

        if (voices.Count == 0)
        {
            return new(AgreementFlag.SingleSource, "No document states this claim yet.");
        }
        if (voices.Count == 1)
        {
            var only = voices[0];
            var figure = only.BestQuantities().FirstOrDefault();
            return new(AgreementFlag.SingleSource, figure is null
                ? $"Only {only.Name} states this; no other document in the knowledge base addresses it."
                : $"Only {only.Name} gives this figure ({only.Describe(figure)}); no other document in the knowledge base addresses it.");
        }

        var supporters = voices.Where(v => v.Stance != Stance.Contradicts).ToList();
        var contradictors = voices.Where(v => v.Stance == Stance.Contradicts).ToList();
        if (supporters.Count > 0 && contradictors.Count > 0)
        {
            var s = supporters[0];
            var c = contradictors[0];
            return new(AgreementFlag.Conflict,
                $"{s.Name} supports this (“{Excerpt(s.Strongest.Quote)}”) but {c.Name} contradicts it (“{Excerpt(c.Strongest.Quote)}”).");
        }

        var figureVerdict = CompareFigures(voices);
        if (figureVerdict is not null && figureVerdict.Flag != AgreementFlag.Agree)
        {
            return figureVerdict;
        }

        var partial = voices.FirstOrDefault(v => v.Stance == Stance.SupportsInPart);
        if (partial is not null)
        {
            var full = voices.FirstOrDefault(v => v.Stance == Stance.Supports);
            return new(AgreementFlag.Partial, full is null
                ? $"{JoinNames(voices)} each support this only in part (“{Excerpt(partial.Strongest.Quote)}”)."
                : $"{full.Name} states this (“{Excerpt(full.Strongest.Quote)}”) while {partial.Name} supports it only in part (“{Excerpt(partial.Strongest.Quote)}”).");
        }

        if (figureVerdict is not null)
        {
            return figureVerdict;
        }
        return contradictors.Count == voices.Count
            ? new(AgreementFlag.Agree, $"{JoinNames(voices)} all contradict this claim.")
            : new(AgreementFlag.Agree, $"{JoinNames(voices)} {(voices.Count > 2 ? "all" : "both")} state this.");
    }

    /// <summary>Compares every voice's figures with the first voice that has one; the worst match decides.</summary>
    private static AgreementVerdict? CompareFigures(List<Voice> voices)
    {
        var reference = voices.FirstOrDefault(v => v.BestQuantities().Any());
        if (reference is null)
        {
            return null;
        }
        (FigureComparisonResult Result, Voice Other)? worst = null;
        foreach (var other in voices.Where(v => v != reference))
        {
            foreach (var mine in reference.BestQuantities())
            {
                var theirs = other.BestQuantity(mine.Label);
                if (theirs is null)
                {
                    continue;
                }
                var result = FigureComparison.Compare(mine, theirs);
                if (result.Match != FigureMatch.Incomparable && (worst is null || result.Match > worst.Value.Result.Match))
                {
                    worst = (result, other);
                }
            }
        }
        if (worst is not { } w)
        {
            return null;
        }

        var left = $"{reference.Name} gives {reference.Describe(w.Result.Left)}";
        var right = $"{w.Other.Name} {w.Other.Describe(w.Result.Right)}";
        var pct = w.Result.RelativeDifference is { } d ? (d * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : null;
        return w.Result.Match switch
        {
            FigureMatch.Same => new(AgreementFlag.Agree, $"{left} and {right}: the same figure."),
            FigureMatch.Vaguer => new(AgreementFlag.Partial, $"{left} and {right}: the same direction, but one figure is vaguer than the other."),
            FigureMatch.Different => new(AgreementFlag.Partial, pct is null
                ? $"{left} and {right}: the same direction, but different figures."
                : $"{left} and {right}: the same direction, but the figures differ by {pct}."),
            _ => new(AgreementFlag.Conflict, $"{left} but {right}: more than a factor of two apart."),
        };
    }

    private static string JoinNames(List<Voice> voices) => voices.Count switch
    {
        1 => voices[0].Name,
        2 => $"{voices[0].Name} and {voices[1].Name}",
        _ => string.Join(", ", voices.Take(voices.Count - 1).Select(v => v.Name)) + " and " + voices[^1].Name,
    };

    /// <summary>A quote cut at a word boundary so a rationale stays one readable sentence.</summary>
    internal static string Excerpt(string quote, int max = 90)
    {
        var q = quote.Trim().TrimEnd('.', ',', ';', ':');
        if (q.Length <= max)
        {
            return q;
        }
        var cut = q.LastIndexOf(' ', max);
        return q[..(cut > max / 2 ? cut : max)] + "…";
    }

    /// <summary>One document's citations of a claim, speaking as one.</summary>
    private sealed class Voice(List<CitationEvidence> citations)
    {
        public string Name => citations[0].SourceName;

        public Stance Stance { get; } =
            citations.Any(c => c.Stance == Stance.Supports) ? Stance.Supports
            : citations.Any(c => c.Stance == Stance.SupportsInPart) ? Stance.SupportsInPart
            : Stance.Contradicts;

        public CitationEvidence Strongest => citations.First(c => c.Stance == Stance);

        private IEnumerable<(Quantity Quantity, CitationEvidence Citation)> All =>
            citations.Where(c => c.Figure is not null).SelectMany(c => c.Figure!.Parts.Select(p => (p, c)));

        /// <summary>The most precise quantity for each label this document gives.</summary>
        public IEnumerable<Quantity> BestQuantities() =>
            All.GroupBy(x => x.Quantity.Label ?? "", StringComparer.OrdinalIgnoreCase)
               .Select(g => g.OrderBy(x => Precision(x.Quantity)).First().Quantity);

        public Quantity? BestQuantity(string? label) =>
            All.Where(x => label is null || x.Quantity.Label is null || string.Equals(x.Quantity.Label, label, StringComparison.OrdinalIgnoreCase))
               .OrderBy(x => Precision(x.Quantity))
               .Select(x => x.Quantity)
               .FirstOrDefault();

        public string Describe(Quantity q)
        {
            var fn = All.First(x => x.Quantity == q).Citation.FootnoteNumber;
            return fn is null ? q.Text : $"{q.Text} (fn {fn})";
        }

        public string Describe(NormalizedQuantity q)
        {
            var text = Describe(q.Source);
            return q.Derivation is null ? text : $"{text}, i.e. {q.Derivation}";
        }

        private static int Precision(Quantity q) => q.Value is not null ? (q.Approximate ? 1 : 0) : 2;
    }
}
