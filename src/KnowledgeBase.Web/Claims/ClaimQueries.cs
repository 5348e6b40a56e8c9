using System.Linq.Expressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Claims;

public static class ClaimQueries
{
    /// <summary>
    /// The filters the lists and the API share: a flag, a topic, a cited document, and a number of independent roots
    /// (1 for claims whose documents rest on a single one; ix_claims_by_independent_roots). A null filter passes every
    /// claim and drops out of the SQL, since EF plans the SQL for its parameters' nullness; so one expression serves the
    /// composed queries and the compiled ones (inlined with LinqKit's Expand).
    /// </summary>
    public static readonly Expression<Func<KnowledgeBaseDb, Claim, AgreementFlag?, int?, int?, int?, bool>> MatchesFilters =
        (db, c, flag, topicId, sourceId, independentRoots) =>
            (flag == null || c.Agreement == flag)
            && (independentRoots == null || c.IndependentRoots == independentRoots)
            && (topicId == null || db.ClaimTopics.Any(x => x.TopicId == topicId && x.ClaimId == c.Id))
            && (sourceId == null || c.Citations.Any(x => x.SourceId == sourceId));

    /// <summary>Claims narrowed by <see cref="MatchesFilters"/>.</summary>
    public static IQueryable<Claim> Filtered(KnowledgeBaseDb db, AgreementFlag? flag, int? topicId, int? sourceId, bool singleRoot = false)
    {
        int? independentRoots = singleRoot ? 1 : null;
        Expression<Func<Claim, bool>> matches = c => MatchesFilters.Invoke(db, c, flag, topicId, sourceId, independentRoots);
        return db.Claims.AsNoTracking().Where(matches.Expand());
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
