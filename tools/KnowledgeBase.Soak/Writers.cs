using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeBase.Soak;

/// <summary>
/// API writers: each replaces one claim of its own again and again (PUT with If-Match), changing only its statement
/// to carry a sequence number. A success (the API answers 200 with the claim) is an acknowledged save; anything else (503 during an outage, a connection the
/// killed app dropped) is unacknowledged and may or may not have been applied.
/// </summary>
internal sealed class Writers(HttpClient client, string token)
{
    public const string Marker = " [soak ";

    /// <summary>Per claim: the highest sequence number acknowledged, and the highest attempted.</summary>
    public ConcurrentDictionary<long, (int Acknowledged, int Attempted)> Saves { get; } = new();

    public ConcurrentBag<Answer> Answers { get; } = [];

    private readonly ConcurrentDictionary<long, int> _sequence = new();

    public Task WriteAsync(IReadOnlyList<long> claims, TimeSpan duration, Load clock) =>
        Task.WhenAll(claims.Select(claim => Task.Run(() => WriterAsync(claim, duration, clock))));

    private async Task WriterAsync(long claim, TimeSpan duration, Load clock)
    {
        var until = clock.Clock.Elapsed + duration;
        (JsonObject Body, EntityTagHeaderValue ETag)? current = null;
        while (clock.Clock.Elapsed < until)
        {
            current ??= await ReadAsync(claim);
            if (current is not { } state)
            {
                await Task.Delay(250);
                continue;
            }
            var n = _sequence.AddOrUpdate(claim, 1, (_, v) => v + 1);
            var body = state.Body.DeepClone().AsObject();
            body["statement"] = Statement(body["statement"]!.GetValue<string>(), n);
            Saves.AddOrUpdate(claim, (0, n), (_, s) => (s.Acknowledged, n));
            var started = clock.Clock.Elapsed.TotalMilliseconds;
            try
            {
                using var put = Request(HttpMethod.Put, $"/api/v1/claims/{claim}", body.ToJsonString());
                put.Headers.IfMatch.Add(state.ETag);
                using var response = await client.SendAsync(put);
                Answers.Add(new Answer(started, clock.Clock.Elapsed.TotalMilliseconds - started, (int)response.StatusCode, true,
                    response.Headers.TryGetValues("Retry-After", out var ra) ? ra.First() : null, "PUT /api/v1/claims/{id}"));
                if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
                {
                    Saves.AddOrUpdate(claim, (n, n), (_, s) => (Math.Max(s.Acknowledged, n), s.Attempted));
                    current = (body, etag);
                }
                else
                {
                    current = null; // read it again: its version may have moved
                    await Task.Delay(200);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Answers.Add(new Answer(started, clock.Clock.Elapsed.TotalMilliseconds - started, 0, true, null, "PUT /api/v1/claims/{id}"));
                current = null;
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The claim as an input body (the API's own read answer mapped onto its write body), and its ETag.</summary>
    public async Task<(JsonObject Body, EntityTagHeaderValue ETag)?> ReadAsync(long claim)
    {
        try
        {
            using var response = await client.SendAsync(Request(HttpMethod.Get, $"/api/v1/claims/{claim}", null));
            if (response.StatusCode != HttpStatusCode.OK || response.Headers.ETag is not { } etag)
            {
                return null;
            }
            var read = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            var citations = new JsonArray();
            foreach (var c in read["citations"]!.AsArray())
            {
                var selector = c!["selector"]!;
                citations.Add(new JsonObject
                {
                    ["source"] = c["source"]!["slug"]!.GetValue<string>(),
                    ["quote"] = selector["exact"]!.GetValue<string>(),
                    ["prefix"] = selector["prefix"]!.GetValue<string>(),
                    ["suffix"] = selector["suffix"]!.GetValue<string>(),
                    ["stance"] = c["stance"]!.GetValue<string>(),
                    ["attribution"] = c["attribution"]?.GetValue<string>(),
                    ["figure"] = c["figure"]?["text"]?.GetValue<string>(),
                    ["footnote"] = c["footnote"]?["number"]?.GetValue<int>(),
                });
            }
            var body = new JsonObject
            {
                ["statement"] = read["statement"]!.GetValue<string>(),
                ["figure"] = read["figure"]?["text"]?.GetValue<string>(),
                ["topics"] = new JsonArray([.. read["topics"]!.AsArray().Select(t => (JsonNode)t!["slug"]!.GetValue<string>())]),
                ["citations"] = citations,
            };
            return (body, etag);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    /// <summary>The statement with this writer's sequence number in place of any earlier one.</summary>
    public static string Statement(string statement, int n)
    {
        var at = statement.IndexOf(Marker, StringComparison.Ordinal);
        return (at < 0 ? statement : statement[..at]) + Marker + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
    }

    public static int SequenceOf(string statement)
    {
        var at = statement.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? 0 : int.Parse(statement[(at + Marker.Length)..^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
