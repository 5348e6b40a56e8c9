using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Agreement;

/// <summary>What the rule needs to know about one citation of a claim.</summary>
/// <param name="SourceKey">Identifies the citing document; citations with the same key are one account.</param>
/// <param name="SourceName">The document's short name, as a rationale names it ("USIP").</param>
/// <param name="Figure">The figure as the source states it.</param>
public sealed record CitationEvidence(string SourceKey, string SourceName, Stance Stance, Figure? Figure, string Quote, int? FootnoteNumber = null)
{
    public Voice Voice { get; init; } = Voice.Own;

    /// <summary>Whom the document names as its source in that sentence ("Washington estimates"), if anyone.</summary>
    public string? Attribution { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Stated;

    /// <summary>The time the passage describes; none when unknown, which never separates two accounts in time.</summary>
    public AsOf? AsOf { get; init; }

    /// <summary>The outlets, agencies or parties the passage rests on (see <see cref="UpstreamRoots"/>); none: the document itself.</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>An editor's derived total for this citation, used only where no stated figure compares.</summary>
    public FigureDerivation? Derivation { get; init; }

    /// <summary>
    /// The certainty the document itself commits to: a cited headline is the outlet's assertion, which the document
    /// only passes on, so it is at most <see cref="Certainty.Reported"/>.
    /// </summary>
    public Certainty EffectiveCertainty => Voice == Voice.Headline ? CertaintyText.Weaker(Certainty, Certainty.Reported) : Certainty;
}

/// <param name="IndependentRoots">
/// How many independent roots the documents' support has: documents that share an upstream outlet, agency or party
/// count once. A claim with one root has no independent confirmation, whatever its flag.
/// </param>
/// <param name="SharedRoots">The upstream roots two or more documents rest on ("Yonhap").</param>
public sealed record AgreementVerdict(AgreementFlag Flag, string Rationale, int IndependentRoots = 0, IReadOnlyList<string>? SharedRoots = null)
{
    /// <summary>Verdicts are values: two with the same shared roots are equal, whichever lists hold them.</summary>
    public bool Equals(AgreementVerdict? other) =>
        other is not null && Flag == other.Flag && Rationale == other.Rationale && IndependentRoots == other.IndependentRoots
        && (SharedRoots ?? []).SequenceEqual(other.SharedRoots ?? []);

