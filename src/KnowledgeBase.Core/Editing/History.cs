using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>A revision as a history list shows it.</summary>
public sealed record RevisionSummary(int Number, RevisionAction Action, string? AuthorId, string AuthorName, DateTimeOffset CreatedAt, string? Comment);

/// <summary>A keyset page of revisions, newest first; <paramref name="NextBefore"/> continues it (null on the last page).</summary>
public sealed record RevisionPage(IReadOnlyList<RevisionSummary> Items, int? NextBefore);

/// <summary>What changed from one revision to another (either order; <paramref name="From"/> is the older side as asked).</summary>
public sealed record RevisionDiff(RevisionSummary From, RevisionSummary To, IReadOnlyList<FieldChange> Changes);

/// <summary>The revisions of a claim or a source, and the difference between any two.</summary>
public static class History
{
    public const int PageSize = 20;

    /// <summary>
    /// Revisions of one entity, newest first, starting below <paramref name="before"/> (null: from the newest). The
    /// unique (entity_type, entity_id, number) index serves the walk, so a deep page costs what the first does.
    /// </summary>
    public static async Task<RevisionPage> RevisionsAsync(
        KnowledgeBaseDb db, RevisionEntity entity, long entityId, int? before, CancellationToken ct, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        var below = before ?? int.MaxValue;
        var rows = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == entity && r.EntityId == entityId && r.Number < below)
            .OrderByDescending(r => r.Number)
            .Take(pageSize + 1)
            .Select(r => new RevisionSummary(r.Number, r.Action, r.AuthorId, r.AuthorName, r.CreatedAt, r.Comment))
            .ToListAsync(ct);
        var more = rows.Count > pageSize;
        var items = more ? rows[..pageSize] : rows;
        return new RevisionPage(items, more ? items[^1].Number : null);
    }

    /// <summary>One revision's stored snapshot, or null.</summary>
    public static async Task<(RevisionSummary Summary, TSnapshot Snapshot)?> SnapshotAsync<TSnapshot>(
        KnowledgeBaseDb db, RevisionEntity entity, long entityId, int number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == entity && r.EntityId == entityId && r.Number == number)
            .Select(r => new { Summary = new RevisionSummary(r.Number, r.Action, r.AuthorId, r.AuthorName, r.CreatedAt, r.Comment), r.Snapshot })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Summary, SnapshotJson.Read<TSnapshot>(row.Snapshot));
    }

    /// <summary>The changes from revision <paramref name="from"/> to revision <paramref name="to"/>; null if either does not exist.</summary>
    public static async Task<RevisionDiff?> DiffAsync(KnowledgeBaseDb db, RevisionEntity entity, long entityId, int from, int to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == entity && r.EntityId == entityId && (r.Number == from || r.Number == to))
            .Select(r => new { Summary = new RevisionSummary(r.Number, r.Action, r.AuthorId, r.AuthorName, r.CreatedAt, r.Comment), r.Snapshot })
            .ToListAsync(ct);
        var a = rows.FirstOrDefault(r => r.Summary.Number == from);
        var b = rows.FirstOrDefault(r => r.Summary.Number == to);
        if (a is null || b is null)
        {
            return null;
        }
        var changes = entity == RevisionEntity.Claim
            ? SnapshotDiff.Compare(SnapshotJson.Read<ClaimSnapshot>(a.Snapshot), SnapshotJson.Read<ClaimSnapshot>(b.Snapshot))
            : SnapshotDiff.Compare(SnapshotJson.Read<SourceSnapshot>(a.Snapshot), SnapshotJson.Read<SourceSnapshot>(b.Snapshot));
        return new RevisionDiff(a.Summary, b.Summary, changes);
    }
}
