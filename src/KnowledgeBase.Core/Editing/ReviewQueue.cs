using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>A claim that cites a passage awaiting review.</summary>
public sealed record ReviewClaim(long Id, string Slug, string Statement);

/// <summary>
/// A passage that re-anchoring could not confirm. For a fuzzy one, <paramref name="Exact"/> is the similar words found
/// and <paramref name="PreviousExact"/> the words that were cited; an orphaned one keeps the cited words (and its old
/// offsets, which no longer point at them).
/// </summary>
public sealed record ReviewItem(
    long PassageId, AnchorStatus Status, string Exact, string? PreviousExact, int Start, int End,
    string SourceSlug, string SourceShortName, IReadOnlyList<ReviewClaim> Claims);

/// <summary>A keyset page of the review queue; <paramref name="NextAfter"/> continues it (null on the last page).</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewItem> Items, long? NextAfter);

/// <summary>
/// Passages that need an editor's eye after their document changed, with the live claims citing them, in passage id
/// order. A passage leaves the queue when a claim save anchors its citation's words again (or the words come back).
/// </summary>
public static class ReviewQueue
{
    public const int PageSize = 20;

    /// <summary>
    /// One page after passage <paramref name="after"/> (null: from the start): two queries whatever the depth, the
    /// first walking the partial index of passages awaiting review, the second fetching the claims of that page.
    /// Passages of deleted sources, and passages only deleted claims cite, are left out by the query filters.
    /// </summary>
    public static async Task<ReviewPage> PageAsync(KnowledgeBaseDb db, long? after, CancellationToken ct, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = after ?? 0;
        var rows = await db.Passages.AsNoTracking()
            .Where(p => p.NeedsReview && p.Id > from && db.Citations.Any(c => c.PassageId == p.Id))
            .OrderBy(p => p.Id)
            .Take(pageSize + 1)
            .Select(p => new { p.Id, p.AnchorStatus, p.Exact, p.PreviousExact, p.Start, p.End, p.Source!.Slug, p.Source.ShortName })
            .ToListAsync(ct);
        var more = rows.Count > pageSize;
        var page = more ? rows[..pageSize] : rows;
        var ids = page.Select(p => p.Id).ToList();
        var claims = await db.Citations.AsNoTracking()
            .Where(c => ids.Contains(c.PassageId))
            .OrderBy(c => c.ClaimId)
            .Select(c => new { c.PassageId, Claim = new ReviewClaim(c.Claim!.Id, c.Claim.Slug, c.Claim.Statement) })
            .ToListAsync(ct);
        var byPassage = claims.ToLookup(c => c.PassageId, c => c.Claim);
        var items = page
            .Select(p => new ReviewItem(p.Id, p.AnchorStatus, p.Exact, p.PreviousExact, p.Start, p.End, p.Slug, p.ShortName, byPassage[p.Id].ToList()))
            .ToList();
        return new ReviewPage(items, more ? items[^1].PassageId : null);
    }

    /// <summary>How many passages await review (for a badge); counts on the partial index.</summary>
    public static Task<int> CountAsync(KnowledgeBaseDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Passages.CountAsync(p => p.NeedsReview && db.Citations.Any(c => c.PassageId == p.Id), ct);
    }
}
