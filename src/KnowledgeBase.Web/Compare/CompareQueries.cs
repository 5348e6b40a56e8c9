using System.Linq.Expressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Compare;

/// <summary>
/// The queries behind /compare. Everything starts from the passages of the two documents (the
/// (source_id, start, end) index) and their citations (the passage_id index), grouped by claim: the work grows
/// with the two documents' citations, never with the size of the knowledge base. A page costs a fixed number of
/// queries: the documents, the counts, one page of shared claims and one page of each single-side list, each
/// page with both sides' passages projected in the same round trip.
/// </summary>
public static class CompareQueries
{
    public const int PageSize = 50;

    /// <summary>Every document, newest first: the picker's options, and where the two compared ones come from.</summary>
    public static Task<List<CompareSource>> SourcesAsync(KnowledgeBaseDb db, ReadingCache cache, string? left, string? right, CancellationToken ct)
    {
        // Like the other source pickers: the newest documents and the two the address names, not all twenty thousand.
        var named = new[] { left, right }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        return cache.GetOrCreateAsync($"compare-sources:{string.Join('|', named)}", async () =>
        {
            var rows = await ClaimListQueries.Offered(db, named)
                .Select(s => new CompareSource(s.Id, s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published))
                .ToListAsync(ct);
            return rows.DistinctBy(s => s.Id).OrderByDescending(s => s.Published, StringComparer.Ordinal).ThenBy(s => s.Id).ToList();
        });
    }

    /// <summary>Shared claims per flag and the number of claims each side makes alone: one aggregate query.</summary>
    public static async Task<CompareCounts> CountsAsync(KnowledgeBaseDb db, int leftId, int rightId, CancellationToken ct)
    {
        var rows = await Counts(db, leftId, rightId).ToListAsync(ct);
        return new CompareCounts(
            rows.Where(r => r.HasLeft && r.HasRight).ToDictionary(r => r.Agreement, r => r.Count),
            rows.Where(r => r.HasLeft && !r.HasRight).Sum(r => r.Count),
            rows.Where(r => !r.HasLeft && r.HasRight).Sum(r => r.Count));
    }

    /// <summary>
    /// One page of the claims both documents make, each with both sides' passages. The keyset is
    /// (key1, key2, claim id): for <see cref="CompareSort.Flag"/> the flag's rank and the left position, for
    /// <see cref="CompareSort.Left"/> the left then the right position, for <see cref="CompareSort.Right"/> the reverse.
    /// </summary>
    public static async Task<ComparePageOf<CompareRowData>> SharedAsync(
        KnowledgeBaseDb db, int leftId, int rightId, AgreementFlag? flag, CompareSort sort, CompareCursor? after,
        CancellationToken ct, int pageSize = PageSize)
    {
        var query = sort switch
        {
            CompareSort.Left => SharedByLeft,
            CompareSort.Right => SharedByRight,
            _ => SharedByFlag,
        };
        var page = await query(db, leftId, rightId, flag, after?.Key1, after?.Key2 ?? 0, after?.ClaimId ?? 0, pageSize + 1).ToListAsync(ct);

        var more = page.Count > pageSize;
        var rows = more ? page[..pageSize] : page;
        var last = rows.Count > 0 ? rows[^1] : null;
        return new ComparePageOf<CompareRowData>(
            rows.Select(r => new CompareRowData(
                r.Id, r.Slug, r.Statement, r.Figure, r.Agreement, r.Rationale, r.OverrideAgreement, r.OverrideReason,
                r.Passages.Where(p => p.Source.Id == leftId).ToList(),
                r.Passages.Where(p => p.Source.Id != leftId).ToList())).ToList(),
            more && last is not null ? new CompareCursor(CompareCursor.SharedList(sort), last.Key1, last.Key2, last.Id) : null);
    }

