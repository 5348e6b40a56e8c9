using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace KnowledgeBase.Soak;

/// <summary>One answer: when it was asked (ms since the phase began), how long it took, what came back.</summary>
internal sealed record Answer(double StartedMs, double Ms, int Status, bool IsApi, string? RetryAfter, string Url);

/// <summary>Readers: each fetches reading pages (and some API answers) one after another, as fast as answered.</summary>
internal sealed class Load(HttpClient client, IReadOnlyList<string> urls)
{
    public ConcurrentBag<Answer> Answers { get; } = [];

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public async Task ReadAsync(int readers, TimeSpan duration, CancellationToken stop = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, readers).Select(r => Task.Run(() => ReaderAsync(r, timeout.Token), CancellationToken.None)));
    }

    private async Task ReaderAsync(int reader, CancellationToken stop)
    {
        var random = new Random(reader);
        while (!stop.IsCancellationRequested)
        {
            Answers.Add(await GetAsync(urls[random.Next(urls.Count)]));
        }
    }

    public async Task<Answer> GetAsync(string url)
    {
        var started = Clock.Elapsed.TotalMilliseconds;
        try
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            return new Answer(started, Clock.Elapsed.TotalMilliseconds - started, (int)response.StatusCode, IsApi(url),
                response.Headers.TryGetValues("Retry-After", out var values) ? values.First() : null, url);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Answer(started, Clock.Elapsed.TotalMilliseconds - started, 0, IsApi(url), null, url);
        }
    }

    public static bool IsApi(string url) => url.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>A 429 or 503 carries Retry-After as a whole number of seconds, at least 1 and at most the 60 s window.</summary>
    public static bool RetryAfterIsCorrect(Answer answer) =>
        int.TryParse(answer.RetryAfter, out var seconds) && seconds is >= 1 and <= 60;

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
}
