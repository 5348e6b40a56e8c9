using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Agreement;

/// <summary>Where a cited quote lies: its document, its sentence, and its footnote with the work that footnote cites.</summary>
/// <param name="SourceKey">Identifies the citing document (its slug).</param>
/// <param name="Published">The citing document's publication date, a partial ISO date: the default as-of time.</param>
/// <param name="Sentence">The sentence the quote lies in (see <see cref="QuoteSentence"/>), if known.</param>
/// <param name="InFootnote">The quote lies inside its footnote's text: a cited work's title, not the document's prose.</param>
/// <param name="Cites">The work the footnote cites, if the citation has a footnote.</param>
public sealed record QuotedPassage(
    string SourceKey, string SourceName, string Published, string Quote, string? Sentence, int? FootnoteNumber, bool InFootnote, CitedWork? Cites)
{
    /// <summary>The quote at <paramref name="start"/>–<paramref name="end"/> of <paramref name="text"/>, a document's canonical text.</summary>
    public static QuotedPassage In(
        string sourceKey, string sourceName, string published, string text, int start, int end, string quote,
        int? footnote, int footnoteStart, int footnoteEnd, CitedWork? cites) =>
        Placed(sourceKey, sourceName, published, quote, QuoteSentence.Around(text, start, end), start, end, footnote, footnoteStart, footnoteEnd, cites);

    /// <summary>
    /// A quote whose sentence is already known (a stored passage keeps it: <see cref="Passage.Sentence"/>); the
    /// footnote's span is where its text lies in the document's canonical text.
    /// </summary>
    public static QuotedPassage Placed(
        string sourceKey, string sourceName, string published, string quote, string? sentence, int start, int end,
        int? footnote, int footnoteStart, int footnoteEnd, CitedWork? cites) =>
        new(sourceKey, sourceName, published, quote, sentence, footnote, footnote is not null && start >= footnoteStart && end <= footnoteEnd, cites);

    /// <summary>A quote of a stored document at the passage's place, with its footnote (null: none).</summary>
    public static QuotedPassage In(Source source, int start, int end, string quote, Footnote? footnote)
    {
        ArgumentNullException.ThrowIfNull(source);
        return In(source.Slug, source.ShortName, source.Published, source.CanonicalText, start, end, quote,
            footnote?.Number, footnote?.Start ?? 0, footnote?.End ?? 0, footnote?.Cites);
    }
}

/// <summary>
/// Everything the knowledge base holds about one citation that bears on its evidence: where the quote lies, and what
/// an editor confirmed (voice, certainty, as-of time; null where nobody did). <see cref="ToEvidence"/> is the one
/// place a citation becomes what <see cref="AgreementRule"/> reads: the confirmed values where there are, else
/// <see cref="EvidenceProposal"/>'s; and an editor's derivation, whose rate is this quote's. Saves, re-derivations after a source edit, the seed import and the reading
/// pages all go through it, so a stored flag and a flag derived at read time never differ.
/// </summary>
public sealed record CitationFacts(
    QuotedPassage Passage, Stance Stance, string? Figure, string? Attribution, Voice? Voice, Certainty? Certainty, AsOf? AsOf,
    CitationDerivation? Derivation = null)
{
    /// <summary>An editor's as-of time as stored (both ends, or none: the proposal stands).</summary>
    public static AsOf? Confirmed(DateOnly? from, DateOnly? to, string? words) =>
        from is { } f && to is { } t ? new AsOf(f, t, words ?? "") : null;

    /// <summary>What the model proposes for this citation, whatever an editor confirmed.</summary>
    public ProposedEvidence Propose() =>
        EvidenceProposal.Propose(Passage.Quote, Passage.Sentence, Attribution, Passage.InFootnote, Passage.Published, Passage.Cites);

    public CitationEvidence ToEvidence()
    {
        var proposed = Propose();
        return new CitationEvidence(Passage.SourceKey, Passage.SourceName, Stance, Figures.Figure.TryParseOptional(Figure), Passage.Quote, Passage.FootnoteNumber)
        {
            Voice = Voice ?? proposed.Voice,
            Attribution = Attribution,
            Certainty = Certainty ?? proposed.Certainty.Certainty,
            AsOf = AsOf ?? proposed.AsOf,
            Roots = proposed.Roots,
            Derivation = Derivation?.ToFigure(Passage.SourceName, Attribution),
        };
    }
}
