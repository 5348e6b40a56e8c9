using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Claims;

public static class RelatedClaimQueries
{
    /// <summary>How many related claims a claim page shows.</summary>
    public const int Count = 5;

    /// <summary>
    /// Claims that share a topic with the claim, in one query that stays cheap at a million claims: for each of the
    /// claim's topics, its neighbours in the topic's (topic_id, claim_id) key order, <paramref name="count"/> after
    /// and <paramref name="count"/> before, each read from the primary key of claim_topics by a LATERAL index range
    /// scan with a LIMIT, never a scan of the topic. The candidates sharing the most topics come first, then the nearest.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimSummary>> ForAsync(KnowledgeBaseDb db, long claimId, CancellationToken ct, int count = Count) =>
        await Related(db, claimId, count).ToListAsync(ct);

    // Compiled once: on a claim page, looking this tree up in EF's query cache cost more CPU than the database spent
    // running it. Each side is a Take after an OrderBy in a SelectMany: EF writes it as the LATERAL subquery with its
    // LIMIT. Ranked and cut in SQL, so only the claims shown have their documents' names looked up. The query filters
    // are spelled out: applied, they joined each citation's claim and each passage's document once more.
    private static readonly Func<KnowledgeBaseDb, long, int, IAsyncEnumerable<ClaimSummary>> Related =
        EF.CompileAsyncQuery((KnowledgeBaseDb db, long claimId, int count) =>
            db.Claims.AsNoTracking().IgnoreQueryFilters()
                .Where(c => db.ClaimTopics.IgnoreQueryFilters().Where(mine => mine.ClaimId == claimId)
                    .SelectMany(mine => db.ClaimTopics.IgnoreQueryFilters()
                        .Where(o => o.TopicId == mine.TopicId && o.ClaimId > claimId).OrderBy(o => o.ClaimId).Take(count)
                        .Concat(db.ClaimTopics.IgnoreQueryFilters()
                            .Where(o => o.TopicId == mine.TopicId && o.ClaimId < claimId).OrderByDescending(o => o.ClaimId).Take(count)))
                    .Any(n => n.ClaimId == c.Id) && c.DeletedAt == null)
                .Select(c => new
                {
                    Claim = c,
                    SharedTopics = db.ClaimTopics.Count(o => o.ClaimId == c.Id && db.ClaimTopics.Any(mine => mine.ClaimId == claimId && mine.TopicId == o.TopicId)),
                })
                .OrderByDescending(x => x.SharedTopics)
                .ThenBy(x => Math.Abs(x.Claim.Id - claimId))
                .ThenBy(x => x.Claim.Id)
                .Take(count)
                .Select(x => new ClaimSummary(
                    x.Claim.Id,
                    x.Claim.Slug,
                    x.Claim.Statement,
                    x.Claim.Figure,
                    x.Claim.Agreement,
                    x.Claim.Citations.Where(ci => ci.Passage!.Source!.DeletedAt == null).Select(ci => ci.Passage!.Source!.ShortName).Distinct().ToList())));
}
