using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.IntegrationTests.Health;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Health;
using KnowledgeBase.Web.Replicas;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace KnowledgeBase.IntegrationTests.Replicas;

/// <summary>An app instance whose anonymous reads may go to the test cluster's streaming replica, through a relay the tests can cut.</summary>
public sealed class ReplicaApp : KnowledgeBaseApp
{
    private readonly ReplicatedApps _apps;

    public ReplicaApp(ReplicatedApps apps) => _apps = apps;

    public ReplicaApp(ReplicatedApps apps, KnowledgeBaseApp first) : base(first) => _apps = apps;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ReadReplica.ConnectionStringName}", _apps.ReplicaConnectionString(Database.Name));
        builder.UseSetting(ReadReplica.MaxLagKey, "2");
    }
}

/// <summary>
/// Two app instances (A and B) on one database of the test cluster (KB_TEST_DATABASE), reading from its streaming
/// replica (KB_TEST_REPLICA, which ./kb test starts) through a <see cref="LoopbackProxy"/>.
/// </summary>
public sealed class ReplicatedApps : IAsyncLifetime
{
    private readonly NpgsqlConnectionStringBuilder _replica = new(Environment.GetEnvironmentVariable("KB_TEST_REPLICA")
        ?? throw new InvalidOperationException("KB_TEST_REPLICA is not set: run the tests with ./kb test, or set it to a streaming replica of KB_TEST_DATABASE's server."));

    public LoopbackProxy Relay { get; private set; } = null!;
    public ReplicaApp A { get; private set; } = null!;
    public ReplicaApp B { get; private set; } = null!;

    /// <summary>The replica's own address (not through the relay), to pause and resume its replay.</summary>
    public string DirectReplica(string database) => new NpgsqlConnectionStringBuilder(_replica.ConnectionString) { Database = database }.ConnectionString;

    public string ReplicaConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_replica.ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Database = database }.ConnectionString;

    public async Task InitializeAsync()
    {
        Relay = new LoopbackProxy(_replica.Host!, _replica.Port);
        A = new ReplicaApp(this);
        await A.InitializeAsync();
        B = new ReplicaApp(this, A);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        await Relay.DisposeAsync();
    }
}

public sealed class ReplicaTests(ReplicatedApps apps, ITestOutputHelper output) : IClassFixture<ReplicatedApps>
{
    /// <summary>How long a save may take to show on the other instance's pages (measured: see the test's output).</summary>
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    private static object NewClaim(string statement) => new
    {
        statement,
        topics = new[] { Seed.Topics.TroopDeployment },
        citations = new[] { new { source = Seed.Usip.Slug, quote = "North Korea has sent approximately 10,000 troops to Russia", stance = "supports" } },
    };

