using System.Data.Common;
using System.Runtime.CompilerServices;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgeBase.Core.Data;

/// <summary>Told after reader-visible content (claims, citations, topics, sources, footnotes, passages) has been committed.</summary>
public interface IContentChangeObserver
{
    ValueTask ContentChangedAsync(CancellationToken ct);
}

/// <summary>
/// The one mechanism that tells caches content changed, whatever wrote it (ClaimEditing, SourceEditing, SeedImporter, the
/// API): an EF interceptor that notes a save touching content and reports it once the data is committed — after the save
/// when it ran in its own transaction, else when the surrounding transaction commits (never on rollback), so no reader can
/// re-cache the old rows between the eviction and the commit. Observers are called with no cancellation: the data is
/// committed, so the eviction must happen even if the request that wrote it is being cancelled.
/// </summary>
public sealed class ContentChanges(IEnumerable<IContentChangeObserver> observers) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Contexts whose open transaction holds a content save not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReportIfCommittedAsync(eventData.Context, default).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ReportIfCommittedAsync(eventData.Context, CancellationToken.None);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        ReportAsync(eventData.Context, default).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ReportAsync(eventData.Context, CancellationToken.None).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsContent(e.Entity)))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private ValueTask ReportIfCommittedAsync(DbContext? context, CancellationToken ct) =>
        context?.Database.CurrentTransaction is null ? ReportAsync(context, ct) : ValueTask.CompletedTask;

    private async ValueTask ReportAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !_pending.Remove(context))
        {
            return;
        }
        foreach (var observer in observers)
        {
            await observer.ContentChangedAsync(ct);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static bool IsContent(object entity) =>
        entity is Claim or Citation or ClaimTopic or Topic or Source or Footnote or Passage or SourceSlugHistory;
}
