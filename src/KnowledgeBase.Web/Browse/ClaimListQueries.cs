using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Browse;

/// <summary>A topic or source as a filter offers it.</summary>
public sealed record FilterOption(int Id, string Slug, string Label);

/// <summary>A source as filters offer it.</summary>
public sealed record OfferedSource(int Id, string Slug, string ShortName, string Title, string Published);

/// <summary>Where a page of the all-claims list ends: the last claim's flag (used by the agreement order) and id.</summary>
public sealed record ClaimListKey(AgreementFlag Flag, long Id);

/// <summary>The all-claims list's filters resolved to ids.</summary>
public sealed record ClaimListScope(AgreementFlag? Flag, int? TopicId, int? SourceId, ClaimSort Sort, int Size, bool SingleRoot = false);

public sealed record ClaimListPage(IReadOnlyList<ClaimSummary> Items, ClaimListKey? Next);

/// <summary>Opaque cursors of the all-claims list: the id for the id orders, the flag and id for the agreement order.</summary>
public static class ClaimListCursor
{
    public static string Encode(ClaimSort sort, ClaimListKey key) => sort == ClaimSort.Agreement
        ? Cursor.Encode(key.Flag.ToSlug(), key.Id.ToString(CultureInfo.InvariantCulture))
        : Cursor.Encode(key.Id);

    public static bool TryDecode(ClaimSort sort, string? cursor, out ClaimListKey? key)
    {
        key = null;
        if (sort != ClaimSort.Agreement)
        {
            if (!Cursor.TryDecodeId(cursor, out var id))
            {
                return false;
            }
            key = new ClaimListKey(AgreementFlag.SingleSource, id);
            return true;
        }
        if (Cursor.Decode(cursor, 2) is [var flagSlug, var idText]
            && EnumSlugs.TryParse<AgreementFlag>(flagSlug, out var flag)
            && long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var lastId)
            && lastId > 0)
        {
            key = new ClaimListKey(flag, lastId);
            return true;
        }
        return false;
    }
}

