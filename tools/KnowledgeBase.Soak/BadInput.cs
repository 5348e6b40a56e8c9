using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeBase.Soak;

/// <summary>
/// B: a corpus of hostile and malformed inputs, each sent through the text parameters of the reading pages and the
/// API, the fields of the API's write body, whole bodies, the sign-in and sign-out forms and raw HTTP. Goal: no 500.
/// It covers issue 15's eight causes: NUL in filters (1), 29+ digit figures (2), sign-out without antiforgery (3),
/// HTTP/1.0 without Host (4), a short body under a long Content-Length (5), Markdown nesting bombs (6), API errors as
/// HTML (7, counted from every /api answer) and NUL in form values (8).
/// </summary>
internal sealed class BadInput(HttpClient client, Writers writers, Uri baseAddress, long claim, string topic, string source)
{
    /// <summary>
    /// Each answer: <c>Kestrel</c> when it lacks the security headers the app puts on everything it answers, so Kestrel
    /// refused the request before the app ran (a NUL in the path, a request line over its limit), with no body;
    /// <c>ApiNotProblem</c> when the app answered an /api request with an error that is not problem details.
    /// </summary>
    public ConcurrentBag<(string Target, string Payload, int Status, bool ApiNotProblem, bool Kestrel)> Results { get; } = [];

    public static IReadOnlyList<string> Corpus()
    {
        var c = new List<string>
        {
            "\0", "a\0b", "troops\0", "\0\0\0", "%00", "\u0001\u0002\u0003", "\u001b[31m", "\r\n", "\t", "\b", "\u007f",
            "100000000000000000000000000000 troops", "$100000000000000000000000000000", "1e400 soldiers", "99999999999999999999999999999999999999 per month",
            "-100000000000000000000000000000", "0.000000000000000000000000000000001 %", "1,000,000,000,000,000,000,000,000,000,000 won",
            string.Concat(Enumerable.Repeat("[a(", 200)), new string('[', 15000), string.Concat(Enumerable.Repeat("![", 7000)),
            string.Concat(Enumerable.Repeat("*_", 3500)) + string.Concat(Enumerable.Repeat("_*", 3500)), new string('>', 5000),
            string.Concat(Enumerable.Repeat("- ", 3000)), string.Concat(Enumerable.Repeat("(", 10000)), new string('`', 10000),
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
            "'-alert(1)-'", "{{7*7}}", "${7*7}", "<%= 7*7 %>", "' OR '1'='1", "1; DROP TABLE claims; --", "\" OR \"\"=\"",
            "'); SELECT pg_sleep(5); --", "\\", "\\\\", "%", "_", "%%", "%_%", "'", "\"", "`", "../../etc/passwd", "..%2f..%2f",
            "%2e%2e%2f", "/", "//", "?", "#", "&", "=", "+", "%E0%A4%A", "%ZZ", "%", "%%%", "\uFEFF", "\u202E", "\u200B",
            "\uD800", "\uDFFF", "\uFFFD", "\uFFFF", "😀", "👨‍👩‍👧‍👦", "Ω≈ç√∫", "田中さんにあげて下さい", "مرحبا", "שָׁלוֹם", "̡͓̞ͅI̗̘̦͝n͇͇͙v̮̫ok̲",
            "", " ", "  ", "\u00a0", "null", "NULL", "undefined", "true", "false", "0", "-1", "-0", "1e9", "NaN", "Infinity",
            "2147483648", "-2147483649", "9223372036854775808", "0x7fffffff", "1.0", "١٢٣", "00000000001", "+1", "1/0",
            "supports", "contradicts", "agree", "conflict", "partial", "single-source", "SUPPORTS", "agree\0", "x".PadRight(201, 'x'),
            new string('a', 10_000), new string('a', 100_000), string.Concat(Enumerable.Repeat("troops ", 2000)),
            "\"unterminated", "or or or", "-", "--", "- -", "\"\"", "\"a\" -\"a\"", "a & b | !c", "a:*", "!!", "(a", "a)", "<->",
            "troops <-> russia", "'troops'", "\"troops\" or kim", "troops:A", "*", "**", "a*", "\\0", "\\x00", "\\u0000",
            "<!--", "-->", "]]>", "<![CDATA[", "&amp;", "&#0;", "&#x0;", "&lt;script&gt;", "<a href=\"//evil.example\">x</a>",
            "![x](https://evil.example/x.png)", "[x](javascript:alert(1))", "<iframe src=//evil.example>", "<style>*{}</style>",
            "=cmd|' /C calc'!A0", "+1+1", "@SUM(1+1)", "-2+3", "\t=1", "\r=1", "eyJhbGciOiJub25lIn0.e30.", "kb_000000000000_x",
            "Zm9vYmFy", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "-" + new string('9', 40), "1" + new string('0', 28), "1" + new string('0', 29),
            "€2,000", "$2,000 per soldier per month", "10,000 troops", "2,000 × 10,000", "½", "¼ million", "1.5bn", "$200m a year",
            "CON", "PRN", "NUL", "aux.txt", "con:", "C:\\Windows", "\\\\server\\share", "file:///etc/passwd", "http://127.0.0.1:22",
            "nk-troops", "north-korea", "usip", "mp-idsa", "troops-in-kursk", "nk-troops\0", "north-korea%00", "%2e", "%2f",
        };
        // Every single control character, and each as a lone NUL-prefixed word.
        for (var ch = 1; ch < 32; ch++)
        {
            c.Add("x" + (char)ch + "y");
        }
        return c;
    }

