using KnowledgeBase.Core.Anchoring;

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
