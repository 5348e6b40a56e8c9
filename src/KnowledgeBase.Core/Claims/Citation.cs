using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;
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

    // Voice, certainty and as-of time are an editor's confirmation of what the evidence model proposes. Null means
    // "not confirmed": readers and the agreement rule take the proposal (from where the quote lies, its hedge words,
    // its words about time or else the publication date), so rows from before these fields existed need no backfill.

    /// <summary>Whose words the passage is; null: proposed (a quote in a footnote is a headline, an attributed one the party's, else own).</summary>
    public Voice? Voice { get; set; }

    /// <summary>How surely the passage asserts it; null: proposed from the quote's hedge words.</summary>
    public Certainty? Certainty { get; set; }

    /// <summary>The first day of the time the passage describes; null (with <see cref="AsOfTo"/>): the publication date, as a default.</summary>
    public DateOnly? AsOfFrom { get; set; }

    /// <summary>The last day of that time (the same day for a date).</summary>
    public DateOnly? AsOfTo { get; set; }

    /// <summary>The words that say when ("In October 2024", "so far"); optional.</summary>
    public string? AsOfWords { get; set; }

    /// <summary>An editor's derived total (this quote's rate × a count from another claim); null: none. Never part of <see cref="Figure"/>.</summary>
    public CitationDerivation? Derivation { get; set; }

    /// <summary>This citation's facts for the agreement rule, its quote placed by <paramref name="passage"/>.</summary>
    public CitationFacts Facts(QuotedPassage passage) =>
        new(passage, Stance, Figure, Attribution, Voice, Certainty, CitationFacts.Confirmed(AsOfFrom, AsOfTo, AsOfWords), Derivation);
}
