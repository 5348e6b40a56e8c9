using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Claims;

/// <summary>A factual statement in the editors' words, backed by citations of exact passages.</summary>
public sealed class Claim : IEditable
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Statement { get; set; }

    /// <summary>The claim's figure as a phrase ("about 10,000 troops"); parse with <see cref="Figures.Figure.Parse"/>.</summary>
    public string? Figure { get; set; }

    /// <summary>What <see cref="AgreementRule"/> derived from the citations.</summary>
    public AgreementFlag ComputedAgreement { get; private set; }
    public string AgreementRationale { get; private set; } = "";

    /// <summary>
    /// How many independent roots the citing documents rest on (<see cref="AgreementVerdict.IndependentRoots"/>): two
    /// documents repeating one agency count once, so 1 means no independent confirmation. Stored for filtering.
    /// </summary>
    public int IndependentRoots { get; private set; }

    /// <summary>An editor's override of the derived flag; it never replaces the rationale, it sits beside it.</summary>
    public AgreementFlag? OverrideAgreement { get; private set; }
    public string? OverrideReason { get; private set; }

    /// <summary>The flag readers see and filter by: the override if any, else the derived one. Stored for indexing.</summary>
    public AgreementFlag Agreement { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: PostgreSQL's <c>xmin</c>, which changes whenever the row does.</summary>
    public uint Version { get; set; }

    /// <summary>When an editor deleted it (soft delete); a global query filter hides deleted claims from every reader query.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public List<Citation> Citations { get; set; } = [];
    public List<Topic> Topics { get; set; } = [];

    public void ApplyVerdict(AgreementVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ComputedAgreement = verdict.Flag;
        AgreementRationale = verdict.Rationale;
        IndependentRoots = verdict.IndependentRoots;
        Agreement = OverrideAgreement ?? verdict.Flag;
    }

    public void Override(AgreementFlag flag, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        OverrideAgreement = flag;
        OverrideReason = reason.Trim();
        Agreement = flag;
    }

    public void ClearOverride()
    {
        OverrideAgreement = null;
        OverrideReason = null;
        Agreement = ComputedAgreement;
    }
}
