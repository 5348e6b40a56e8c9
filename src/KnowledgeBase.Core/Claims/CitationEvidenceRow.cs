using System.Linq.Expressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Claims;

/// <summary>
/// A citation with what its evidence needs, as one query reads it: the text around its passage (a window of
/// <see cref="QuoteSentence.Reach"/> characters either side) rather than the whole document, and its footnote.
/// </summary>
public sealed record CitationEvidenceRow(
    long ClaimId, Citation Citation, string SourceSlug, string SourceName, string Published, int Start, int End, string Exact,
    string Window, int WindowStart, Footnote? Footnote)
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
        c.Passage.Source.CanonicalText.Substring(
            Math.Max(0, c.Passage.Start - QuoteSentence.Reach), c.Passage.End + QuoteSentence.Reach - Math.Max(0, c.Passage.Start - QuoteSentence.Reach)),
        Math.Max(0, c.Passage.Start - QuoteSentence.Reach),
        c.Passage.Footnote);

    public CitationEvidence ToEvidence() => Citation.Facts(QuotedPassage.In(
        SourceSlug, SourceName, Published, Window, Start, End, Exact, Footnote?.Number, Footnote?.Start ?? 0, Footnote?.End ?? 0, Footnote?.Cites,
        WindowStart)).ToEvidence();
}
