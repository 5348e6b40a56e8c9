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
    /// scan with a LIMIT (never a scan of the topic: EF's own translation numbers every row of the table, hence SQL
    /// here). The candidates sharing the most topics come first, then the nearest.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimSummary>> ForAsync(KnowledgeBaseDb db, long claimId, CancellationToken ct, int count = Count)
    {
        var candidates = db.Database.SqlQuery<long>($"""
            SELECT n.claim_id AS "Value"
            FROM claim_topics AS mine
            CROSS JOIN LATERAL (
                (SELECT o.claim_id FROM claim_topics AS o
                 WHERE o.topic_id = mine.topic_id AND o.claim_id > {claimId}
                 ORDER BY o.claim_id LIMIT {count})
                UNION ALL
                (SELECT o.claim_id FROM claim_topics AS o
                 WHERE o.topic_id = mine.topic_id AND o.claim_id < {claimId}
                 ORDER BY o.claim_id DESC LIMIT {count})
            ) AS n
            WHERE mine.claim_id = {claimId}
            """);
        var topics = db.ClaimTopics.Where(mine => mine.ClaimId == claimId);

        // Ranked and cut in SQL, so only the claims shown have their documents' names looked up. The query filters are
        // spelled out: applied, they joined each citation's claim and each passage's document once more.
        return await db.Claims.AsNoTracking().IgnoreQueryFilters()
            .Where(c => candidates.Contains(c.Id) && c.DeletedAt == null)
            .Select(c => new { Claim = c, SharedTopics = db.ClaimTopics.Count(o => o.ClaimId == c.Id && topics.Any(mine => mine.TopicId == o.TopicId)) })
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
                x.Claim.Citations.Where(ci => ci.Passage!.Source!.DeletedAt == null).Select(ci => ci.Passage!.Source!.ShortName).Distinct().ToList()))
            .ToListAsync(ct);
    }
}