    private async Task<(long Id, string Statement)> SaveThroughAAsync(HttpClient editor)
    {
        var statement = $"A replicated claim {Guid.NewGuid():N}.";
        using var created = await editor.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), NewClaim(statement));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        return (JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64(), statement);
    }

    /// <summary>Connections app <paramref name="instance"/> holds open on the replica's copy of the test database.</summary>
    private async Task<long> ReplicaConnectionsAsync(ReplicaApp instance)
    {
        var name = new NpgsqlConnectionStringBuilder(instance.Services.GetRequiredService<ReadReplica>().ConnectionString).ApplicationName;
        await using var connection = new NpgsqlConnection(apps.DirectReplica("postgres"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND datname = @db", connection);
        count.Parameters.AddWithValue("name", name!);
        count.Parameters.AddWithValue("db", instance.Database.Name);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Closes the instance's idle replica connections, so the next one seen there was opened after this.</summary>
    private async Task NoReplicaConnectionsAsync(ReplicaApp instance)
    {
        await using (var connection = new NpgsqlConnection(instance.Services.GetRequiredService<ReadReplica>().ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await EventuallyAsync(async () => await ReplicaConnectionsAsync(instance) == 0, TimeSpan.FromSeconds(5), "the replica connections closed");
    }

    private static async Task<string> ReadyAsync(ReplicaApp instance) =>
        await PageClient.For(instance).GetStringAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative));

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < within, $"{what}: not within {within.TotalSeconds:0.#} s");
            await Task.Delay(50);
        }
    }

    private static Task ReplicaInUseAsync(ReplicaApp instance) =>
        EventuallyAsync(async () => (await ReadyAsync(instance)).Contains("replica: Healthy, read replica in use", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15), "the replica in use");

    private async Task SetReplayPausedAsync(bool paused)
    {
        await using var connection = new NpgsqlConnection(apps.DirectReplica("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Anonymous_reads_go_to_the_replica_and_a_signed_in_editors_to_the_primary()
    {
        await ReplicaInUseAsync(apps.B);
        var editor = await apps.B.SignInAsync(Roles.Editor);
        await NoReplicaConnectionsAsync(apps.B);

        foreach (var page in new[] { "/claims?sort=oldest&size=3", "/topics/" + Seed.Topics.TroopDeployment, "/api/v1/claims?limit=2" })
        {
            using var response = await editor.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(0, await ReplicaConnectionsAsync(apps.B));

        // On a loaded machine the replica may meanwhile have fallen past the allowed lag, or not yet replayed a write,
        // and then reads rightly go to the primary: the anonymous read is made once the replica serves reads.
        var replica = apps.B.Services.GetRequiredService<ReadReplica>();
        await EventuallyAsync(() => Task.FromResult(replica.Serves), TimeSpan.FromSeconds(15), "the replica serving reads");
        await PageClient.For(apps.B).GetPageAsync("/claims?sort=oldest&size=4");
        Assert.True(await ReplicaConnectionsAsync(apps.B) > 0, "an anonymous read opened no connection on the replica");
    }

    [Fact]
    public async Task A_save_through_one_instance_shows_on_the_others_cached_and_uncached_pages()
    {
        await ReplicaInUseAsync(apps.B);
        var reader = PageClient.For(apps.B);
        const string newest = "/claims?sort=newest&size=5";
        await reader.GetPageAsync(newest);
        var editor = ApiClient.For(apps.A).WithToken((await apps.A.ApiTokenAsync(Roles.Editor)).Token);

        var clock = Stopwatch.StartNew();
        var (id, statement) = await SaveThroughAAsync(editor);
        await EventuallyAsync(async () => (await reader.GetPageAsync(newest)).Contains(statement, StringComparison.Ordinal), Propagation, "the cached list on B");
        var cached = clock.Elapsed;
        Assert.Contains(statement, (await ApiClient.For(apps.B).GetJsonAsync($"/api/v1/claims/{id}")).GetProperty("statement").GetString(), StringComparison.Ordinal);
        output.WriteLine($"A save through A showed on B's cached list after {cached.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task No_stale_page_stays_cached_when_the_replica_has_not_replayed_the_save()
    {
        await ReplicaInUseAsync(apps.B);
        var reader = PageClient.For(apps.B);
        const string newest = "/claims?sort=newest&size=6";
        await reader.GetPageAsync(newest);
        var editor = ApiClient.For(apps.A).WithToken((await apps.A.ApiTokenAsync(Roles.Editor)).Token);

        await SetReplayPausedAsync(true);
        try
        {
            var (id, statement) = await SaveThroughAAsync(editor);
            // The saving editor's next read shows the save, and so do anonymous readers of both instances: until the
            // replica replays it, their reads go to the primary.
            Assert.Contains(statement, (await editor.GetJsonAsync($"/api/v1/claims/{id}")).GetProperty("statement").GetString(), StringComparison.Ordinal);
            Assert.Contains(statement, await PageClient.For(apps.A).GetPageAsync(newest), StringComparison.Ordinal);
            await EventuallyAsync(async () => (await reader.GetPageAsync(newest)).Contains(statement, StringComparison.Ordinal), Propagation, "B's list while the replica is paused");
            // Past the allowed lag the replica is bypassed, and said so.
            await EventuallyAsync(async () => (await ReadyAsync(apps.B)).Contains("replica: Degraded", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the paused replica bypassed");
        }
        finally
        {
            await SetReplayPausedAsync(false);
        }
        await ReplicaInUseAsync(apps.B);
        Assert.DoesNotContain("replica: Degraded", await ReadyAsync(apps.B), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_replica_down_reads_still_answer_from_the_primary_and_it_is_used_again_once_back()
    {
        await ReplicaInUseAsync(apps.A);
        apps.Relay.Stop();
        try
        {
            foreach (var page in new[] { "/claims?sort=oldest&size=7", "/api/v1/claims?limit=3", "/topics/" + Seed.Topics.TroopDeployment })
            {
                using var response = await PageClient.For(apps.A).GetAsync(new Uri(page, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            await EventuallyAsync(async () => (await ReadyAsync(apps.A)).Contains("replica: Degraded, read replica bypassed", StringComparison.Ordinal),
                TimeSpan.FromSeconds(5), "the stopped replica bypassed");
            Assert.StartsWith("Degraded\n", await ReadyAsync(apps.A), StringComparison.Ordinal);
        }
        finally
        {
            apps.Relay.Start();
        }
        await ReplicaInUseAsync(apps.A);
        await NoReplicaConnectionsAsync(apps.A);
        await PageClient.For(apps.A).GetPageAsync("/claims?sort=oldest&size=8");
        Assert.True(await ReplicaConnectionsAsync(apps.A) > 0, "reads did not go back to the replica");
    }
}
