using System.Globalization;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Outlets;

/// <summary>An outlet the footnotes cite, with how much rests on it.</summary>
public sealed record OutletSummary(string Slug, string Name, int Footnotes, int Claims);

/// <summary>An outlet and every spelling of its name the footnotes use (spellings that share a slug are one outlet).</summary>
/// <remarks>
/// <see cref="Footnotes"/> is the first page of the outlet's footnotes (<see cref="OutletQueries.FootnotesAsync"/>),
/// <see cref="FootnotesNext"/> where the next starts; the counts cover them all.
/// </remarks>
public sealed record OutletDetails(
    string Slug, string Name, IReadOnlyList<string> Spellings, int Claims, int FootnoteCount, int DocumentCount,
    IReadOnlyList<OutletFootnote> Footnotes, OutletFootnoteCursor? FootnotesNext);

/// <summary>Where a page of an outlet's footnotes ends: its document's date, the document and the footnote's number.</summary>
public sealed record OutletFootnoteCursor(string Published, int SourceId, int Number)
{
    public string Encode() =>
        Cursor.Encode(Published, SourceId.ToString(CultureInfo.InvariantCulture), Number.ToString(CultureInfo.InvariantCulture));

    public static OutletFootnoteCursor? Decode(string? cursor) =>
        Cursor.Decode(cursor, 3) is [var published, var source, var number]
            && int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var sourceId)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new OutletFootnoteCursor(published, sourceId, n)
            : null;
}

/// <summary>A footnote citing the outlet: where it is, what it cites, and how many claims rest on it.</summary>
public sealed record OutletFootnote(
    string SourceSlug, string SourceShortName, string SourceTitle, int Number, string? Authors, string? Title, string? Published, string? Url, int Claims);

/// <summary>
/// Outlets are not a table: an outlet is the cited-work outlet of footnotes (footnotes.cites_outlet), and a claim
/// rests on it when one of its citations' passages carries such a footnote.
/// </summary>
internal static class OutletQueries
{
    /// <summary>How many of an outlet's footnotes a page lists, most recent document first (a large outlet has thousands).</summary>
    public const int FootnoteLimit = 100;
    /// <summary>
    /// Every outlet with its footnote and claim counts, most relied-on first. Two grouped queries by exact name; names
    /// that share a slug are merged, and only then (rarely) a third query counts their distinct claims exactly.
    /// </summary>
    public static Task<IReadOnlyList<OutletSummary>> ListAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("outlets", () => ComputeListAsync(db, ct));

    private static async Task<IReadOnlyList<OutletSummary>> ComputeListAsync(KnowledgeBaseDb db, CancellationToken ct)
    {
        var footnotes = await db.Footnotes.AsNoTracking()
            .Where(f => f.Cites.Outlet != null)
            .GroupBy(f => f.Cites.Outlet!)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var claims = await db.Citations.AsNoTracking()
            .Where(c => c.Passage!.Footnote!.Cites.Outlet != null)
            .Select(c => new { Name = c.Passage!.Footnote!.Cites.Outlet!, c.ClaimId })
            .Distinct()
            .GroupBy(x => x.Name)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Name, x => x.Count, ct);

        var groups = footnotes
            .Select(f => (Slug: OutletSlug.From(f.Name), f.Name, Footnotes: f.Count, Claims: claims.GetValueOrDefault(f.Name)))
            .Where(f => f.Slug.Length > 0)
            .GroupBy(f => f.Slug)
            .ToList();

        var merged = groups.Where(g => g.Count() > 1).ToList();
        var mergedClaims = new Dictionary<string, int>();
        if (merged.Count > 0)
        {
            var names = merged.SelectMany(g => g.Select(x => x.Name)).ToList();
            var pairs = await db.Citations.AsNoTracking()
                .Where(c => names.Contains(c.Passage!.Footnote!.Cites.Outlet!))
                .Select(c => new { Name = c.Passage!.Footnote!.Cites.Outlet!, c.ClaimId })
                .Distinct()
                .ToListAsync(ct);
            mergedClaims = pairs.GroupBy(p => OutletSlug.From(p.Name)).ToDictionary(g => g.Key, g => g.Select(p => p.ClaimId).Distinct().Count());
        }

        return groups
            .Select(g => new OutletSummary(
                g.Key,
                DisplayName(g.Select(x => (x.Name, x.Footnotes))),
                g.Sum(x => x.Footnotes),
                g.Count() > 1 ? mergedClaims.GetValueOrDefault(g.Key) : g.Single().Claims))
            .OrderByDescending(o => o.Claims).ThenByDescending(o => o.Footnotes).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public static Task<int> ClaimCountAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("claims", () => db.Claims.CountAsync(ct));