    public override int GetHashCode() => HashCode.Combine(Flag, Rationale, IndependentRoots);
}

/// <summary>
/// Derives a claim's agreement flag from its citations. Each document is one account: its strongest stance, firmest
/// passage and most precise stated figure speak for it. Every pair of accounts gets a verdict:
/// <list type="bullet">
/// <item>opposite stances, or figures more than a factor of two apart, about different times (as-of times that do
/// not overlap) are a <see cref="AgreementFlag.Timeline"/>; about the same time they are a
/// <see cref="AgreementFlag.Conflict"/>, unless either account is hedged, which makes them
/// <see cref="AgreementFlag.Partial"/>;</item>
/// <item>different figures about different times are a timeline, about the same time partial; a vaguer figure, or
/// support in part, is partial;</item>
/// <item>a hedged account against a firm one is at most partial;</item>
/// <item>otherwise the pair agrees.</item>
/// </list>
/// The claim's flag is its most severe pair (conflict, then timeline, then partial, then agree), whose sentence opens
/// the rationale; a second sentence names every other account. A stated figure is preferred over a derived one.
/// Documents resting on the same root stay in the flag but are counted once in <see cref="AgreementVerdict.IndependentRoots"/>,
/// and the rationale says so.
/// </summary>
public static class AgreementRule
{
    public static AgreementVerdict Evaluate(IReadOnlyList<CitationEvidence> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var accounts = citations
            .Where(c => c.Stance != Stance.Mentions)
            .GroupBy(c => c.SourceKey)
            .Select(g => new Account(g.ToList()))
            .ToList();
        if (accounts.Count == 0)
        {
            return new(AgreementFlag.SingleSource, "No document states this claim yet.");
        }

        var (roots, shared) = Independence(accounts);
        string WithRoots(string text) => shared.Count == 0
            ? text
            : text + " " + string.Join(" ", shared.Select(s => $"{TextValues.Listed([.. s.Accounts.Select(a => a.Name)])} {(s.Accounts.Count > 2 ? "all" : "both")} rest on {s.Root}, so they are not independent confirmation."));

        if (accounts.Count == 1)
        {
            var only = accounts[0];
            var figure = only.Quantities.Count > 0 ? only.Quantities[0] : null;
            return new(AgreementFlag.SingleSource, figure is null
                ? $"Only {only.Describe(only.Strongest, showTime: false)} states this; no other document in the knowledge base addresses it."
                : $"Only {only.Describe(figure.Citation, showTime: false)} gives this figure ({figure.Describe()}); no other document in the knowledge base addresses it.", roots, []);
        }

        var showTimes = accounts.Any(a => accounts.Any(b => DifferentTimes(a, b)));
        var pairs = new List<Pair>();
        for (var i = 0; i < accounts.Count; i++)
        {
            for (var j = i + 1; j < accounts.Count; j++)
            {
                pairs.Add(Compare(accounts[i], accounts[j], showTimes));
            }
        }
        var worst = pairs.First(p => Severity(p.Flag) == pairs.Max(q => Severity(q.Flag)));

        if (worst.Flag == AgreementFlag.Agree && accounts.Count > 2 && accounts.All(a => a.Quantities.Count == 0))
        {
            var all = accounts.All(a => a.Stance == Stance.Contradicts) ? "all contradict this claim" : "all state this";
            return new(AgreementFlag.Agree, WithRoots($"{TextValues.Listed([.. accounts.Select(a => a.Describe(a.Strongest, showTimes))])} {all}."), roots, shared.Select(s => s.Root).ToList());
        }
        var others = accounts.Where(a => a != worst.A && a != worst.B).Select(a => a.Summarize(showTimes)).ToList();
        var text = others.Count == 0 ? worst.Text : $"{worst.Text} {TextValues.Capitalized(string.Join("; ", others))}.";
        return new(worst.Flag, WithRoots(text), roots, shared.Select(s => s.Root).ToList());
    }

    /// <summary>
    /// The verdict for two documents alone, as the compare page shows it next to the claim's overall flag: the same
    /// rule over only those two documents' citations.
    /// </summary>
    public static AgreementVerdict EvaluatePair(IReadOnlyList<CitationEvidence> citations, string leftKey, string rightKey)
    {
        ArgumentNullException.ThrowIfNull(citations);
        return Evaluate(citations.Where(c => c.SourceKey == leftKey || c.SourceKey == rightKey).ToList());
    }

    private sealed record Pair(AgreementFlag Flag, string Text, Account A, Account B);

    private static int Severity(AgreementFlag flag) => flag switch
    {
        AgreementFlag.Conflict => 3,
        AgreementFlag.Timeline => 2,
        AgreementFlag.Partial => 1,
        _ => 0,
    };

    /// <summary>
    /// Two accounts speak of different times when both times are known and do not overlap. A time assumed from the
    /// publication date counts: a cited headline's default is its own work's date, so two reports of one poll a month
    /// apart still overlap.
    /// </summary>
    private static bool DifferentTimes(Account a, Account b) =>
        a.AsOf is { } x && b.AsOf is { } y && !x.Overlaps(y);

