
namespace KnowledgeBase.Core.Sources;

/// <summary>
/// An exact stretch of a source's canonical text that one or more citations quote. Its id is stable, so
/// "/sources/{slug}#passage-{id}" keeps pointing at the same words.
/// </summary>
public sealed class Passage
{
    public long Id { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }

    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
    public required string Prefix { get; set; }
    public required string Suffix { get; set; }

    /// <summary>The footnote that backs the sentence, or that the passage lies in.</summary>
    public int? FootnoteId { get; set; }
    public Footnote? Footnote { get; set; }

    /// <summary>How the passage was last found in its source's text: anchored by an editor (exact) or re-anchored after an edit.</summary>
    public AnchorStatus AnchorStatus { get; set; } = AnchorStatus.Exact;

    /// <summary>
    /// Set when re-anchoring found the words only approximately (fuzzy) or not at all (orphaned); it stays set until an
    /// editor saves a claim whose citation anchors the words again. The review queue lists these passages.
    /// </summary>
    public bool NeedsReview { get; set; }

    /// <summary>For a fuzzy passage: the words as they were cited before the source was edited.</summary>
    public string? PreviousExact { get; set; }

    public static Passage From(int sourceId, TextAnchor anchor) => new()
    {
        SourceId = sourceId,
        Start = anchor.Start,
        End = anchor.End,
        Exact = anchor.Exact,
        Prefix = anchor.Prefix,
        Suffix = anchor.Suffix,
    };
}