    /// <summary>Pages and API reads with one text parameter (or path segment) set to the payload.</summary>
    private IEnumerable<string> GetTargets(string p)
    {
        var e = Escaped(p);
        yield return $"/search?q={e}";
        yield return $"/search?q=troops&topic={e}";
        yield return $"/search?q=troops&flag={e}";
        yield return $"/search?q=troops&source={e}";
        yield return $"/search?q=troops&after={e}";
        yield return $"/claims?flag={e}";
        yield return $"/claims?topic={e}";
        yield return $"/claims?source={e}";
        yield return $"/claims?sort={e}";
        yield return $"/claims?size={e}";
        yield return $"/claims?after={e}";
        yield return $"/topics/{e}";
        yield return $"/topics/{topic}?flag={e}";
        yield return $"/topics/{topic}?source={e}";
        yield return $"/topics/{topic}?after={e}&size={e}";
        yield return $"/sources/{e}";
        yield return $"/sources?after={e}";
        yield return $"/claims/{claim}/{e}";
        yield return $"/claims/{e}/x";
        yield return $"/outlets/{e}";
        yield return $"/compare?left={e}&right={source}";
        yield return $"/compare?left={source}&right={e}";
        yield return $"/compare?left={source}&right={source}&flag={e}&sort={e}";
        yield return $"/api/v1/claims?flag={e}";
        yield return $"/api/v1/claims?topic={e}";
        yield return $"/api/v1/claims?source={e}";
        yield return $"/api/v1/claims?limit={e}";
        yield return $"/api/v1/claims?cursor={e}";
        yield return $"/api/v1/claims/{e}";
        yield return $"/api/v1/sources/{e}";
        yield return $"/api/v1/sources?cursor={e}";
        yield return $"/exports/references.bib?format={e}";
        yield return $"/not-a-page/{e}";
    }

    private static string Escaped(string payload) => Uri.EscapeDataString(payload.Length > 20_000 ? payload[..20_000] : payload);

    private static readonly string[] ClaimFields = ["statement", "figure", "slug", "overrideFlag", "overrideReason", "comment"];
    private static readonly string[] CitationFields = ["source", "quote", "prefix", "suffix", "stance", "attribution", "figure", "comment"];