    private static Pair Compare(Account a, Account b, bool showTimes)
    {
        var apart = DifferentTimes(a, b);
        var (earlier, later) = apart && b.AsOf!.From < a.AsOf!.From ? (b, a) : (a, b);

        if ((a.Stance == Stance.Contradicts) != (b.Stance == Stance.Contradicts))
        {
            var (s, c) = a.Stance == Stance.Contradicts ? (b, a) : (a, b);
            string Says(Account x) => x == s
                ? $"{s.Describe(s.Strongest, showTimes)} supports this (“{Excerpt(s.Strongest.Quote)}”)"
                : $"{c.Describe(c.Strongest, showTimes)} contradicts it (“{Excerpt(c.Strongest.Quote)}”)";
            if (apart)
            {
                var hedged = Hedge(s, c) is { } h ? $", and {h}" : "";
                return new(AgreementFlag.Timeline, $"{Says(earlier)}, then {Says(later)}: they describe different times, so this changed over time rather than conflicts{hedged}.", a, b);
            }
            return Hedge(s, c) is { } hedge
                ? new(AgreementFlag.Partial, $"{Says(s)} but {Says(c)}; {hedge}, so this is not a firm contradiction.", a, b)
                : new(AgreementFlag.Conflict, $"{Says(s)} but {Says(c)}.", a, b);
        }
        if (a.Stance == Stance.Contradicts)
        {
            return new(AgreementFlag.Agree, $"{a.Describe(a.Strongest, showTimes)} and {b.Describe(b.Strongest, showTimes)} both contradict this claim.", a, b);
        }

        var figures = CompareFigures(a, b);
        if (figures is not null)
        {
            string Gives(Account x, bool leading)
            {
                var q = x == a ? figures.LeftQuantity : figures.RightQuantity;
                return $"{x.Describe(q.Citation, showTimes)}{(leading ? " gives " : " ")}{q.Describe()}";
            }
            var both = $"{Gives(a, true)} and {Gives(b, false)}";
            var gap = figures.Result.DescribeGap();
            switch (figures.Result.Match)
            {
                case FigureMatch.Contradictory when apart:
                    return new(AgreementFlag.Timeline, $"{Gives(earlier, true)}, then {Gives(later, true)}: they describe different times, so the figure changed rather than conflicts.", a, b);
                case FigureMatch.Contradictory:
                    return Hedge(a, b) is { } hedge
                        ? new(AgreementFlag.Partial, $"{Gives(a, true)} but {Gives(b, false)}: more than a factor of two apart, but {hedge}, so this is not a firm contradiction.", a, b)
                        : new(AgreementFlag.Conflict, $"{Gives(a, true)} but {Gives(b, false)}: more than a factor of two apart.", a, b);
                case FigureMatch.Different when apart:
                    return new(AgreementFlag.Timeline, $"{Gives(earlier, true)}, then {Gives(later, true)}: the figure changed over time{(gap is null ? "" : $" (by {gap})")}.", a, b);
                case FigureMatch.Different:
                    return new(AgreementFlag.Partial, gap is null
                        ? $"{both}: the same direction, but different figures."
                        : $"{both}: the same direction, but the figures differ by {gap}.", a, b);
                case FigureMatch.Vaguer:
                    return new(AgreementFlag.Partial, $"{both}: the same direction, but one figure is vaguer than the other.", a, b);
            }
        }

        var partial = new[] { a, b }.FirstOrDefault(x => x.Stance == Stance.SupportsInPart);
        if (partial is not null)
        {
            var full = partial == a ? b : a;
            return new(AgreementFlag.Partial, full.Stance == Stance.SupportsInPart
                ? $"{a.Describe(a.Strongest, showTimes)} and {b.Describe(b.Strongest, showTimes)} each support this only in part (“{Excerpt(partial.Strongest.Quote)}”)."
                : $"{full.Describe(full.Strongest, showTimes)} states this (“{Excerpt(full.Strongest.Quote)}”) while {partial.Describe(partial.Strongest, showTimes)} supports it only in part (“{Excerpt(partial.Strongest.Quote)}”).", a, b);
        }

        if (a.Certainty.IsHedged() != b.Certainty.IsHedged())
        {
            var (firm, hedged) = a.Certainty.IsHedged() ? (b, a) : (a, b);
            return new(AgreementFlag.Partial,
                $"{firm.Describe(firm.Strongest, showTimes)} states this (“{Excerpt(firm.Strongest.Quote)}”) but {hedged.Describe(hedged.Strongest, showTimes, showCertainty: false)} gives it only {hedged.Certainty.AsPhrase()} (“{Excerpt(hedged.Strongest.Quote)}”): a hedged account against a firm one is partial agreement at most.", a, b);
        }

        if (figures is { Result.Match: FigureMatch.Same })
        {
            return new(AgreementFlag.Agree,
                $"{a.Describe(figures.LeftQuantity.Citation, showTimes)} gives {figures.LeftQuantity.Describe()} and {b.Describe(figures.RightQuantity.Citation, showTimes)} {figures.RightQuantity.Describe()}: the same figure.", a, b);
        }
        return new(AgreementFlag.Agree, $"{a.Describe(a.Strongest, showTimes)} and {b.Describe(b.Strongest, showTimes)} both state this.", a, b);
    }

