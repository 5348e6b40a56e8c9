using KnowledgeBase.Core.Agreement;

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

    /// <summary>
    /// The sentence the words lie in (<see cref="QuoteSentence"/>), kept with the passage so that readers of citations
    /// need not read the document's text: the evidence model reads its hedge and time words from it. Derived from the
    /// canonical text whenever the passage is anchored or re-anchored; null only on rows from before it existed, until
    /// <see cref="PassageSentences"/> fills them.
    /// </summary>
    public string? Sentence { get; set; }

    public static Passage From(Source source, TextAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(anchor);
        var passage = new Passage
        {
            SourceId = source.Id,
            Exact = anchor.Exact,
            Prefix = anchor.Prefix,
            Suffix = anchor.Suffix,
        };
        passage.PlaceIn(source.CanonicalText, anchor.Start, anchor.End);
        return passage;
    }

    /// <summary>Puts the passage at <paramref name="start"/>–<paramref name="end"/> of its document's canonical text, with the sentence there.</summary>
    public void PlaceIn(string canonicalText, int start, int end)
    {
        Start = start;
        End = end;
        Sentence = QuoteSentence.Around(canonicalText, start, end);
    }
}
