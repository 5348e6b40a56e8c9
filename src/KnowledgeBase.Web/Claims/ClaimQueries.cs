using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Claims;

public static class ClaimQueries
{
    /// <summary>
    /// Claims narrowed by the filters the lists and the API share: a flag, a topic, a cited document, and whether the
    /// documents stating them rest on a single independent root (ix_claims_by_independent_roots).
    /// </summary>
    public static IQueryable<Claim> Filtered(KnowledgeBaseDb db, AgreementFlag? flag, int? topicId, int? sourceId, bool singleRoot = false)
    {
        var claims = db.Claims.AsNoTracking();
        if (flag is { } agreement)
        {
            claims = claims.Where(c => c.Agreement == agreement);
        }
        if (singleRoot)
        {
            claims = claims.Where(c => c.IndependentRoots == 1);
        }
        if (topicId is { } topic)
        {
            claims = claims.Where(c => db.ClaimTopics.Any(x => x.TopicId == topic && x.ClaimId == c.Id));
        }
        if (sourceId is { } source)
        {
            claims = claims.Where(c => c.Citations.Any(x => x.SourceId == source));
        }
        return claims;
    }

    /// <summary>
    /// One claim with its topics and citations (passage, source, footnote) in one query, so they are one snapshot: the
    /// API gives its version as the ETag of exactly this body. A claim has a few topics and citations, so the joined
    /// rows stay few.
    /// </summary>
    /// <remarks>
    /// The query filters are spelled out rather than applied: applied, they join the claim again for each citation and
    /// the document again for each footnote, ten tables where eight answer, and planning those joins cost more than
    /// running them (2.1 ms against 0.7 ms at a million claims; docs/benchmarks.md).
    /// </remarks>
    public static Task<ClaimDetails?> FindAsync(KnowledgeBaseDb db, long id, CancellationToken ct) => Find(db, id, ct);

    // Compiled once: a claim page otherwise spends as long hashing and comparing this expression tree against EF's
    // query cache, and extracting its one parameter, as the database spends running it (docs/benchmarks-notes.md).
    private static readonly Func<KnowledgeBaseDb, long, CancellationToken, Task<ClaimDetails?>> Find =
        EF.CompileAsyncQuery((KnowledgeBaseDb db, long id, CancellationToken ct) =>
            db.Claims.AsNoTracking().IgnoreQueryFilters()
                .Where(c => c.Id == id && c.DeletedAt == null)
                .Select(c => new ClaimDetails(
                    c.Id,
                    c.Slug,
                    c.Statement,
                    c.Figure,
                    c.Agreement,
                    c.ComputedAgreement,
                    c.AgreementRationale,
                    c.OverrideAgreement,
                    c.OverrideReason,
                    c.CreatedAt,
                    c.UpdatedAt,
                    c.Version,
                    c.Topics.OrderBy(t => t.Name).Select(t => new TopicLink(t.Slug, t.Name)).ToList(),
                    c.Citations.AsQueryable().Where(x => x.Passage!.Source!.DeletedAt == null)
                        .OrderBy(x => x.Position).Select(CitationView.Projection).ToList()))
                .AsSingleQuery()
                .FirstOrDefault());
}
