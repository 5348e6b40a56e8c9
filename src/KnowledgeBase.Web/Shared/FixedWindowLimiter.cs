using System.Threading.RateLimiting;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// A fixed window of permits, opened by the first request after the last one ended, whose refusals carry the time
/// until the window frees as <see cref="MetadataName.RetryAfter"/>. (The framework's FixedWindowRateLimiter reports
/// the whole window however much of it is left, so a client told "60" could often retry sooner.)
/// </summary>
public sealed class FixedWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _windowStart = time.GetTimestamp();
    private int _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var elapsed = time.GetElapsedTime(_windowStart);
                return _used == 0 ? elapsed : elapsed >= window ? elapsed - window : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Roll();
            return new RateLimiterStatistics { CurrentAvailablePermits = permits - _used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Roll();
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Granted;
            }
            return new Lease(false, window - time.GetElapsedTime(_windowStart));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>What a 429's Retry-After says: the whole seconds until the window frees (at least 1).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease, TimeSpan window) =>
        Math.Max(1, (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window).TotalSeconds));

    /// <summary>Opens a new window once the current one has run out.</summary>
    private void Roll()
    {
        if (time.GetElapsedTime(_windowStart) >= window)
        {
            _windowStart = time.GetTimestamp();
            _used = 0;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
