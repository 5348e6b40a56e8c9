using System.Linq.Expressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Claims;

/// <summary>
/// A citation with what its evidence needs, as one query reads it: its passage's sentence (kept with the passage, so
/// the document's text is never read) and its footnote.
/// </summary>
public sealed record CitationEvidenceRow(
    long ClaimId, Citation Citation, string SourceSlug, string SourceName, string Published, int Start, int End, string Exact,
    string? Sentence, Footnote? Footnote)
{
    public static readonly Expression<Func<Citation, CitationEvidenceRow>> Projection = c => new CitationEvidenceRow(
        c.ClaimId,
        c,
        c.Passage!.Source!.Slug,
        c.Passage.Source.ShortName,
        c.Passage.Source.Published,
        c.Passage.Start,
        c.Passage.End,
        c.Passage.Exact,
        c.Passage.Sentence,
        c.Passage.Footnote);

    public CitationEvidence ToEvidence() => Citation.Facts(QuotedPassage.Placed(
        SourceSlug, SourceName, Published, Exact, Sentence, Start, End, Footnote?.Number, Footnote?.Start ?? 0, Footnote?.End ?? 0, Footnote?.Cites))
        .ToEvidence();
}