    /// <summary>Why a disagreement is not firm, or null when both accounts are firm.</summary>
    private static string? Hedge(Account x, Account y) => (x.Certainty.IsHedged(), y.Certainty.IsHedged()) switch
    {
        (true, true) => "both are hedged",
        (true, false) => $"{x.Name} gives it only {x.Certainty.AsPhrase()}",
        (false, true) => $"{y.Name} gives it only {y.Certainty.AsPhrase()}",
        _ => null,
    };

    private sealed record FigurePair(FigureComparisonResult Result, SpokenQuantity LeftQuantity, SpokenQuantity RightQuantity);

    /// <summary>
    /// Compares the two accounts' figures measure by measure (a share's label, or one measure for counts and money).
    /// For each measure the best-founded comparable pair speaks: stated before derived, then precise before vague;
    /// the worst of those decides. Incomparable figures leave the verdict to the stances.
    /// </summary>
    private static FigurePair? CompareFigures(Account a, Account b)
    {
        var candidates =
            from qa in a.Quantities
            from qb in b.Quantities
            where qa.Quantity.Label is null || qb.Quantity.Label is null
                || string.Equals(qa.Quantity.Label, qb.Quantity.Label, StringComparison.OrdinalIgnoreCase)
            let result = FigureComparison.Compare(qa.Quantity, qb.Quantity)
            where result.Match != FigureMatch.Incomparable
            select new FigurePair(result, qa, qb);
        return candidates
            .GroupBy(p => (p.LeftQuantity.Quantity.Label ?? p.RightQuantity.Quantity.Label ?? "").ToLowerInvariant())
            .Select(g => g.OrderBy(p => (p.LeftQuantity.Derived ? 1 : 0) + (p.RightQuantity.Derived ? 1 : 0))
                          .ThenBy(p => p.LeftQuantity.Precision + p.RightQuantity.Precision)
                          .First())
            .OrderByDescending(p => p.Result.Match)
            .FirstOrDefault();
    }

    /// <summary>
    /// Groups accounts that share an upstream root; a citation without roots rests on its own document. Returns the
    /// number of groups and the roots two or more documents share.
    /// </summary>
    private static (int Count, List<(string Root, List<Account> Accounts)> Shared) Independence(List<Account> accounts)
    {
        var group = Enumerable.Range(0, accounts.Count).ToArray();
        int Find(int i) => group[i] == i ? i : group[i] = Find(group[i]);
        var shared = new List<(string Root, List<Account> Accounts)>();
        foreach (var byRoot in accounts.SelectMany(a => a.Roots.Select(r => (Key: UpstreamRoots.Key(r), Root: r, Account: a))).GroupBy(x => x.Key))
        {
            var sharing = byRoot.Select(x => x.Account).Distinct().ToList();
            if (sharing.Count < 2)
            {
                continue;
            }
            shared.Add((byRoot.First().Root, sharing));
            foreach (var other in sharing.Skip(1))
            {
                group[Find(accounts.IndexOf(other))] = Find(accounts.IndexOf(sharing[0]));
            }
        }
        return (Enumerable.Range(0, accounts.Count).Select(Find).Distinct().Count(), shared);
    }

    /// <summary>A quote cut at a word boundary so a rationale stays one readable sentence.</summary>
    internal static string Excerpt(string quote, int max = 90) => TextValues.Excerpt(quote.Trim().TrimEnd('.', ',', ';', ':'), max);

    /// <summary>A quantity a document gives, with the citation it comes from and whether it is derived.</summary>
    private sealed record SpokenQuantity(Quantity Quantity, CitationEvidence Citation, FigureDerivation? Derivation)
    {
        public bool Derived => Derivation is not null || Quantity.IsDerived;

        /// <summary>A point before an approximate point before a range or a quantity word.</summary>
        public int Precision => Quantity.Value is not null ? (Quantity.Approximate ? 1 : 0) : 2;

