using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace KnowledgeBase.IntegrationTests.Health;

/// <summary>The app reaches its database through a relay the tests take down and bring back.</summary>
public sealed class ProxiedApp : KnowledgeBaseApp
{
    private LoopbackProxy? _proxy;

    public LoopbackProxy Proxy => _proxy ??= ProxyTo(Database.ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:KnowledgeBase",
            new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString);
    }

    private static LoopbackProxy ProxyTo(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return new LoopbackProxy(target.Host ?? "127.0.0.1", target.Port);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// While the database is unreachable, what needs it answers 503 with Retry-After (problem details under /api, the
/// site's page elsewhere); a restart of about a second goes unseen; once it is back the very next request is served.
/// </summary>
public sealed class OutageTests(ProxiedApp app) : IClassFixture<ProxiedApp>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // Whatever a test does, the next one starts with the database reachable.
    public Task DisposeAsync()
    {
        if (!app.Proxy.Up)
        {
            app.Proxy.Start();
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task While_the_database_is_down_pages_and_the_api_answer_503_with_retry_after_and_recover_at_once()
    {
        var client = PageClient.For(app);
        const string page = "/claims?sort=oldest&size=7";
        const string api = "/api/v1/claims?limit=3";

        app.Proxy.Stop();
        using (var response = await client.GetAsync(new Uri(page, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("briefly unavailable", body, StringComparison.Ordinal);
            Assert.Contains("site-header", body, StringComparison.Ordinal); // the site's own layout
        }
        using (var response = await client.GetAsync(new Uri(api, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        }

        app.Proxy.Start();
        await client.GetPageAsync(page);
        using (var response = await client.GetAsync(new Uri(api, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_restart_of_about_a_second_is_invisible_to_a_reader()
    {
        var client = PageClient.For(app);
        await client.GetPageAsync("/topics"); // connections pooled, as in a running app

        app.Proxy.Stop();
        var elapsed = Stopwatch.StartNew();
        var reading = client.GetAsync(new Uri("/claims?sort=oldest&size=9", UriKind.Relative));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        app.Proxy.Start();

        using var response = await reading;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(4), $"the reader waited {elapsed.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Health_live_stays_up_while_ready_reports_the_outage()
    {
        var client = PageClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        app.Proxy.Stop();
        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            // The check's exception (which names the database's address) stays in the log.
            Assert.Equal("Unhealthy\ndatabase: Unhealthy\n", await ready.Content.ReadAsStringAsync());
        }
        using (var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        }

        app.Proxy.Start();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_api_write_during_the_outage_is_refused_with_503_and_leaves_the_claim_as_it_was()
    {
        var (_, token) = await app.ApiTokenAsync("Editor");
        var client = PageClient.For(app).WithToken(token);
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        using var read = await client.GetAsync(new Uri($"/api/v1/claims/{claim.Id}", UriKind.Relative));
        var etag = read.Headers.ETag!;

        app.Proxy.Stop();
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/claims/{claim.Id}", UriKind.Relative)))
        {
            delete.Headers.IfMatch.Add(etag);
            using var response = await client.SendAsync(delete);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        app.Proxy.Start();

        using var after = await client.GetAsync(new Uri($"/api/v1/claims/{claim.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(etag, after.Headers.ETag);
    }
}
