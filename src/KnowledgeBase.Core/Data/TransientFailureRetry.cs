using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace KnowledgeBase.Core.Data;

/// <summary>
/// Retries an operation that failed for a transient reason (the server restarting, a connection it dropped) a few
/// times within about three seconds, so a restart of a second or two is invisible to readers; past that the failure
/// surfaces and the web app answers 503. Operations inside a transaction the caller began (the editing services',
/// with their xmin checks, the importer's, the exporter's snapshot) are never retried: replaying one statement of a
/// half-done transaction would be wrong, so they fail at once and the caller's transaction rolls back whole.
/// </summary>
public sealed class TransientFailureRetry(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, Delays.Length, Delays[^1], errorCodesToAdd: null)
{
    /// <summary>The waits before each retry: 3.75 s in all.</summary>
    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)];

    private bool InUserTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    // EF refuses a retrying strategy inside a caller's transaction; here it runs there once, unretried.
    protected override void OnFirstExecution()
    {
        if (InUserTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }
        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InUserTransaction && base.ShouldRetryOn(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retry = ExceptionsEncountered.Count - 1;
        if (retry >= Delays.Length)
        {
            return null;
        }
        // The pooled connections all died with the server: drop them, so the retry opens a fresh one.
        if (lastException is NpgsqlException { IsTransient: true } and not PostgresException
            && Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
        return Delays[retry];
    }
}