        /// <summary>
        /// The figure in the source's words, with its footnote; a stated total's own arithmetic ("i.e. $20M × 12 =
        /// $240M a year"); a derivation marked as one, with where its inputs come from.
        /// </summary>
        public string Describe()
        {
            var text = Citation.FootnoteNumber is { } fn && Citation.Voice != Voice.Headline ? $"{Quantity.Text} (fn {fn})" : Quantity.Text;
            if (Derivation is { } derivation)
            {
                return $"a total the editors derive as {derivation.Describe()}";
            }
            var normalized = FigureComparison.Normalize(Quantity);
            return normalized.Derivation is null ? text
                : Quantity.IsDerived ? $"{text}, derived by the editors: {normalized.Derivation}"
                : $"{text}, i.e. {normalized.Derivation}";
        }
    }

    /// <summary>One document's citations of a claim, speaking as one account.</summary>
    private sealed class Account
    {
        private readonly List<CitationEvidence> _citations;

        public Account(List<CitationEvidence> citations)
        {
            _citations = citations;
            Stance = citations.Any(c => c.Stance == Stance.Supports) ? Stance.Supports
                : citations.Any(c => c.Stance == Stance.SupportsInPart) ? Stance.SupportsInPart
                : Stance.Contradicts;
            var speaking = citations.Where(c => c.Stance == Stance).ToList();
            // A document is as firm as its firmest passage for its stance; that passage is the one quoted.
            Strongest = speaking.OrderBy(c => c.EffectiveCertainty).First();
            var times = speaking.Where(c => c.AsOf is not null).Select(c => c.AsOf!).ToList();
            AsOf = times.Count == 0 ? null : new AsOf(times.Min(t => t.From), times.Max(t => t.To), "", times.All(t => t.IsDefault));
            Roots = citations.SelectMany(c => c.Roots).ToList();
            Quantities = citations
                .Where(c => c.Figure is not null)
                .SelectMany(c => c.Figure!.Parts.Select(p => new SpokenQuantity(p, c, null)))
                .Concat(citations.Where(c => c.Derivation is not null).Select(c => new SpokenQuantity(c.Derivation!.Result, c, c.Derivation)))
                .OrderBy(q => q.Derived)
                .ThenBy(q => q.Precision)
                .ToList();
        }

        public string Name => _citations[0].SourceName;

        public Stance Stance { get; }

        public CitationEvidence Strongest { get; }

        public Certainty Certainty => Strongest.EffectiveCertainty;

        /// <summary>The span of times the account's speaking passages describe; null when none is known.</summary>
        public AsOf? AsOf { get; }

        public IReadOnlyList<string> Roots { get; }

        /// <summary>Its quantities, best-founded first: stated before derived, precise before vague.</summary>
        public List<SpokenQuantity> Quantities { get; }

        /// <summary>
        /// The document's name with what a reader must know about the passage: its time (when times differ), whose
        /// words it is and how surely it says it. "USIP (as of 7 November 2024, citing Yoon, as a possibility)".
        /// </summary>
        public string Describe(CitationEvidence c, bool showTime, bool showCertainty = true)
        {
            var notes = new List<string>();
            if (showTime && c.AsOf is { } asOf)
            {
                notes.Add($"as of {asOf.Describe()}");
            }
            if (c.Voice == Voice.Headline)
            {
                notes.Add(c.FootnoteNumber is { } fn ? $"only the headline of fn {fn}" : "only a cited headline");
            }
            else if (c.Voice == Voice.Attributed)
            {
                notes.Add(string.IsNullOrWhiteSpace(c.Attribution) ? "citing a named party" : $"citing {c.Attribution}");
            }
            // A headline is a report by nature; saying so again adds nothing.
            if (showCertainty && c.EffectiveCertainty.IsHedged() && !(c.Voice == Voice.Headline && c.EffectiveCertainty == Certainty.Reported))
            {
                notes.Add(c.EffectiveCertainty.AsPhrase());
            }
            return notes.Count == 0 ? Name : $"{Name} ({string.Join(", ", notes)})";
        }

        /// <summary>How a further account reads in the rationale's second sentence.</summary>
        public string Summarize(bool showTimes)
        {
            if (Quantities.Count > 0 && Quantities[0] is var q)
            {
                return $"{Describe(q.Citation, showTimes)} gives {q.Describe()}";
            }
            var verb = Stance switch
            {
                Stance.Supports => "states this",
                Stance.SupportsInPart => "supports it in part",
                _ => "contradicts it",
            };
            return $"{Describe(Strongest, showTimes)} {verb} (“{Excerpt(Strongest.Quote)}”)";
        }
    }
}