    /// <summary>One page of the claims <paramref name="sourceId"/> makes and <paramref name="otherId"/> does not, in document order.</summary>
    public static async Task<ComparePageOf<OnlyInRow>> OnlyInAsync(
        KnowledgeBaseDb db, int sourceId, int otherId, string list, CompareCursor? after, CancellationToken ct, int pageSize = PageSize)
    {
        var page = await OnlyIn(db, sourceId, otherId, after?.Key1, after?.ClaimId ?? 0, pageSize + 1).ToListAsync(ct);

        var more = page.Count > pageSize;
        var rows = more ? page[..pageSize] : page;
        return new ComparePageOf<OnlyInRow>(
            rows.Select(r => new OnlyInRow(r.Id, r.Slug, r.Statement, r.Figure, r.Agreement, r.Passages)).ToList(),
            more ? new CompareCursor(list, rows[^1].Key1, 0, rows[^1].Id) : null);
    }

    /// <summary>
    /// Other documents citing claims this one cites, most shared claims first: one query, bounded by this
    /// document's citations.
    /// </summary>
    public static Task<List<CompareCandidate>> CandidatesAsync(KnowledgeBaseDb db, int sourceId, int take, CancellationToken ct)
    {
        var claimIds = db.Citations.Where(c => c.SourceId == sourceId).Select(c => c.ClaimId);
        return db.Citations.AsNoTracking()
            .Where(c => claimIds.Contains(c.ClaimId) && c.SourceId != sourceId)
            .GroupBy(c => c.SourceId)
            .Select(g => new { SourceId = g.Key, Shared = g.Select(c => c.ClaimId).Distinct().Count() })
            .Join(db.Sources, g => g.SourceId, s => s.Id, (g, s) => new { g.Shared, s.Slug, s.ShortName, s.Title, s.Published })
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Published).ThenBy(x => x.Slug)
            .Take(take)
            .Select(x => new CompareCandidate(x.Slug, x.ShortName, x.Title, x.Shared))
            .ToListAsync(ct);
    }

    // The page's queries are compiled once (a compare page sends four): composing them per request cost EF a walk and
    // a hash of each large expression tree before it could reuse its SQL. A compiled query cannot call a method that
    // builds a query, so the shared parts are expressions, inlined (LinqKit's Expand) before compiling; an unset
    // cursor or flag drops out of the SQL, since EF plans it for the parameters' nullness.

    /// <summary>
    /// Each claim either document cites, with the first position at which each cites it (null when it does not).
    /// </summary>
    /// <remarks>
    /// Every query of the page starts here, and none applies the query filters: both documents are live (the page found
    /// them), and each list leaves deleted claims out where it joins them (<see cref="LiveClaims"/>). Applied, the
    /// filters joined each citation's claim and each passage's document once more, for every citation of either
    /// document, in each of the page's four queries.
    /// </remarks>
    private static readonly Expression<Func<KnowledgeBaseDb, int, int, IQueryable<ClaimMembership>>> Membership =
        (db, leftId, rightId) => db.Citations.AsNoTracking().IgnoreQueryFilters()
            .Where(c => c.SourceId == leftId || c.SourceId == rightId)
            .Join(db.Passages, c => c.PassageId, p => p.Id, (c, p) => new { c.ClaimId, c.SourceId, p.Start })
            .GroupBy(x => x.ClaimId)
            .Select(g => new ClaimMembership
            {
                ClaimId = g.Key,
                LeftStart = g.Where(x => x.SourceId == leftId).Min(x => (int?)x.Start),
                RightStart = g.Where(x => x.SourceId == rightId).Min(x => (int?)x.Start),
            });

    /// <summary>The claims a list may show, in queries that ignore the query filters (see <see cref="Membership"/>).</summary>
    private static readonly Expression<Func<KnowledgeBaseDb, IQueryable<Claim>>> LiveClaims = db => db.Claims.Where(c => c.DeletedAt == null);

    /// <summary>After the cursor (key1, key2, claim id); everything when key1 is null.</summary>
    private static readonly Expression<Func<Keyed, int?, int, long, bool>> After = (k, key1, key2, id) =>
        key1 == null || k.Key1 > key1 || (k.Key1 == key1 && (k.Key2 > key2 || (k.Key2 == key2 && k.Id > id)));

    private static readonly Expression<Func<KnowledgeBaseDb, int, int, IQueryable<CountRow>>> CountsQuery = (db, leftId, rightId) =>
        Membership.Invoke(db, leftId, rightId)
            .Join(LiveClaims.Invoke(db), m => m.ClaimId, c => c.Id, (m, c) => new { HasLeft = m.LeftStart != null, HasRight = m.RightStart != null, c.Agreement })
            .GroupBy(x => new { x.HasLeft, x.HasRight, x.Agreement })
            .Select(g => new CountRow { HasLeft = g.Key.HasLeft, HasRight = g.Key.HasRight, Agreement = g.Key.Agreement, Count = g.Count() });

    private static readonly Func<KnowledgeBaseDb, int, int, IAsyncEnumerable<CountRow>> Counts = EF.CompileAsyncQuery(CountsQuery.Expand());

    private static readonly Func<KnowledgeBaseDb, int, int, AgreementFlag?, int?, int, long, int, IAsyncEnumerable<SharedRow>> SharedByFlag =
        CompileShared((m, c) => new Keyed
        {
            // Disagreements first: that is where a researcher's attention is owed.
            Key1 = c.Agreement == AgreementFlag.Conflict ? 0
                : c.Agreement == AgreementFlag.Timeline ? 1
                : c.Agreement == AgreementFlag.Partial ? 2
                : c.Agreement == AgreementFlag.Agree ? 3
                : 4,
            Key2 = m.LeftStart!.Value,
            Id = c.Id,
        });

    private static readonly Func<KnowledgeBaseDb, int, int, AgreementFlag?, int?, int, long, int, IAsyncEnumerable<SharedRow>> SharedByLeft =
        CompileShared((m, c) => new Keyed { Key1 = m.LeftStart!.Value, Key2 = m.RightStart!.Value, Id = c.Id });

    private static readonly Func<KnowledgeBaseDb, int, int, AgreementFlag?, int?, int, long, int, IAsyncEnumerable<SharedRow>> SharedByRight =
        CompileShared((m, c) => new Keyed { Key1 = m.RightStart!.Value, Key2 = m.LeftStart!.Value, Id = c.Id });

    /// <summary>The shared claims' page in the order <paramref name="key"/> gives: the three orders differ only in it.</summary>
    private static Func<KnowledgeBaseDb, int, int, AgreementFlag?, int?, int, long, int, IAsyncEnumerable<SharedRow>> CompileShared(
        Expression<Func<ClaimMembership, Claim, Keyed>> key)
    {
        Expression<Func<KnowledgeBaseDb, int, int, AgreementFlag?, int?, int, long, int, IQueryable<SharedRow>>> query =
            (db, leftId, rightId, flag, afterKey1, afterKey2, afterId, take) => Membership.Invoke(db, leftId, rightId)
                .Where(m => m.LeftStart != null && m.RightStart != null)
                .Join(LiveClaims.Invoke(db), m => m.ClaimId, c => c.Id, (m, c) => new { m, c })
                .Where(x => flag == null || x.c.Agreement == flag)
                .Select(x => key.Invoke(x.m, x.c))
                .Where(k => After.Invoke(k, afterKey1, afterKey2, afterId))
                .OrderBy(k => k.Key1).ThenBy(k => k.Key2).ThenBy(k => k.Id)
                .Take(take)
                .Join(LiveClaims.Invoke(db), k => k.Id, c => c.Id, (k, c) => new { k, c })
                .OrderBy(x => x.k.Key1).ThenBy(x => x.k.Key2).ThenBy(x => x.k.Id)
                .Select(x => new SharedRow
                {
                    Key1 = x.k.Key1,
                    Key2 = x.k.Key2,
                    Id = x.c.Id,
                    Slug = x.c.Slug,
                    Statement = x.c.Statement,
                    Figure = x.c.Figure,
                    Agreement = x.c.Agreement,
                    Rationale = x.c.AgreementRationale,
                    OverrideAgreement = x.c.OverrideAgreement,
                    OverrideReason = x.c.OverrideReason,
                    Passages = x.c.Citations.AsQueryable()
                        .Where(p => p.SourceId == leftId || p.SourceId == rightId)
                        .OrderBy(p => p.Passage!.Start).ThenBy(p => p.Id)
                        .Select(CitationView.Projection)
                        .ToList(),
                });
        return EF.CompileAsyncQuery(query.Expand());
    }

    private static readonly Expression<Func<KnowledgeBaseDb, int, int, int?, long, int, IQueryable<OnlyRow>>> OnlyInQuery =
        (db, sourceId, otherId, afterKey1, afterId, take) => Membership.Invoke(db, sourceId, otherId)
                .Where(m => m.LeftStart != null && m.RightStart == null)
                .Join(LiveClaims.Invoke(db), m => m.ClaimId, c => c.Id, (m, c) => new Keyed { Key1 = m.LeftStart!.Value, Key2 = 0, Id = c.Id })
                .Where(k => After.Invoke(k, afterKey1, 0, afterId))
                .OrderBy(k => k.Key1).ThenBy(k => k.Id)
                .Take(take)
                .Join(LiveClaims.Invoke(db), k => k.Id, c => c.Id, (k, c) => new { k, c })
                .OrderBy(x => x.k.Key1).ThenBy(x => x.k.Id)
                .Select(x => new OnlyRow
                {
                    Key1 = x.k.Key1,
                    Id = x.c.Id,
                    Slug = x.c.Slug,
                    Statement = x.c.Statement,
                    Figure = x.c.Figure,
                    Agreement = x.c.Agreement,
                    Passages = x.c.Citations.AsQueryable()
                        .Where(p => p.SourceId == sourceId)
                        .OrderBy(p => p.Passage!.Start).ThenBy(p => p.Id)
                        .Select(CitationView.Projection)
                        .ToList(),
                });

    private static readonly Func<KnowledgeBaseDb, int, int, int?, long, int, IAsyncEnumerable<OnlyRow>> OnlyIn = EF.CompileAsyncQuery(OnlyInQuery.Expand());

    private sealed class ClaimMembership
    {
        public long ClaimId { get; init; }
        public int? LeftStart { get; init; }
        public int? RightStart { get; init; }
    }

    private sealed class Keyed
    {
        public int Key1 { get; init; }
        public int Key2 { get; init; }
        public long Id { get; init; }
    }

    private sealed class CountRow
    {
        public bool HasLeft { get; init; }
        public bool HasRight { get; init; }
        public AgreementFlag Agreement { get; init; }
        public int Count { get; init; }
    }

    private sealed class SharedRow
    {
        public int Key1 { get; init; }
        public int Key2 { get; init; }
        public long Id { get; init; }
        public required string Slug { get; init; }
        public required string Statement { get; init; }
        public string? Figure { get; init; }
        public AgreementFlag Agreement { get; init; }
        public required string Rationale { get; init; }
        public AgreementFlag? OverrideAgreement { get; init; }
        public string? OverrideReason { get; init; }
        public required List<CitationView> Passages { get; init; }
    }

    private sealed class OnlyRow
    {
        public int Key1 { get; init; }
        public long Id { get; init; }
        public required string Slug { get; init; }
        public required string Statement { get; init; }
        public string? Figure { get; init; }
        public AgreementFlag Agreement { get; init; }
        public required List<CitationView> Passages { get; init; }
    }
}
