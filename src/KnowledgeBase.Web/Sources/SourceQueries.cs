using System.Globalization;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Sources;

public sealed record SourceDetails(
    int Id, string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind,
    string Published, string? Url, DateOnly? Retrieved, string? EditorialNote, int FootnoteCount, IReadOnlyList<int> RestoredMarkers);

/// <summary>A cited passage and the claims that quote it.</summary>
public sealed record CitedPassage(long Id, int Start, int End, string Exact, int? FootnoteNumber, IReadOnlyList<ClaimLink> Claims);

public sealed record ClaimLink(long Id, string Slug, string Statement);

public sealed record SourceListItem(string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind, string Published, int Passages);

public static class SourceQueries
{
    public static Task<SourceDetails?> FindAsync(KnowledgeBaseDb db, string slug, CancellationToken ct) =>
        db.Sources.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new SourceDetails(
                s.Id, s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published, s.Url, s.Retrieved,
                s.EditorialNote, s.Footnotes.Count, s.RestoredMarkers))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// A source's sanitized body: read apart from its details, since the page needs it only to render its text anew
    /// (tens of kilobytes a document, once per content version rather than on every view).
    /// </summary>
    public static async Task<string> BodyHtmlAsync(KnowledgeBaseDb db, int sourceId, CancellationToken ct) =>
        // Deleted since its details were read: an empty text, dropped with the cache at that deletion's commit.
        await db.Sources.AsNoTracking().Where(s => s.Id == sourceId).Select(s => s.BodyHtml).FirstOrDefaultAsync(ct) ?? "";

    /// <summary>Every cited passage of a source with the claims citing it: one query, ordered as the text runs.</summary>
    public static async Task<IReadOnlyList<CitedPassage>> PassagesAsync(KnowledgeBaseDb db, int sourceId, CancellationToken ct)
    {
        var rows = await db.Citations.AsNoTracking()
            // An orphaned passage keeps offsets that no longer point at its words: it waits for review, unmarked.
            .Where(c => c.SourceId == sourceId && c.Passage!.AnchorStatus != AnchorStatus.Orphaned)
            .OrderBy(c => c.Passage!.Start).ThenBy(c => c.Passage!.End).ThenBy(c => c.ClaimId)
            .Select(c => new
            {
                c.PassageId,
                c.Passage!.Start,
                c.Passage.End,
                c.Passage.Exact,
                FootnoteNumber = (int?)c.Passage.Footnote!.Number,
                Claim = new ClaimLink(c.Claim!.Id, c.Claim.Slug, c.Claim.Statement),
            })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.PassageId)
            .Select(g => new CitedPassage(g.Key, g.First().Start, g.First().End, g.First().Exact, g.First().FootnoteNumber, g.Select(r => r.Claim).ToList()))
            .ToList();
    }

    /// <summary>The current slug of a source that used to have <paramref name="oldSlug"/>, if any.</summary>
    public static Task<string?> RenamedToAsync(KnowledgeBaseDb db, string oldSlug, CancellationToken ct) =>
        db.SourceSlugHistory.AsNoTracking()
            .Where(h => h.Slug == oldSlug)
            .Join(db.Sources, h => h.SourceId, s => s.Id, (h, s) => s.Slug)
            .FirstOrDefaultAsync(ct);

    public const int PageSize = 50;

    /// <summary>
    /// A page of the sources, newest first: a backward walk of the (published, id) index from the cursor, so a deep
    /// page costs what the first does. Cursor: the last row's published date and id.
    /// </summary>
    public static async Task<(IReadOnlyList<SourceListItem> Items, string? Next)> ListAsync(KnowledgeBaseDb db, string? after, CancellationToken ct, int pageSize = PageSize)
    {
        var sources = db.Sources.AsNoTracking();
        if (Cursor.Decode(after, 2) is [var published, var idText] && int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            // string.Compare becomes SQL `<`, which compares in the database's collation, as ORDER BY sorts.
#pragma warning disable CA1309
            sources = sources.Where(s => string.Compare(s.Published, published) < 0 || (s.Published == published && s.Id < id));
#pragma warning restore CA1309
        }
        var rows = await sources
            .OrderByDescending(s => s.Published).ThenByDescending(s => s.Id)
            .Take(pageSize + 1)
            .Select(s => new { s.Id, Item = new SourceListItem(s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published, s.Passages.Count) })
            .ToListAsync(ct);
        var more = rows.Count > pageSize;
        var page = more ? rows[..pageSize] : rows;
        return (page.Select(r => r.Item).ToList(), more ? Cursor.Encode(page[^1].Item.Published, page[^1].Id.ToString(CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>Whether a cursor of the sources index is well formed.</summary>
    public static bool IsListCursor(string? after) => after is null || Cursor.Decode(after, 2) is [_, var id] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
