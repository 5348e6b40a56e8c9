using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Topics;

public sealed record TopicDetails(int Id, string Slug, string Name, string Description, int ClaimCount);

public sealed record TopicListItem(string Slug, string Name, string Description, int ClaimCount);

public static class TopicQueries
{
    public const int PageSize = 20;

    /// <summary>A topic with its claim count (an index-only count of the live claims' partial index), cached per content version.</summary>
    public static Task<TopicDetails?> FindAsync(KnowledgeBaseDb db, ReadingCache cache, string slug, CancellationToken ct) =>
        cache.GetOrCreateAsync($"topic:{slug}", () => db.Topics.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new TopicDetails(t.Id, t.Slug, t.Name, t.Description, db.ClaimTopics.Count(ct => ct.TopicId == t.Id)))
            .FirstOrDefaultAsync(ct));

    /// <summary>Every topic with its claim count: a count over every claim–topic link, so cached per content version.</summary>
    public static Task<List<TopicListItem>> ListAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("topics", () => db.Topics.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TopicListItem(t.Slug, t.Name, t.Description, db.ClaimTopics.Count(x => x.TopicId == t.Id)))
            .ToListAsync(ct));

    /// <summary>
    /// The topic's claims in (topic_id, claim_id) key order, starting after <paramref name="after"/>: the primary key
    /// of claim_topics serves the walk, so a deep page costs what the first does. An optional flag and source narrow
    /// it (the claim's flag; a semi-join on the claim's citations' passages), keeping the same keyset.
    /// </summary>
    public static async Task<KeysetPage<ClaimSummary>> ClaimsAsync(
        KnowledgeBaseDb db, int topicId, long after, CancellationToken ct, int pageSize = PageSize, AgreementFlag? flag = null, int? sourceId = null)
    {
        var rows = await Claims(db, topicId, after, pageSize + 1, flag, sourceId).ToListAsync(ct);
        var more = rows.Count > pageSize;
        var items = more ? rows[..pageSize] : rows;
        return new KeysetPage<ClaimSummary>(items, more ? items[^1].Id : null);
    }

    // Compiled once (a topic page is the most read page): the unset filters' tests drop out of the SQL, since EF
    // plans it for the parameters' nullness.
    private static readonly Func<KnowledgeBaseDb, int, long, int, AgreementFlag?, int?, IAsyncEnumerable<ClaimSummary>> Claims =
        EF.CompileAsyncQuery((KnowledgeBaseDb db, int topicId, long after, int take, AgreementFlag? flag, int? sourceId) =>
            db.ClaimTopics.AsNoTracking()
                .Where(x => x.TopicId == topicId && x.ClaimId > after)
                .Where(x => flag == null || x.Agreement == flag)
                .Where(x => sourceId == null || db.Citations.Any(c => c.ClaimId == x.ClaimId && c.SourceId == sourceId))
                .OrderBy(x => x.ClaimId)
                .Take(take)
                .Select(x => x.Claim!)
                .Select(ClaimSummary.Projection));

    /// <summary>
    /// How many of the topic's claims carry each flag (cited by the given source, if any): one grouped query over the
    /// (topic, flag, claim) index, cached per content version.
    /// </summary>
    public static Task<Dictionary<AgreementFlag, int>> TopicFlagCountsAsync(
        KnowledgeBaseDb db, ReadingCache cache, int topicId, int? sourceId, CancellationToken ct) =>
        cache.GetOrCreateAsync($"topic-flags:{topicId}:{sourceId}", () => InTopic(db, topicId, null, sourceId)
            .GroupBy(x => x.Agreement)
            .Select(g => new { Flag = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Flag, g => g.Count, ct));

    private static IQueryable<ClaimTopic> InTopic(KnowledgeBaseDb db, int topicId, AgreementFlag? flag, int? sourceId)
    {
        var rows = db.ClaimTopics.AsNoTracking().Where(x => x.TopicId == topicId);
        if (flag is { } f)
        {
            rows = rows.Where(x => x.Agreement == f);
        }
        if (sourceId is { } s)
        {
            rows = rows.Where(x => db.Citations.Any(c => c.ClaimId == x.ClaimId && c.SourceId == s));
        }
        return rows;
    }

    /// <summary>Every claim counted by flag (a scan of the (agreement, id) index), cached per content version.</summary>
    public static Task<Dictionary<AgreementFlag, int>> FlagCountsAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("flags", () => db.Claims.AsNoTracking()
            .GroupBy(c => c.Agreement)
            // Projected to (flag, count) so the database counts; a bare grouping would bring every claim over.
            .Select(g => new { Flag = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Flag, g => g.Count, ct));

    /// <summary>How many documents there are, cached per content version.</summary>
    public static Task<int> SourceCountAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("sources", () => db.Sources.CountAsync(ct));
}
