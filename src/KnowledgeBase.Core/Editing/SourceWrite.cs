using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>What every write of a source's content does, in an editor's save and in the seed import alike.</summary>
internal static class SourceWrite
{
    /// <summary>
    /// Puts a checked draft onto the source. The old slug is kept so its address redirects, and the new slug is freed from
    /// any source that used to have it.
    /// </summary>
    public static async Task ApplyAsync(
        KnowledgeBaseDb db, Source source, SourceDraft draft, PreparedBody body, DateTimeOffset now, CancellationToken ct)
    {
        var slug = draft.Slug!.Trim();
        var stale = await db.SourceSlugHistory.Where(h => h.Slug == slug || h.Slug == source.Slug).ToListAsync(ct);
        db.SourceSlugHistory.RemoveRange(stale);
        if (source.Id != 0 && source.Slug.Length > 0 && source.Slug != slug)
        {
            db.SourceSlugHistory.Add(new SourceSlugHistory { SourceId = source.Id, Slug = source.Slug, ChangedAt = now });
            await DerivationOrigins.FollowSourceRenameAsync(db, source.Slug, slug, ct);
        }
        draft.ApplyTo(source, body);
    }

    /// <summary>Deletes the passages of these sources that no citation quotes (any more), with their old offsets.</summary>
    public static Task<int> DropUncitedPassagesAsync(KnowledgeBaseDb db, IReadOnlyCollection<int> sourceIds, CancellationToken ct) =>
        db.Passages.IgnoreQueryFilters()
            .Where(p => sourceIds.Contains(p.SourceId) && !db.Citations.IgnoreQueryFilters().Any(c => c.PassageId == p.Id))
            .ExecuteDeleteAsync(ct);
}
