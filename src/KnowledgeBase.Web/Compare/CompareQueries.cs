using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
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
        var rows = await Membership(db, leftId, rightId)
            .Join(LiveClaims(db), m => m.ClaimId, c => c.Id, (m, c) => new { HasLeft = m.LeftStart != null, HasRight = m.RightStart != null, c.Agreement })
            .GroupBy(x => new { x.HasLeft, x.HasRight, x.Agreement })
            .Select(g => new { g.Key.HasLeft, g.Key.HasRight, g.Key.Agreement, Count = g.Count() })
            .ToListAsync(ct);
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
        var shared = Membership(db, leftId, rightId)
            .Where(m => m.LeftStart != null && m.RightStart != null)
            .Join(LiveClaims(db), m => m.ClaimId, c => c.Id, (m, c) => new { m, c });
        if (flag is { } f)
        {
            shared = shared.Where(x => x.c.Agreement == f);
        }
        var keyed = sort switch
        {
            CompareSort.Left => shared.Select(x => new Keyed { Key1 = x.m.LeftStart!.Value, Key2 = x.m.RightStart!.Value, Id = x.c.Id }),
            CompareSort.Right => shared.Select(x => new Keyed { Key1 = x.m.RightStart!.Value, Key2 = x.m.LeftStart!.Value, Id = x.c.Id }),
            _ => shared.Select(x => new Keyed
            {
                // Disagreements first: that is where a researcher's attention is owed.
                Key1 = x.c.Agreement == AgreementFlag.Conflict ? 0
                    : x.c.Agreement == AgreementFlag.Timeline ? 1
                    : x.c.Agreement == AgreementFlag.Partial ? 2
                    : x.c.Agreement == AgreementFlag.Agree ? 3
                    : 4,
                Key2 = x.m.LeftStart!.Value,
                Id = x.c.Id,
            }),
        };
        var page = await After(keyed, after)
            .OrderBy(k => k.Key1).ThenBy(k => k.Key2).ThenBy(k => k.Id)
            .Take(pageSize + 1)
            .Join(LiveClaims(db), k => k.Id, c => c.Id, (k, c) => new
            {
                k.Key1,
                k.Key2,
                c.Id,
                c.Slug,
                c.Statement,
                c.Figure,
                c.Agreement,
                c.AgreementRationale,
                c.OverrideAgreement,
                c.OverrideReason,
                Passages = c.Citations.AsQueryable()
                    .Where(x => x.SourceId == leftId || x.SourceId == rightId)
                    .OrderBy(x => x.Passage!.Start).ThenBy(x => x.Id)
                    .Select(CitationView.Projection)
                    .ToList(),
            })
            .OrderBy(r => r.Key1).ThenBy(r => r.Key2).ThenBy(r => r.Id)
            .ToListAsync(ct);

        var more = page.Count > pageSize;
        var rows = more ? page[..pageSize] : page;
        var last = rows.Count > 0 ? rows[^1] : null;
        return new ComparePageOf<CompareRowData>(
            rows.Select(r => new CompareRowData(
                r.Id, r.Slug, r.Statement, r.Figure, r.Agreement, r.AgreementRationale, r.OverrideAgreement, r.OverrideReason,
                r.Passages.Where(p => p.Source.Id == leftId).ToList(),
                r.Passages.Where(p => p.Source.Id != leftId).ToList())).ToList(),
            more && last is not null ? new CompareCursor(CompareCursor.SharedList(sort), last.Key1, last.Key2, last.Id) : null);
    }

    /// <summary>One page of the claims <paramref name="sourceId"/> makes and <paramref name="otherId"/> does not, in document order.</summary>
    public static async Task<ComparePageOf<OnlyInRow>> OnlyInAsync(
        KnowledgeBaseDb db, int sourceId, int otherId, string list, CompareCursor? after, CancellationToken ct, int pageSize = PageSize)
    {
        var keyed = Membership(db, sourceId, otherId)
            .Where(m => m.LeftStart != null && m.RightStart == null)
            .Join(LiveClaims(db), m => m.ClaimId, c => c.Id, (m, c) => new Keyed { Key1 = m.LeftStart!.Value, Key2 = 0, Id = c.Id });
        var page = await After(keyed, after)
            .OrderBy(k => k.Key1).ThenBy(k => k.Id)
            .Take(pageSize + 1)
            .Join(LiveClaims(db), k => k.Id, c => c.Id, (k, c) => new
            {
                k.Key1,
                c.Id,
                c.Slug,
                c.Statement,
                c.Figure,
                c.Agreement,
                Passages =
                    c.Citations.AsQueryable()
                        .Where(x => x.SourceId == sourceId)
                        .OrderBy(x => x.Passage!.Start).ThenBy(x => x.Id)
                        .Select(CitationView.Projection)
                        .ToList(),
            })
            .OrderBy(r => r.Key1).ThenBy(r => r.Id)
            .ToListAsync(ct);

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

    /// <summary>
    /// Each claim either document cites, with the first position at which each cites it (null when it does not).
    /// </summary>
    /// <remarks>
    /// Every query of the page starts here, and none applies the query filters: both documents are live (the page found
    /// them), and each list leaves deleted claims out where it joins them (<see cref="LiveClaims"/>). Applied, the
    /// filters joined each citation's claim and each passage's document once more, for every citation of either
    /// document, in each of the page's four queries.
    /// </remarks>
    private static IQueryable<ClaimMembership> Membership(KnowledgeBaseDb db, int leftId, int rightId) =>
        db.Citations.AsNoTracking().IgnoreQueryFilters()
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
    private static IQueryable<Claim> LiveClaims(KnowledgeBaseDb db) => db.Claims.Where(c => c.DeletedAt == null);

    private static IQueryable<Keyed> After(IQueryable<Keyed> keyed, CompareCursor? after) => after is null
        ? keyed
        : keyed.Where(k => k.Key1 > after.Key1
            || (k.Key1 == after.Key1 && (k.Key2 > after.Key2 || (k.Key2 == after.Key2 && k.Id > after.ClaimId))));

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
}
