using Npgsql;
using NpgsqlTypes;

namespace KnowledgeBase.Web.Replicas;

/// <summary>The monitor's own small pools to the primary and the replica, apart from the app's, with short timeouts.</summary>
internal sealed class ReplicaConnections(string primary, string standby) : IAsyncDisposable
{
    public NpgsqlDataSource Primary { get; } = Create(primary, "primary watch");

    public NpgsqlDataSource Standby { get; } = Create(standby, "replica watch");

    /// <summary>The primary's current WAL position: every change committed so far lies at or before it. Null when unreadable.</summary>
    public async Task<NpgsqlLogSequenceNumber?> PrimaryPositionAsync(CancellationToken ct)
    {
        try
        {
            await using var command = Primary.CreateCommand("SELECT pg_current_wal_lsn()");
            return (NpgsqlLogSequenceNumber?)await command.ExecuteScalarAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Primary.DisposeAsync();
        await Standby.DisposeAsync();
    }

    private static NpgsqlDataSource Create(string connectionString, string purpose) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = $"KnowledgeBase {purpose}",
            Timeout = 2,
            CommandTimeout = 2,
            MaxPoolSize = 2,
        });
}
