using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>One checked citation to write onto a claim: its document, where its words are, and the draft's own fields.</summary>
/// <param name="Anchor">Where the words are; null only for a <paramref name="Kept"/> passage.</param>
/// <param name="Footnote">The footnote a new passage gets.</param>
/// <param name="FootnoteChosen">An existing passage gets <paramref name="Footnote"/> too (an editor's choice, a seed file's); else it keeps its own.</param>
/// <param name="Kept">A passage awaiting review that the claim already cites (its words are gone), kept as it stands.</param>
/// <param name="AwaitingReview">The passage awaits review as an export left it (fuzzy or orphaned), with the words cited before.</param>
/// <param name="Derivation">The draft's derivation with its origin resolved (<see cref="DerivationOrigins"/>), or none.</param>
internal sealed record CitationPlacement(
    Source Source, CitationDraft Draft, Stance Stance, TextAnchor? Anchor, int? Footnote, bool FootnoteChosen, Passage? Kept = null,
    AnchorStatus? AwaitingReview = null, string? PreviousExact = null, CitationDerivation? Derivation = null);

/// <summary>A citation as written, with its passage and its footnote's number.</summary>
internal sealed record PlacedCitation(Citation Citation, Passage Passage, Source Source, int? Footnote)
{
    /// <summary>This citation's facts: what an editor confirmed and where its quote lies.</summary>
    public CitationFacts Facts() =>
        Citation.Facts(QuotedPassage.In(Source, Passage.Start, Passage.End, Passage.Exact, Source.Footnotes.FirstOrDefault(f => f.Number == Footnote)));

    /// <summary>What the agreement rule reads of this citation.</summary>
    public CitationEvidence Evidence() => Facts().ToEvidence();
}

/// <summary>
/// The passages that claim writes may share: confirmed ones by span, so citations of the same words share one passage,
/// and those awaiting review by span and words (an orphan keeps its old offsets). Passages created by a write join it,
/// so the claims of one bulk write share them too.
/// </summary>
internal sealed class PassageSpans
{
    private readonly Dictionary<(int SourceId, int Start, int End), Passage> _confirmed;
    private readonly Dictionary<(int SourceId, int Start, int End, string Exact), Passage> _awaiting;

    public PassageSpans(IReadOnlyCollection<Passage> passages)
    {
        _confirmed = passages.Where(p => !p.NeedsReview).ToDictionary(p => (p.SourceId, p.Start, p.End));
        _awaiting = passages.Where(p => p.NeedsReview).GroupBy(p => (p.SourceId, p.Start, p.End, p.Exact)).ToDictionary(g => g.Key, g => g.First());
    }

    public static async Task<PassageSpans> LoadAsync(IQueryable<Passage> passages, CancellationToken ct) =>
        new(await passages.OrderBy(p => p.Id).ToListAsync(ct));

    public Passage? Find(CitationPlacement c) => c.AwaitingReview is null
        ? _confirmed.GetValueOrDefault((c.Source.Id, c.Anchor!.Start, c.Anchor.End))
        : _awaiting.GetValueOrDefault((c.Source.Id, c.Anchor!.Start, c.Anchor.End, c.Anchor.Exact));

    public void Add(Passage p)
    {
        if (p.NeedsReview)
        {
            _awaiting[(p.SourceId, p.Start, p.End, p.Exact)] = p;
        }
        else
        {
            _confirmed[(p.SourceId, p.Start, p.End)] = p;
        }
    }
}

/// <summary>
/// What every write of a claim's content does, in an editor's save and in the seed import alike: its topics, its
/// citations in the draft's order on shared passages (created where the words have none), the citations it no longer
/// makes removed, and its own fields with the verdict.
/// </summary>
internal static class ClaimWrite
{
    /// <param name="verdict">The agreement verdict over the citations as written.</param>
    public static IReadOnlyList<PlacedCitation> Apply(
        KnowledgeBaseDb db, Claim claim, ClaimDraft draft, IReadOnlyCollection<Topic> topics, IEnumerable<CitationPlacement> citations,
        PassageSpans passages, Func<IReadOnlyList<PlacedCitation>, AgreementVerdict> verdict)
    {
        claim.Topics.RemoveAll(t => !topics.Contains(t));
        claim.Topics.AddRange(topics.Where(t => !claim.Topics.Contains(t)));
        var placed = new List<PlacedCitation>();
        foreach (var c in citations)
        {
            placed.Add(Place(db, claim, c, placed.Count, passages));
        }
        claim.Citations.RemoveAll(c => placed.All(p => p.Citation != c));
        draft.ApplyTo(claim, verdict(placed));
        return placed;
    }

    private static PlacedCitation Place(KnowledgeBaseDb db, Claim claim, CitationPlacement c, int position, PassageSpans passages)
    {
        var passage = c.Kept ?? passages.Find(c);
        if (passage is null)
        {
            passage = Passage.From(c.Source, c.Anchor!);
            if (c.AwaitingReview is { } status)
            {
                (passage.NeedsReview, passage.AnchorStatus, passage.PreviousExact) = (true, status, c.PreviousExact);
            }
            db.Passages.Add(passage);
            passages.Add(passage);
            SetFootnote(passage, c.Source, c.Footnote);
        }
        else if (c.FootnoteChosen)
        {
            SetFootnote(passage, c.Source, c.Footnote);
        }
        if (c.Kept is null)
        {
            // Words just anchored are confirmed, whatever re-anchoring said before.
            (passage.Exact, passage.Prefix, passage.Suffix) = (c.Anchor!.Exact, c.Anchor.Prefix, c.Anchor.Suffix);
        }

        var citation = claim.Citations.FirstOrDefault(x => x.Passage == passage);
        if (citation is null)
        {
            citation = new Citation { Passage = passage };
            claim.Citations.Add(citation);
        }
        citation.Position = position;
        c.Draft.ApplyTo(citation, c.Stance, c.Derivation);
        var footnote = passage.Footnote?.Number ?? c.Source.Footnotes.FirstOrDefault(f => f.Id == passage.FootnoteId)?.Number;
        return new PlacedCitation(citation, passage, c.Source, footnote);
    }

    private static void SetFootnote(Passage passage, Source source, int? number)
    {
        passage.Footnote = number is { } n ? source.Footnotes.FirstOrDefault(f => f.Number == n) : null;
        passage.FootnoteId = passage.Footnote?.Id;
    }
}
