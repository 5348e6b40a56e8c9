using NpgsqlTypes;

namespace KnowledgeBase.Web.Replicas;

/// <summary>
/// A streaming replica that anonymous readers may read from, and whether they may right now. It may when it answers, is
/// in recovery (a standby), is no staler than <see cref="MaxLag"/>, and has replayed every content change this process
/// has heard of (<see cref="HoldUntilReplayed"/>): until then reads go to the primary, so no page is refilled from rows
/// older than a save it was dropped for. <see cref="ReplicaMonitor"/> keeps the state; the routing reads it.
/// </summary>
public sealed partial class ReadReplica(string connectionString, TimeSpan maxLag, TimeProvider clock, ILogger<ReadReplica> logger)
{
    public const string ConnectionStringName = "KnowledgeBaseReplica";
    public const string MaxLagKey = "KnowledgeBase:Replica:MaxLagSeconds";
    public static readonly TimeSpan DefaultMaxLag = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private bool _healthy;
    private string _state = "not checked yet";
    private NpgsqlLogSequenceNumber _replayed;
    private NpgsqlLogSequenceNumber _hold;
    private bool _holdPending;

    /// <summary>The replica's connection string, as the app's connections to it are made.</summary>
    public string ConnectionString { get; } = connectionString;

    public TimeSpan MaxLag { get; } = maxLag;

    /// <summary>Whether reads routed to the replica may go there now (else they go to the primary).</summary>
    public bool Serves
    {
        get
        {
            lock (_gate)
            {
                return _healthy && !_holdPending && _replayed >= _hold;
            }
        }
    }

    /// <summary>Whether the replica answers and is fresh enough (reads may still wait for it to replay a change).</summary>
    public bool InUse
    {
        get
        {
            lock (_gate)
            {
                return _healthy;
            }
        }
    }

    /// <summary>In words, for <c>/health/ready</c> and the logs: "in use, 2 ms behind", "bypassed: unreachable (…)".</summary>
    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// A content change was committed on the primary at or before <paramref name="primaryPosition"/>: the replica serves
    /// no reads until it has replayed that far. Null when the position could not be read: then until the monitor reads one.
    /// </summary>
    public void HoldUntilReplayed(NpgsqlLogSequenceNumber? primaryPosition)
    {
        lock (_gate)
        {
            if (primaryPosition is { } position)
            {
                _hold = position > _hold ? position : _hold;
            }
            else
            {
                _holdPending = true;
            }
        }
    }

    /// <summary>Whether a hold is waiting for the primary's position, which the monitor then reads.</summary>
    internal bool HoldPending
    {
        get
        {
            lock (_gate)
            {
                return _holdPending;
            }
        }
    }

    /// <summary>Whether reads wait for the replica to replay a change (the monitor then polls faster).</summary>
    internal bool Holding
    {
        get
        {
            lock (_gate)
            {
                return _holdPending || _replayed < _hold;
            }
        }
    }

    /// <summary>
    /// What the monitor measured: the replica's replay position and how stale that leaves it. Returns true when this
    /// replay passed a hold, so the caches, possibly refilled meanwhile, should be dropped once more.
    /// </summary>
    internal bool Observe(NpgsqlLogSequenceNumber replayed, TimeSpan staleness, NpgsqlLogSequenceNumber? primaryPosition)
    {
        bool passed;
        lock (_gate)
        {
            var held = _holdPending || _replayed < _hold;
            if (_holdPending && primaryPosition is { } position)
            {
                _hold = position > _hold ? position : _hold;
                _holdPending = false;
            }
            _replayed = replayed;
            passed = held && !_holdPending && _replayed >= _hold;
            var healthy = staleness <= MaxLag;
            Transition(healthy, healthy
                ? $"in use, {Milliseconds(staleness)} behind the primary"
                : $"bypassed: {Milliseconds(staleness)} behind the primary, more than the {Milliseconds(MaxLag)} allowed");
        }
        return passed;
    }

    /// <summary>
    /// The replica could not be reached or is not a standby: reads go to the primary until it is back. The error's
    /// details (which name the server) go to the log, not to <see cref="State"/>, which the health page shows.
    /// </summary>
    public void MarkDown(string why, Exception? error = null)
    {
        lock (_gate)
        {
            if (error is not null && _healthy)
            {
                LogFailure(logger, error, why);
            }
            Transition(false, $"bypassed: {why}");
        }
    }

    private void Transition(bool healthy, string state)
    {
        var changed = healthy != _healthy;
        (_healthy, _state) = (healthy, state);
        if (changed && healthy)
        {
            LogInUse(logger, state);
        }
        else if (changed)
        {
            LogBypassed(logger, state);
        }
    }

    /// <summary>Now, as the monitor's staleness samples are timed.</summary>
    internal long Timestamp() => clock.GetTimestamp();

    internal TimeSpan Since(long timestamp) => clock.GetElapsedTime(timestamp);

    private static string Milliseconds(TimeSpan t) =>
        t < TimeSpan.FromSeconds(1) ? $"{t.TotalMilliseconds:0} ms" : $"{t.TotalSeconds:0.0} s";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read replica {Why}")]
    private static partial void LogFailure(ILogger logger, Exception error, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read replica: {State}")]
    private static partial void LogInUse(ILogger logger, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Read replica: {State}; reads go to the primary")]
    private static partial void LogBypassed(ILogger logger, string state);
}
