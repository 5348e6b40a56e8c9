using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgeBase.Core.Editing;

/// <summary>
/// The steps <see cref="ClaimEditing"/> and <see cref="SourceEditing"/> share, written once: committing a save against
/// the version the editor started from, with its revision, and soft delete and undelete.
/// </summary>
/// <param name="kind">Which aggregate: names its revisions and its refusals ("Another claim already uses …").</param>
/// <param name="slugIndex">The unique index on its slug, which a save racing another for one slug runs into.</param>
/// <param name="conflict">What a stale save answers: the stored state to show beside the editor's (or not found).</param>
internal sealed class EditSteps<TEntity, TSnapshot>(
    KnowledgeBaseDb db, TimeProvider clock, RevisionEntity kind, string slugIndex,
    Func<long, CancellationToken, Task<EditResult<TSnapshot>>> conflict)
    where TEntity : class, IEditable
{
    /// <summary>
    /// Soft delete (<paramref name="deleted"/>) or undelete: checks who writes, takes the locks and loads the entity
    /// (<paramref name="lockAndLoad"/>, in the lock order), refuses a missing, stale or not deleted one and what
    /// <paramref name="refusal"/> names, then stamps the time and commits with a revision of <paramref name="snapshot"/>.
    /// </summary>
    public async Task<EditResult<TSnapshot>> SetDeletedAsync(
        uint expectedVersion, bool deleted, Editor editor, string? comment, Func<Task<TEntity?>> lockAndLoad,
        Func<TEntity, Task<string?>> refusal, Func<TEntity, Task<TSnapshot>> snapshot, CancellationToken ct)
    {
        if (Revisions.CheckWriter(editor, comment) is [_, ..] refused)
        {
            return new EditResult<TSnapshot>.Invalid(refused);
        }
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entity = await lockAndLoad();
        if (entity is null || (deleted && entity.DeletedAt is not null))
        {
            return new EditResult<TSnapshot>.NotFound();
        }
        if (entity.Version != expectedVersion)
        {
            return await conflict(entity.Id, ct);
        }
        if (!deleted && entity.DeletedAt is null)
        {
            return new EditResult<TSnapshot>.Invalid([new("", $"This {kind.ToSlug()} is not deleted.")]);
        }
        if (await refusal(entity) is { } why)
        {
            return new EditResult<TSnapshot>.Invalid([new("", why)]);
        }
        var state = await snapshot(entity);
        var importedAt = entity.UpdatedAt;
        var now = clock.GetUtcNow();
        entity.DeletedAt = deleted ? now : null;
        entity.UpdatedAt = now;
        return await CommitAsync(
            entity, expectedVersion, deleted ? RevisionAction.Deleted : RevisionAction.Undeleted, editor, comment,
            () => state, () => (state, importedAt), transaction, null, ct);
    }

    /// <summary>
    /// Saves the entity (checking its version unless it is new), runs <paramref name="alsoWrite"/> (a source save's
    /// re-anchoring), adds the revision of <paramref name="after"/> and commits. A version that moved meanwhile rolls
    /// everything back into a conflict; nothing of the save is kept.
    /// </summary>
    /// <param name="before">The state the seed import left, recorded first if the entity has no revision yet; null for a new one.</param>
    public async Task<EditResult<TSnapshot>> CommitAsync(
        TEntity entity, uint expectedVersion, RevisionAction action, Editor editor, string? comment, Func<TSnapshot> after,
        Func<(TSnapshot, DateTimeOffset)>? before, IDbContextTransaction transaction, Func<Task<ReanchorReport>>? alsoWrite,
        CancellationToken ct)
    {
        var entry = db.Entry(entity);
        if (entry.State != EntityState.Added)
        {
            // Always write the row, so its xmin moves and the version check runs, even when only its children changed.
            entry.Property(e => e.UpdatedAt).IsModified = true;
            entry.Property(e => e.Version).OriginalValue = expectedVersion;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            var report = alsoWrite is null ? null : await alsoWrite();
            var number = await Revisions.AddAsync(db, kind, entity.Id, action, after(), editor, comment, clock.GetUtcNow(), before, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new EditResult<TSnapshot>.Saved(entity.Id, entity.Version, number, report);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await conflict(entity.Id, ct);
        }
        catch (DbUpdateException e) when (Revisions.UniqueViolation(e) == slugIndex)
        {
            return new EditResult<TSnapshot>.Invalid([new("slug", $"Another {kind.ToSlug()} already uses the slug '{entity.Slug}'.")]);
        }
    }
}
