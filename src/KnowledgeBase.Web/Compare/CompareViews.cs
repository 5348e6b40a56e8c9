using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.Web.Compare;

/// <summary>A document as the compare page introduces it.</summary>
public sealed record CompareSource(
    int Id, string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind, string Published);

/// <summary>A claim both documents make, with each document's passages (in the order they appear in it).</summary>
public sealed record CompareRowData(
    long ClaimId,
    string Slug,
    string Statement,
    string? Figure,
    AgreementFlag Agreement,
    string Rationale,
    AgreementFlag? OverrideAgreement,
    string? OverrideReason,
    IReadOnlyList<CitationView> Left,
    IReadOnlyList<CitationView> Right)
{
    /// <summary>
    /// The verdict for the two compared documents alone, by the same rule as the claim's flag: a third document's
    /// account (or an editor's override) can make the claim's flag differ from it.
    /// </summary>
    public AgreementVerdict Pair { get; } = AgreementRule.EvaluatePair(
        [.. Left.Concat(Right).Select(c => c.Evidence())], Left[0].Source.Slug, Right[0].Source.Slug);
}

/// <summary>A claim only one of the two documents makes, with that document's passages.</summary>
public sealed record OnlyInRow(long ClaimId, string Slug, string Statement, string? Figure, AgreementFlag Agreement, IReadOnlyList<CitationView> Passages);

/// <summary>How the two documents overlap: shared claims by flag, and the claims only one side makes.</summary>
public sealed record CompareCounts(IReadOnlyDictionary<AgreementFlag, int> Shared, int OnlyLeft, int OnlyRight)
{
    public int SharedTotal => Shared.Values.Sum();

    public int SharedWith(AgreementFlag flag) => Shared.GetValueOrDefault(flag);
}

/// <summary>A page of a compare list: its rows, and the cursor of the next page (null on the last).</summary>
public sealed record ComparePageOf<T>(IReadOnlyList<T> Items, CompareCursor? Next);

/// <summary>Another document that cites some of the same claims, for "Compare with …" links.</summary>
public sealed record CompareCandidate(string Slug, string ShortName, string Title, int SharedClaims);
