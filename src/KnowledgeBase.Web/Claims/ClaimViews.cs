using System.Linq.Expressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Web.Claims;

/// <summary>A claim as a list shows it.</summary>
public sealed record ClaimSummary(long Id, string Slug, string Statement, string? Figure, AgreementFlag Agreement, IReadOnlyList<string> Sources)
{
    /// <summary>The summary as one query reads it, with the short names of the documents cited.</summary>
    public static readonly Expression<Func<Claim, ClaimSummary>> Projection = c => new ClaimSummary(
        c.Id,
        c.Slug,
        c.Statement,
        c.Figure,
        c.Agreement,
        c.Citations.Select(x => x.Passage!.Source!.ShortName).Distinct().ToList());
}

/// <summary>A claim with its agreement, topics and citations, as its page and the API show it.</summary>
public sealed record ClaimDetails(
    long Id,
    string Slug,
    string Statement,
    string? Figure,
    AgreementFlag Agreement,
    AgreementFlag ComputedAgreement,
    string Rationale,
    AgreementFlag? OverrideAgreement,
    string? OverrideReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    IReadOnlyList<TopicLink> Topics,
    IReadOnlyList<CitationView> Citations);

public sealed record TopicLink(string Slug, string Name);

/// <summary>One citation of a claim: the quoted passage with its selector, its document and its footnote.</summary>
/// <param name="Voice">As confirmed by an editor (null: the proposal stands); likewise the certainty and the as-of time.</param>
public sealed record CitationView(
    long Id,
    int Position,
    Stance Stance,
    string? Attribution,
    string? Figure,
    long PassageId,
    string Exact,
    string Prefix,
    string Suffix,
    int Start,
    int End,
    SourceSummary Source,
    FootnoteView? Footnote,
    Voice? Voice = null,
    Certainty? Certainty = null,
    DateOnly? AsOfFrom = null,
    DateOnly? AsOfTo = null,
    string? AsOfWords = null,
    string? Sentence = null,
    bool InFootnote = false,
    CitationDerivation? Derivation = null)
{
    /// <summary>The one projection every reader of citations shares: the claim page, compare and the API.</summary>
    public static readonly Expression<Func<Citation, CitationView>> Projection = x => new CitationView(
        x.Id,
        x.Position,
        x.Stance,
        x.Attribution,
        x.Figure,
        x.PassageId,
        x.Passage!.Exact,
        x.Passage.Prefix,
        x.Passage.Suffix,
        x.Passage.Start,
        x.Passage.End,
        new SourceSummary(
            x.SourceId, x.Passage.Source!.Slug, x.Passage.Source.Title, x.Passage.Source.ShortName, x.Passage.Source.Authors,
            x.Passage.Source.Publisher, x.Passage.Source.Published, x.Passage.Source.Kind),
        x.Passage.Footnote == null
            ? null
            : new FootnoteView(
                x.Passage.Footnote.Number, x.Passage.Footnote.Text, x.Passage.Footnote.Cites.Authors,
                x.Passage.Footnote.Cites.Title, x.Passage.Footnote.Cites.Outlet,
                x.Passage.Footnote.Cites.Published, x.Passage.Footnote.Cites.Url),
        x.Voice,
        x.Certainty,
        x.AsOfFrom,
        x.AsOfTo,
        x.AsOfWords,
        x.Passage.Sentence,
        x.Passage.Footnote != null && x.Passage.Start >= x.Passage.Footnote.Start && x.Passage.End <= x.Passage.Footnote.End,
        x.Derivation);

    /// <summary>
    /// What the agreement rule reads from this citation: the editor's voice, certainty and as-of time, else the
    /// proposal from its sentence (<see cref="Sentence"/>, kept with the passage), its footnote and the
    /// document's date, as <see cref="CitationFacts"/> builds it for every save.
    /// </summary>
    public CitationFacts Facts() => new(
        new QuotedPassage(
            Source.Slug, Source.ShortName, Source.Published, Exact, Sentence, Footnote?.Number, InFootnote, Footnote?.Cites()),
        Stance, Figure, Attribution, Voice, Certainty, CitationFacts.Confirmed(AsOfFrom, AsOfTo, AsOfWords), Derivation);

    public CitationEvidence Evidence() => Facts().ToEvidence();

    /// <summary>The editor's derivation with where each input comes from (the rate is this quote's), or null.</summary>
    public FigureDerivation? Derived() => Derivation?.ToFigure(Source.ShortName, Attribution);

    /// <summary>The citation's voice, certainty, as-of time and roots as a reader is shown them: each says whether an editor confirmed it.</summary>
    public CitationEvidenceShown EvidenceShown()
    {
        var facts = Facts();
        var proposed = facts.Propose();
        return new CitationEvidenceShown(
            Voice ?? proposed.Voice, Voice is not null,
            Certainty ?? proposed.Certainty.Certainty, Certainty is not null,
            Certainty is null ? proposed.Certainty.Words : [],
            facts.AsOf ?? proposed.AsOf, facts.AsOf is not null,
            proposed.Roots);
    }
}

/// <summary>
/// A citation's evidence as its card shows it. Where no editor confirmed a value it is the model's proposal
/// (<see cref="EvidenceProposal"/>), and the card says so: with the hedge words it was read from, or that the as-of
/// time is the document's publication date by default.
/// </summary>
public sealed record CitationEvidenceShown(
    Voice Voice, bool VoiceConfirmed, Certainty Certainty, bool CertaintyConfirmed, IReadOnlyList<string> CertaintyWords,
    AsOf AsOf, bool AsOfConfirmed, IReadOnlyList<string> Roots);

public sealed record SourceSummary(int Id, string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Published, string Kind);

public sealed record FootnoteView(int Number, string Text, string? Authors, string? Title, string? Outlet, string? Published, string? Url)
{
    public CitedWork Cites() => new() { Authors = Authors, Title = Title, Outlet = Outlet, Published = Published, Url = Url };
}
