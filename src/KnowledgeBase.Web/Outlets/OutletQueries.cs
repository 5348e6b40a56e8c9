using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Outlets;

/// <summary>An outlet the footnotes cite, with how much rests on it.</summary>
public sealed record OutletSummary(string Slug, string Name, int Footnotes, int Claims);

/// <summary>
/// An independent root: a wire agency whose copy the footnotes cite, through whichever papers printed it, or an
/// outlet's own reporting. Two documents resting on one root are one confirmation, not two.
/// </summary>
/// <param name="IsAgency">The root is a wire agency, so its footnotes name papers that only printed its copy.</param>
/// <param name="Through">The outlets whose footnotes rest on it, most footnotes first.</param>
public sealed record RootSummary(string Name, bool IsAgency, int Footnotes, int Claims, IReadOnlyList<RootOutlet> Through);

public sealed record RootOutlet(string Slug, string Name, int Footnotes);

/// <summary>The outlets index: every cited outlet, and the independent roots their footnotes rest on.</summary>
public sealed record OutletIndex(IReadOnlyList<OutletSummary> Outlets, IReadOnlyList<RootSummary> Roots);

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
    /// <summary>Every outlet with its footnote and claim counts, most relied-on first.</summary>
    public static async Task<IReadOnlyList<OutletSummary>> ListAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        (await IndexAsync(db, cache, ct)).Outlets;

    /// <summary>
    /// The outlets and the independent roots the footnotes rest on, computed together once per content version: two
    /// grouped queries by exact outlet name and agency credit, and only where a group merges several of those (an
    /// outlet with several spellings, an agency printed by several papers) a third query counts its claims exactly.
    /// </summary>
    public static Task<OutletIndex> IndexAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync("outlets", () => ComputeIndexAsync(db, ct), index =>
            index.Outlets.Sum(o => 64 + ReadingCache.Weight(o.Name) + ReadingCache.Weight(o.Slug))
            + index.Roots.Sum(r => 64 + ReadingCache.Weight(r.Name) + r.Through.Sum(o => 48 + ReadingCache.Weight(o.Name) + ReadingCache.Weight(o.Slug))));

    private static async Task<OutletIndex> ComputeIndexAsync(KnowledgeBaseDb db, CancellationToken ct)
    {
        var credits = UpstreamRoots.AgencyCredits.ToList();
        // Each footnote that cites an outlet or credits an agency, with the credit when it is an agency's.
        var rooted = db.Footnotes.AsNoTracking()
            .Where(f => f.Cites.Outlet != null || credits.Contains(f.Cites.Authors!.Trim().ToLower()))
            .Select(f => new RootedFootnote
            {
                Id = f.Id,
                Outlet = f.Cites.Outlet,
                Agency = credits.Contains(f.Cites.Authors!.Trim().ToLower()) ? f.Cites.Authors!.Trim().ToLower() : null,
            });
        var footnotes = await rooted
            .GroupBy(f => new { f.Outlet, f.Agency })
            .Select(g => new { g.Key.Outlet, g.Key.Agency, Count = g.Count() })
            .ToListAsync(ct);
        var claims = await (
                from f in rooted
                join c in db.Citations on f.Id equals c.Passage!.FootnoteId
                select new { f.Outlet, f.Agency, c.ClaimId })
            .Distinct()
            .GroupBy(x => new { x.Outlet, x.Agency })
            .Select(g => new { g.Key.Outlet, g.Key.Agency, Count = g.Count() })
            .ToListAsync(ct);
        var claimCounts = claims.ToDictionary(c => ((string?)c.Outlet, (string?)c.Agency), c => c.Count);
        var members = footnotes
            .Select(f => new Member(f.Outlet, f.Agency, f.Count, claimCounts.GetValueOrDefault((f.Outlet, f.Agency))))
            .ToList();

        var outlets = members.Where(m => m.Outlet is not null && OutletSlug.From(m.Outlet).Length > 0).GroupBy(m => OutletSlug.From(m.Outlet!)).ToList();
        // A root is the agency whose copy a footnote cites, else the outlet itself (which may be an agency: "Reuters").
        var roots = members
            .Select(m => (Member: m, Agency: UpstreamRoots.Agency(m.Agency) ?? UpstreamRoots.Agency(m.Outlet)))
            .Where(m => OutletSlug.From(m.Agency ?? m.Member.Outlet!).Length > 0)
            .GroupBy(m => OutletSlug.From(m.Agency ?? m.Member.Outlet!), m => (m.Member, m.Agency))
            .ToList();

        var exact = await ExactClaimCountsAsync(
            db, rooted, outlets.Select(g => ("outlet:" + g.Key, g.ToList())).Concat(roots.Select(g => ("root:" + g.Key, g.Select(m => m.Member).ToList()))).ToList(), ct);

        var outletList = outlets
            .Select(g => new OutletSummary(
                g.Key,
                DisplayName(g.GroupBy(m => m.Outlet!).Select(s => (s.Key, s.Sum(m => m.Footnotes)))),
                g.Sum(m => m.Footnotes),
                exact.GetValueOrDefault("outlet:" + g.Key, g.First().Claims)))
            .OrderByDescending(o => o.Claims).ThenByDescending(o => o.Footnotes).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var names = outletList.ToDictionary(o => o.Slug, o => o.Name);
        var rootList = roots
            .Select(g => new RootSummary(
                g.Select(m => m.Agency).OfType<string>().FirstOrDefault() ?? names.GetValueOrDefault(g.Key, g.First().Member.Outlet!),
                g.Any(m => m.Agency is not null),
                g.Sum(m => m.Member.Footnotes),
                exact.GetValueOrDefault("root:" + g.Key, g.First().Member.Claims),
                // The papers that printed the root's copy; an agency cited under its own name is not one.
                g.Where(m => m.Member.Outlet is not null && UpstreamRoots.Agency(m.Member.Outlet) is null).Select(m => m.Member)
                    .GroupBy(m => OutletSlug.From(m.Outlet!))
                    .Select(o => new RootOutlet(o.Key, names.GetValueOrDefault(o.Key, o.First().Outlet!), o.Sum(m => m.Footnotes)))
                    .OrderByDescending(o => o.Footnotes).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
                    .ToList()))
            .OrderByDescending(r => r.Claims).ThenByDescending(r => r.Footnotes).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new OutletIndex(outletList, rootList);
    }

    /// <summary>
    /// The distinct claims of each group that merges several (outlet, agency) pairs, which their per-pair counts would
    /// count twice; one query over those pairs' citations, none when every group is a single pair.
    /// </summary>
    private static async Task<Dictionary<string, int>> ExactClaimCountsAsync(
        KnowledgeBaseDb db, IQueryable<RootedFootnote> rooted, List<(string Key, List<Member> Members)> groups, CancellationToken ct)
    {
        var merged = groups.Where(g => g.Members.Count > 1).ToList();
        if (merged.Count == 0)
        {
            return [];
        }
        var outletNames = merged.SelectMany(g => g.Members).Select(m => m.Outlet).OfType<string>().Distinct().ToList();
        var agencies = merged.SelectMany(g => g.Members).Select(m => m.Agency).OfType<string>().Distinct().ToList();
        var pairs = await (
                from f in rooted
                where (f.Outlet != null && outletNames.Contains(f.Outlet)) || (f.Agency != null && agencies.Contains(f.Agency))
                join c in db.Citations on f.Id equals c.Passage!.FootnoteId
                select new { f.Outlet, f.Agency, c.ClaimId })
            .Distinct()
            .ToListAsync(ct);
        return merged.ToDictionary(
            g => g.Key,
            g => pairs.Where(p => g.Members.Any(m => m.Outlet == p.Outlet && m.Agency == p.Agency)).Select(p => p.ClaimId).Distinct().Count());
    }

    /// <summary>A footnote's outlet and agency credit, as the index groups them (a class, so EF composes over it).</summary>
    private sealed class RootedFootnote
    {
        public int Id { get; init; }
        public string? Outlet { get; init; }
        public string? Agency { get; init; }
    }

    /// <summary>The footnotes of one exact outlet name and agency credit, and the claims resting on them.</summary>
    private sealed record Member(string? Outlet, string? Agency, int Footnotes, int Claims);

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