    /// <summary>The outlet with this slug (in any case): its spellings, the claims resting on it, and its footnotes in document order.</summary>
    public static async Task<OutletDetails?> FindAsync(KnowledgeBaseDb db, ReadingCache cache, string requested, CancellationToken ct)
    {
        // "The-Korea-Times" finds the-korea-times: the address is read the way names are.
        var slug = OutletSlug.From(requested);
        if (slug.Length == 0)
        {
            return null;
        }
        // Every spelling by slug: a scan of the footnotes, so once per content version.
        var bySlug = await cache.GetOrCreateAsync("outlet-spellings", async () => (await db.Footnotes.AsNoTracking()
                .Where(f => f.Cites.Outlet != null)
                .Select(f => f.Cites.Outlet!)
                .Distinct()
                .ToListAsync(ct))
            .GroupBy(OutletSlug.From)
            .ToDictionary(g => g.Key, g => g.ToList()));
        if (!bySlug.TryGetValue(slug, out var spellings))
        {
            return null;
        }
        // Name and counts as the outlets index has them; the page's own part is cached per content version too: an
        // outlet cited by thousands of footnotes costs its aggregate once, not per view.
        if ((await ListAsync(db, cache, ct)).FirstOrDefault(o => o.Slug == slug) is not { } summary)
        {
            return null;
        }
        return await cache.GetOrCreateAsync($"outlet:{slug}", async () =>
        {
            var (footnotes, next) = await FootnotesAsync(db, spellings, null, ct);
            var documents = await db.Footnotes.AsNoTracking()
                .Where(f => spellings.Contains(f.Cites.Outlet!))
                .Select(f => f.SourceId)
                .Distinct()
                .CountAsync(ct);
            return new OutletDetails(
                slug, summary.Name, spellings.Order(StringComparer.Ordinal).ToList(), summary.Claims, summary.Footnotes, documents, footnotes, next);
        }, d => d.Footnotes.Sum(f => 96 + ReadingCache.Weight(f.SourceTitle) + ReadingCache.Weight(f.Title) + ReadingCache.Weight(f.Authors) + ReadingCache.Weight(f.Url)));
    }

    /// <summary>
    /// A page of the footnotes citing the outlet (any of its spellings), most recent document first, then by document and
    /// number, after <paramref name="after"/>: keyset-paged on that order, one query per page.
    /// </summary>
    public static async Task<(IReadOnlyList<OutletFootnote> Items, OutletFootnoteCursor? Next)> FootnotesAsync(
        KnowledgeBaseDb db, IReadOnlyList<string> spellings, OutletFootnoteCursor? after, CancellationToken ct, int pageSize = FootnoteLimit)
    {
        var names = spellings.ToList();
        var footnotes = db.Footnotes.AsNoTracking().Where(f => names.Contains(f.Cites.Outlet!));
        if (after is { } a)
        {
            // Translated to SQL's <, in the column's collation, the same the ORDER BY below sorts in (never run in .NET).
#pragma warning disable CA1309
            footnotes = footnotes.Where(f => string.Compare(f.Source!.Published, a.Published) < 0
                || (f.Source.Published == a.Published && (f.SourceId > a.SourceId || (f.SourceId == a.SourceId && f.Number > a.Number))));
#pragma warning restore CA1309
        }
        var rows = await footnotes
            .OrderByDescending(f => f.Source!.Published).ThenBy(f => f.SourceId).ThenBy(f => f.Number)
            .Take(pageSize + 1)
            .Select(f => new
            {
                Published = f.Source!.Published,
                f.SourceId,
                Footnote = new OutletFootnote(
                    f.Source.Slug, f.Source.ShortName, f.Source.Title, f.Number, f.Cites.Authors, f.Cites.Title, f.Cites.Published, f.Cites.Url,
                    db.Citations.Where(c => c.Passage!.FootnoteId == f.Id).Select(c => c.ClaimId).Distinct().Count()),
            })
            .ToListAsync(ct);
        var more = rows.Count > pageSize;
        var items = more ? rows[..pageSize] : rows;
        return (items.Select(r => r.Footnote).ToList(),
            more ? new OutletFootnoteCursor(items[^1].Published, items[^1].SourceId, items[^1].Footnote.Number) : null);
    }

    /// <summary>The claims resting on the outlet's footnotes, keyset-paged by id: one query per page.</summary>
    public static async Task<KeysetPage<ClaimSummary>> ClaimsAsync(
        KnowledgeBaseDb db, IReadOnlyList<string> spellings, long after, int pageSize, CancellationToken ct)
    {
        var names = spellings.ToList();
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.Id > after && c.Citations.Any(x => names.Contains(x.Passage!.Footnote!.Cites.Outlet!)))
            .OrderBy(c => c.Id)
            .Take(pageSize + 1)
            .Select(ClaimSummary.Projection)
            .ToListAsync(ct);
        var more = rows.Count > pageSize;
        var items = more ? rows[..pageSize] : rows;
        return new KeysetPage<ClaimSummary>(items, more ? items[^1].Id : null);
    }

    /// <summary>The spelling most footnotes use; ties go to the first in ordinal order, so the choice is stable.</summary>
    private static string DisplayName(IEnumerable<(string Name, int Count)> spellings) =>
        spellings.OrderByDescending(s => s.Count).ThenBy(s => s.Name, StringComparer.Ordinal).First().Name;
}