    /// <summary>Sends everything; with <paramref name="share"/> above 1, each payload goes through one target in that many.</summary>
    public async Task RunAsync(IReadOnlyList<string> corpus, int share, JsonObject validBody)
    {
        var gets = new List<(string Target, string Payload, Func<Task<HttpResponseMessage>> Send)>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var p = corpus[i];
            var targets = GetTargets(p).ToList();
            for (var t = 0; t < targets.Count; t++)
            {
                if ((i + t) % share == 0)
                {
                    var url = targets[t];
                    var escaped = Escaped(p);
                    // Named by its address with the payload left out, so answers group by target.
                    gets.Add((escaped.Length == 0 ? url : url.Replace(escaped, "…", StringComparison.Ordinal), p,
                        () => client.GetAsync(new Uri(url, UriKind.Relative))));
                }
            }
            var fields = ClaimFields.Select(f => (Claim: true, Field: f)).Concat(CitationFields.Select(f => (Claim: false, Field: f))).ToList();
            for (var f = 0; f < fields.Count; f++)
            {
                if ((i + f) % share != 0)
                {
                    continue;
                }
                var body = validBody.DeepClone().AsObject();
                var (isClaim, field) = fields[f];
                (isClaim ? body : body["citations"]![0]!.AsObject())[field] = p;
                if (!isClaim && field == "source")
                {
                    body["topics"] = new JsonArray(p);
                }
                var json = body.ToJsonString();
                var put = f % 2 == 0;
                gets.Add(($"{(put ? "PUT" : "POST")} body .{(isClaim ? "" : "citations[0].")}{field}", p, () => SendBodyAsync(put, json)));
            }
        }
        foreach (var raw in RawBodies())
        {
            gets.Add(("POST raw body", raw, () => SendBodyAsync(false, raw)));
        }
        await Parallel.ForEachAsync(gets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (g, _) =>
        {
            try
            {
                using var response = await g.Send();
                var api = response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) == true;
                var kestrel = !response.Headers.Contains("Content-Security-Policy");
                var notProblem = api && !kestrel && (int)response.StatusCode >= 400
                    && response.Content.Headers.ContentType?.MediaType != "application/problem+json";
                Results.Add((g.Target, g.Payload, (int)response.StatusCode, notProblem, kestrel));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Results.Add((g.Target, g.Payload, 0, false, false));
            }
        });
        await FormsAndRawAsync();
    }

    private async Task<HttpResponseMessage> SendBodyAsync(bool put, string json)
    {
        // A PUT needs the claim's current ETag; a POST creates (when the body is valid after all).
        var request = writers.Request(put ? HttpMethod.Put : HttpMethod.Post, put ? $"/api/v1/claims/{claim}" : "/api/v1/claims", json);
        if (put && await writers.ReadAsync(claim) is { } current)
        {
            request.Headers.IfMatch.Add(current.ETag);
        }
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    private static IEnumerable<string> RawBodies()
    {
        yield return "";
        yield return "{";
        yield return "null";
        yield return "[]";
        yield return "\"a\"";
        yield return "{\"statement\":\"a\",\"statement\":\"b\",\"topics\":[],\"citations\":[]}";
        yield return "{\"statement\":1,\"topics\":\"x\",\"citations\":{}}";
        yield return "{\"statement\":\"x\",\"topics\":[null],\"citations\":[null]}";
        yield return "{\"statement\":\"x\",\"topics\":[],\"citations\":[{\"source\":\"usip\",\"quote\":\"x\",\"footnote\":1e400}]}";
        yield return "{\"statement\":\"x\",\"topics\":[],\"citations\":[{\"source\":\"usip\",\"quote\":\"x\",\"footnote\":-99999999999}]}";
        yield return string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000));
        yield return string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000);
        yield return "{\"statement\":\"\\u0000\",\"topics\":[\"\\u0000\"],\"citations\":[]}";
        yield return "{\"statement\":\"\\ud800\",\"topics\":[],\"citations\":[]}";
        yield return "\uFEFF{}";
        yield return "{\"qoute\":\"x\"}";
        yield return new string(' ', 100_000);
        yield return "{\"statement\":\"" + new string('x', 1_100_000) + "\"}";
    }

    /// <summary>The forms (sign-in with NUL, sign-out without a token) and raw HTTP (no Host, short body).</summary>
    private async Task FormsAndRawAsync()
    {
        foreach (var password in new[] { "a\0b", "\0", "pass\0word12345" })
        {
            var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = "soak@example.org",
                ["Input.Password"] = password,
                ["_handler"] = "sign-in",
            });
            using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
            Results.Add(("POST /account/sign-in (form)", password, (int)response.StatusCode, false, false));
        }
        using (var signOut = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new StringContent("")))
        {
            Results.Add(("POST /account/sign-out (no antiforgery)", "", (int)signOut.StatusCode, false, false));
        }
        Results.Add(("GET / HTTP/1.0 without Host", "", await RawAsync("GET / HTTP/1.0\r\n\r\n"), false, false));
        Results.Add(("POST /api/v1/claims short body", "Content-Length 1000, 10 bytes sent",
            await RawAsync("POST /api/v1/claims HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"stateme"), false, false));
    }

    private async Task<int> RawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var status = await reader.ReadLineAsync(timeout.Token) ?? "";
        var parts = status.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : 0;
    }
}