/// <summary>
/// The all-claims list. Every page costs two queries whatever its depth: the page's keys by a keyset walk, then
/// the claims' summaries by id. Filters are semi-joins (EXISTS) so a claim never appears twice.
/// </summary>
public static class ClaimListQueries
{
    /// <summary>Every topic by name, cached per content version.</summary>
    public static Task<List<FilterOption>> TopicOptionsAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("topic-options", () =>
            db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new FilterOption(t.Id, t.Slug, t.Name)).ToListAsync(ct));

    /// <summary>How many documents a source filter offers: a drop-down of twenty thousand is no choice, and no page weight.</summary>
    public const int SourceOptionLimit = 50;

    /// <summary>The sources a filter offers, labelled by their short names: see <see cref="OfferedSourcesAsync"/>.</summary>
    public static async Task<List<FilterOption>> SourceOptionsAsync(KnowledgeBaseDb db, ReadingCache cache, string? selected, CancellationToken ct) =>
        (await OfferedSourcesAsync(db, cache, selected, ct)).Select(s => new FilterOption(s.Id, s.Slug, s.ShortName)).ToList();

    /// <summary>
    /// The newest <see cref="SourceOptionLimit"/> sources (the (published, id) index) and the one the address asks for,
    /// if it exists, newest first, in one query (cached per content version): the filter's choices and the check of the
    /// address's slug.
    /// </summary>
    public static Task<IReadOnlyList<OfferedSource>> OfferedSourcesAsync(KnowledgeBaseDb db, ReadingCache cache, string? selected, CancellationToken ct)
    {
        // Slugs are lower case; the address may not be.
        var slug = selected?.ToLowerInvariant();
        return cache.GetOrCreateAsync<IReadOnlyList<OfferedSource>>($"offered-sources:{slug}", async () =>
        {
            var rows = await Offered(db, string.IsNullOrEmpty(slug) ? [] : [slug])
                .Select(s => new OfferedSource(s.Id, s.Slug, s.ShortName, s.Title, s.Published)).ToListAsync(ct);
            return rows.DistinctBy(s => s.Id).OrderByDescending(s => s.Published, StringComparer.Ordinal).ThenByDescending(s => s.Id).ToList();
        });
    }

    /// <summary>
    /// What every source picker offers: the newest <see cref="SourceOptionLimit"/> sources (the (published, id) index)
    /// and those the address names (lower-case slugs); one query, which may hold a source twice.
    /// </summary>
    public static IQueryable<Source> Offered(KnowledgeBaseDb db, IReadOnlyCollection<string> named)
    {
        var sources = db.Sources.AsNoTracking();
        var newest = sources.OrderByDescending(s => s.Published).ThenByDescending(s => s.Id).Take(SourceOptionLimit);
        return named.Count == 0 ? newest : newest.Concat(sources.Where(s => named.Contains(s.Slug)));
    }

    public static async Task<ClaimListPage> PageAsync(KnowledgeBaseDb db, ClaimListScope scope, ClaimListKey? after, CancellationToken ct)
    {
        var take = scope.Size + 1;
        var filtered = Filtered(db, scope);
        var below = after?.Id ?? long.MaxValue;
        var above = after?.Id ?? 0;
        var keys = scope.Sort switch
        {
            ClaimSort.Newest => await filtered.Where(c => c.Id < below)
                .OrderByDescending(c => c.Id).Take(take)
                .Select(c => new ClaimListKey(c.Agreement, c.Id)).ToListAsync(ct),
            ClaimSort.Oldest => await filtered.Where(c => c.Id > above)
                .OrderBy(c => c.Id).Take(take)
                .Select(c => new ClaimListKey(c.Agreement, c.Id)).ToListAsync(ct),
            _ => await AgreementOrderKeysAsync(db, scope, after, take, ct),
        };

        var more = keys.Count > scope.Size;
        if (more)
        {
            keys.RemoveAt(keys.Count - 1);
        }
        var items = await SummariesAsync(db, keys.Select(k => k.Id).ToList(), ct);
        return new ClaimListPage(items, more ? keys[^1] : null);
    }

    /// <summary>
    /// The agreement order, in one query: for each flag from the cursor's on, the next claims with that flag by id
    /// (each branch an (agreement, id) index range, limited to a page), glued with UNION ALL; the few rows that
    /// come back are put in flag order here.
    /// </summary>
    private static async Task<List<ClaimListKey>> AgreementOrderKeysAsync(
        KnowledgeBaseDb db, ClaimListScope scope, ClaimListKey? after, int take, CancellationToken ct)
    {
        var order = BrowseParameters.FlagOrder;
        var start = after is null ? 0 : IndexOf(order, after.Flag);
        IQueryable<KeyRow>? union = null;
        for (var i = start; i < order.Count; i++)
        {
            var flag = order[i];
            if (scope.Flag is { } only && only != flag)
            {
                continue;
            }
            var lastId = after is not null && i == start ? after.Id : 0;
            var branch = Filtered(db, scope with { Flag = null })
                .Where(c => c.Agreement == flag && c.Id > lastId)
                .OrderBy(c => c.Id).Take(take)
                .Select(c => new KeyRow { Agreement = c.Agreement, Id = c.Id });
            union = union is null ? branch : union.Concat(branch);
        }
        if (union is null)
        {
            return [];
        }
        var rows = await union.ToListAsync(ct);
        return rows.Select(r => new ClaimListKey(r.Agreement, r.Id))
            .OrderBy(k => IndexOf(order, k.Flag)).ThenBy(k => k.Id).Take(take).ToList();
    }

    /// <summary>A key row as SQL returns it: set operations need a projection EF can translate (member init, not a constructor).</summary>
    private sealed class KeyRow
    {
        public AgreementFlag Agreement { get; init; }
        public long Id { get; init; }
    }

    private static int IndexOf(IReadOnlyList<AgreementFlag> order, AgreementFlag flag)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == flag)
            {
                return i;
            }
        }
        return order.Count;
    }

    private static IQueryable<Claim> Filtered(KnowledgeBaseDb db, ClaimListScope scope) =>
        ClaimQueries.Filtered(db, scope.Flag, scope.TopicId, scope.SourceId, scope.SingleRoot);

    /// <summary>Claims as lists show them, in the order of <paramref name="ids"/>, in one query.</summary>
    public static async Task<IReadOnlyList<ClaimSummary>> SummariesAsync(KnowledgeBaseDb db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Claims.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(ClaimSummary.Projection)
            .ToDictionaryAsync(c => c.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }
}
