using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Claims;

/// <summary>A claim's link to the passage of a source that states (or denies) it.</summary>
public sealed class Citation
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public Claim? Claim { get; set; }
    public long PassageId { get; set; }
    public Passage? Passage { get; set; }

    /// <summary>The cited passage's source, copied by the database (trigger) so source filters need no join through passages.</summary>
    public int SourceId { get; private set; }

    /// <summary>Order among the claim's citations.</summary>
    public int Position { get; set; }

    public Stance Stance { get; set; }

    /// <summary>Whom the sentence itself names as its source: "Washington estimates", "a recent poll".</summary>
    public string? Attribution { get; set; }

    /// <summary>The figure as this source states it, as a phrase.</summary>
    public string? Figure { get; set; }
}
