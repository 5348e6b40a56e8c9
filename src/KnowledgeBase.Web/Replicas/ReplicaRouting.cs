using System.Data.Common;
using System.Runtime.CompilerServices;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgeBase.Web.Replicas;

/// <summary>
/// Which database a connection opens on. Anonymous GETs and HEADs of the reading pages, search, exports and the read
/// API may read from the replica; everything else (every write, every signed-in editor, interactive circuits, the
/// health checks) reads and writes on the primary, so an editor always sees their own save on their next page.
/// The choice is made as each connection opens, so a read whose replica connection fails is retried (by the app's
/// execution strategy) on the primary.
/// </summary>
internal sealed class ReplicaRouting(ReadReplica replica) : DbConnectionInterceptor, ISaveChangesInterceptor
{
    private static readonly AsyncLocal<bool> AnonymousRead = new();

    /// <summary>Contexts saving changes: their connection opens on the primary, whatever the request.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    /// <summary>Connections currently open on the replica, so a failure among them is the replica's.</summary>
    private readonly ConditionalWeakTable<DbConnection, object> _onReplica = [];

    /// <summary>An anonymous reading request, which may read from the replica: <see cref="ReadingCache.IsReading"/> and the exports.</summary>
    public static bool MayReadFromReplica(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && (ReadingCache.IsReading(context.Request.Path) || context.Request.Path.StartsWithSegments("/exports"));

    /// <summary>Marks the request's reads as the replica's to serve when it may (after authentication).</summary>
    public static IApplicationBuilder UseReadReplica(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set for this request's flow only: an async local set here does not leak back to the server's loop.
        AnonymousRead.Value = MayReadFromReplica(context);
        await next(context);
    });

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Route(connection, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Route(connection, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(connection, eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    private void Route(DbConnection connection, DbContext? context)
    {
        var toReplica = AnonymousRead.Value && replica.Serves && (context is null || !_saving.TryGetValue(context, out _));
        // The context keeps the primary's string (as configured); only the connection's own string is switched.
        var target = toReplica ? replica.ConnectionString : context?.Database.GetConnectionString();
        if (target is null)
        {
            return;
        }
        connection.ConnectionString = target;
        if (toReplica)
        {
            _onReplica.AddOrUpdate(connection, this);
        }
        else
        {
            _onReplica.Remove(connection);
        }
    }

    private void Failed(DbConnection connection, Exception exception)
    {
        if (_onReplica.TryGetValue(connection, out _))
        {
            replica.MarkDown("a connection to it failed", exception);
            _onReplica.Remove(connection);
        }
    }

    private void Saving(DbContext? context)
    {
        if (context is not null)
        {
            _saving.AddOrUpdate(context, this);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }
}
