using KnowledgeBase.Web.Shared;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeBase.Web.Replicas;

/// <summary>
/// Watches the replica: every second (every 50 ms while reads wait for it to replay a change) it reads the primary's
/// WAL position and the replica's replay position. The replica holds everything the primary had when the primary was
/// last seen at or before its replay position, so its staleness is the time since then: at most one poll too high.
/// A replica that does not answer, is not a standby, or is staler than allowed is bypassed until it catches up.
/// </summary>
internal sealed class ReplicaMonitor(ReadReplica replica, ReplicaConnections connections, ReadingCache cache) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Catching = TimeSpan.FromMilliseconds(50);

    /// <summary>The primary's positions, oldest first, each with the last time it was seen.</summary>
    private readonly List<(NpgsqlLogSequenceNumber Position, long SeenAt)> _primary = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PollAsync(stoppingToken);
            try
            {
                await Task.Delay(replica.Holding ? Catching : Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var current = await connections.PrimaryPositionAsync(ct);
        if (current is { } position)
        {
            Remember(position);
        }
        try
        {
            await using var command = connections.Standby.CreateCommand("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()");
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (!reader.GetBoolean(0))
            {
                replica.MarkDown("it is not a standby (pg_is_in_recovery() is false), so it may hold other data");
                return;
            }
            if (reader.IsDBNull(1))
            {
                replica.MarkDown("it has replayed nothing yet");
                return;
            }
            var replayed = reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
            if (replica.Observe(replayed, Staleness(replayed), current))
            {
                // Pages refilled while the replica caught up came from the primary, but a read that chose the replica
                // just before the change could have refilled one with older rows: drop them all once more.
                await cache.DropAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            replica.MarkDown("unreachable", e);
        }
    }

    private void Remember(NpgsqlLogSequenceNumber position)
    {
        var now = replica.Timestamp();
        if (_primary.Count > 0 && _primary[^1].Position == position)
        {
            _primary[^1] = (position, now);
        }
        else
        {
            _primary.Add((position, now));
        }
        // Positions older than twice the allowed lag are no longer needed to tell a stale replica.
        _primary.RemoveAll(p => p != _primary[^1] && replica.Since(p.SeenAt) > 2 * replica.MaxLag);
    }

    private TimeSpan Staleness(NpgsqlLogSequenceNumber replayed)
    {
        if (_primary.Count == 0 || replayed >= _primary[^1].Position)
        {
            // Level with the primary's last known position (or the primary unknown: nothing to be behind of).
            return TimeSpan.Zero;
        }
        var reached = _primary.FindLastIndex(p => p.Position <= replayed);
        return reached >= 0 ? replica.Since(_primary[reached].SeenAt) : replica.Since(_primary[0].SeenAt);
    }
}
