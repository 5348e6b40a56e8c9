using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KnowledgeBase.Core.Editing;

/// <summary>
/// What the editing services share: row locks taken in one order (sources before claims, each in id order) so two
/// saves never deadlock, revision numbering, and recognising the database errors a save can meet.
/// </summary>
internal static class Revisions
{
    /// <summary>The author of revisions that record the state the seed import left.</summary>
    public const string ImportAuthor = "seed import";

    /// <summary>
    /// Shares the sources a claim save reads: their text cannot change (a source save would re-anchor it) until the
    /// claim save commits, but other claim saves may share them.
    /// </summary>
    public static async Task ShareSourcesAsync(KnowledgeBaseDb db, IEnumerable<int> sourceIds, CancellationToken ct)
    {
        var ids = sourceIds.Distinct().Order().ToArray();
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM sources WHERE id = ANY({ids}) ORDER BY id FOR SHARE", ct);
        }
    }

    /// <summary>Locks a source for writing (rows referencing it may still be inserted: NO KEY UPDATE).</summary>
    public static Task LockSourceAsync(KnowledgeBaseDb db, int id, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM sources WHERE id = {id} FOR NO KEY UPDATE", ct);

    /// <summary>Locks claims for writing, in id order.</summary>
    public static async Task LockClaimsAsync(KnowledgeBaseDb db, IEnumerable<long> claimIds, CancellationToken ct)
    {
        var ids = claimIds.Distinct().Order().ToArray();
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM claims WHERE id = ANY({ids}) ORDER BY id FOR NO KEY UPDATE", ct);
        }
    }

    public static async Task<int> LatestNumberAsync(KnowledgeBaseDb db, RevisionEntity entity, long id, CancellationToken ct) =>
        await db.Revisions.Where(r => r.EntityType == entity && r.EntityId == id).MaxAsync(r => (int?)r.Number, ct) ?? 0;

    /// <summary>
    /// Adds the next revision. An entity the seed import created has no revision yet: its state before this change is
    /// recorded first (as "imported"), so the history can always go back to it.
    /// </summary>
    public static async Task<int> AddAsync<TSnapshot>(
        KnowledgeBaseDb db, RevisionEntity entity, long id, RevisionAction action, TSnapshot snapshot, Editor editor, string? comment,
        DateTimeOffset now, Func<(TSnapshot Snapshot, DateTimeOffset At)>? before, CancellationToken ct)
    {
        var number = await LatestNumberAsync(db, entity, id, ct);
        if (number == 0 && before is not null)
        {
            var (old, at) = before();
            db.Revisions.Add(new Revision
            {
                EntityType = entity,
                EntityId = id,
                Number = ++number,
                Action = RevisionAction.Imported,
                Snapshot = SnapshotJson.Write(old),
                AuthorName = ImportAuthor,
                CreatedAt = at,
                Comment = "The state before the first edit, as the seed import left it.",
            });
        }
        db.Revisions.Add(new Revision
        {
            EntityType = entity,
            EntityId = id,
            Number = ++number,
            Action = action,
            Snapshot = SnapshotJson.Write(snapshot),
            AuthorId = editor.Id,
            AuthorName = editor.DisplayName,
            CreatedAt = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        return number;
    }

    /// <summary>
    /// The state a restore writes back: revision <paramref name="number"/>'s snapshot, or the refusal when the entity
    /// has no such revision (or, <paramref name="exists"/> says, the entity itself is gone).
    /// </summary>
    public static async Task<(TSnapshot? Snapshot, EditResult<TSnapshot>? Refused)> ToRestoreAsync<TSnapshot>(
        KnowledgeBaseDb db, RevisionEntity entity, long id, int number, Func<Task<bool>> exists, CancellationToken ct)
        where TSnapshot : class
    {
        var json = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == entity && r.EntityId == id && r.Number == number).Select(r => r.Snapshot).FirstOrDefaultAsync(ct);
        if (json is not null)
        {
            return (SnapshotJson.Read<TSnapshot>(json), null);
        }
        return (null, await exists()
            ? new EditResult<TSnapshot>.Invalid([new("revision", $"This {entity.ToSlug()} has no revision {number}.")])
            : new EditResult<TSnapshot>.NotFound());
    }

    public static string RestoreComment(string? comment, int number) =>
        string.IsNullOrWhiteSpace(comment) ? $"Restored revision {number}." : comment;

    /// <summary>
    /// What every write checks first: who writes (missing or malformed is the caller's bug, so it throws) and the
    /// comment; the refusals, if any, to report like any field's.
    /// </summary>
    public static List<FieldError> CheckWriter(Editor editor, string? comment)
    {
        ArgumentNullException.ThrowIfNull(editor);
        editor.EnsureValid();
        return CheckComment(comment) is { } bad ? [bad] : [];
    }

    /// <summary>A comment is free text, but it must fit and be storable; a bad one refuses the save like any field.</summary>
    private static FieldError? CheckComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }
        if (FieldRules.UnstorableText(comment) is { } why)
        {
            return new FieldError("comment", $"The comment {why}");
        }
        return comment.Trim().Length > EditLimits.Comment
            ? new FieldError("comment", $"At most {EditLimits.Comment:N0} characters; this is {comment.Trim().Length:N0}.")
            : null;
    }

    /// <summary>The unique index a failed insert or update ran into, if that is what happened.</summary>
    public static string? UniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName ?? "" : null;
}
