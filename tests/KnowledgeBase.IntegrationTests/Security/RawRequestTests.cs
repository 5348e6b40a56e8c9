using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;

namespace KnowledgeBase.IntegrationTests.Security;

/// <summary>The seeded app behind a real Kestrel socket, for requests no HttpClient sends.</summary>
public sealed class SocketApp : KnowledgeBaseApp
{
    protected override bool RealServer => true;
}

/// <summary>What clients that break HTTP's rules get: a clear 4xx, with the security headers, never a 500.</summary>
public sealed class RawRequestTests(SocketApp app) : IClassFixture<SocketApp>
{
    /// <summary>Sends the bytes and reads until the server closes (or the time runs out).</summary>
    private async Task<(string Head, string Body, TimeSpan Elapsed)> SendAsync(string request, int seconds = 30)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.ServerAddress.Host, app.ServerAddress.Port);
        var stream = tcp.GetStream();
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"No answer after {clock.Elapsed}: '{text}'");
        return (text[..split], text[(split + 4)..], clock.Elapsed);
    }

    private static int Status(string head) => int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("GET / HTTP/1.0\r\n\r\n")]
    [InlineData("GET /claims HTTP/1.0\r\nUser-Agent: old\r\n\r\n")]
    public async Task A_request_without_a_host_is_a_400_with_the_security_headers(string request)
    {
        var (head, body, _) = await SendAsync(request);

        Assert.True(Status(head) == 400, head + "\n" + body);
        Assert.Contains("Content-Security-Policy: ", head, StringComparison.Ordinal);
        Assert.Contains("Host", body, StringComparison.Ordinal);
    }

    private static string Get(string target) => $"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    [Theory]
    [InlineData("/api/v1/claims?topic=")]
    [InlineData("/api/v1/sources/")]
    public async Task An_api_address_over_8_KB_is_a_414_problem_from_the_app(string prefix)
    {
        // Over the app's 8 KB, under Kestrel's raised 64 KB: the app answers, not Kestrel.
        var (head, body, _) = await SendAsync(Get(prefix + new string('a', 20_000)));

        Assert.True(Status(head) == 414, head + "\n" + body);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy: ", head, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"/api#address-too-long\"", body, StringComparison.Ordinal);
        Assert.Contains("8,192", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_address_over_8_KB_is_a_414_page_with_the_security_headers()
    {
        var (head, body, _) = await SendAsync(Get("/search?q=" + new string('a', 20_000)));

        Assert.True(Status(head) == 414, head + "\n" + body);
        Assert.Contains("Content-Type: text/html", head, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy: ", head, StringComparison.Ordinal);
        Assert.Contains("this site answers addresses of up to 8,192", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_of_exactly_8_KB_is_answered()
    {
        var query = "/api/v1/claims?topic=";
        var (head, body, _) = await SendAsync(Get(query + new string('a', 8 * 1024 - query.Length)));

        // An unknown topic, so a 400, but from the handler: the length was fine.
        Assert.True(Status(head) == 400, head + "\n" + body);
        Assert.Contains("/api#invalid-parameter", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the README documents as Kestrel's own: it refuses these before any middleware runs, so they carry no body
    /// and no security headers (aspnet/KestrelHttpServer#2947). A proxy in front adds the headers.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/claims/%00", 400)]
    [InlineData("/sources/a%00b", 400)]
    [InlineData("/api/v1/claims?topic=LONG", 414)]
    public async Task Kestrel_refuses_a_nul_in_the_path_and_a_request_line_over_64_KB_before_the_app(string target, int status)
    {
        var (head, body, _) = await SendAsync(Get(target.Replace("LONG", new string('a', 70_000), StringComparison.Ordinal)));

        Assert.True(Status(head) == status, head + "\n" + body);
        Assert.DoesNotContain("Content-Security-Policy", head, StringComparison.Ordinal);
        Assert.Equal("", body);
    }

    private async Task<string> WriteRequestAsync(int contentLength, string body)
    {
        var (_, token) = await app.ApiTokenAsync(Roles.Editor);
        return $"POST /api/v1/claims HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n{body}";
    }

    [Fact]
    public async Task An_api_body_that_stops_arriving_is_a_408_problem_within_seconds()
    {
        var (head, body, elapsed) = await SendAsync(await WriteRequestAsync(500, "{\"statement\": \"stalled"));

        Assert.True(Status(head) is 400 or 408, head + "\n" + body);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("/api#invalid-body", body, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy: ", head, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }
}
