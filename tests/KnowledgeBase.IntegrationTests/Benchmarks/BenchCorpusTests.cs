using System.Net;
using KnowledgeBase.Bench;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Benchmarks;

/// <summary>
/// The bench tool's server, built as the tool builds it (<see cref="BenchProgram.Build"/>: the real app plus the bare
/// layers), on a real loopback port and a throwaway database holding a tiny generated corpus (500 claims).
/// </summary>
public sealed class BenchCorpusApp : IAsyncLifetime
{
    public const int Claims = 500;

    private TestDatabase? _database;
    private WebApplication? _app;

    public string FirstLoad { get; private set; } = "";

    public HttpClient Client { get; private set; } = new();

    private WebApplication App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Named as the tool's own process is: its static assets' manifest (the app's assets) goes by that name.
        _app = BenchProgram.Build([
            "--applicationName=KnowledgeBase.Bench", "--environment=Production", "--urls=http://127.0.0.1:0",
            "--ConnectionStrings:KnowledgeBase=" + _database.ConnectionString]);
        FirstLoad = await SeedAsync();
        await _app.StartAsync();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task<string> SeedAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BenchSeed.RunAsync(App.Services, ["--claims", Claims.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error);
        Assert.True(exit == 0, error.ToString());
        return output.ToString();
    }

    public async Task<T> QueryAsync<T>(Func<KnowledgeBaseDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class BenchCorpusTests(BenchCorpusApp app) : IClassFixture<BenchCorpusApp>
{
    private readonly HttpClient _client = app.Client;
    private static readonly CorpusSize Size = CorpusSize.For(BenchCorpusApp.Claims);

    [Fact]
    public async Task The_generator_fills_every_table_with_the_corpus_size()
    {
        var counts = await app.QueryAsync(async db => new
        {
            Claims = await db.Claims.IgnoreQueryFilters().CountAsync(),
            Sources = await db.Sources.CountAsync(),
            Passages = await db.Passages.CountAsync(),
            Footnotes = await db.Footnotes.CountAsync(),
            Topics = await db.Topics.CountAsync(),
            Citations = await db.Citations.IgnoreQueryFilters().CountAsync(),
            Links = await db.ClaimTopics.IgnoreQueryFilters().CountAsync(),
            Vectors = await db.Claims.CountAsync(c => EF.Property<NpgsqlTypes.NpgsqlTsVector>(c, "SearchVector") != null),
        });

        Assert.Equal(BenchCorpusApp.Claims, counts.Claims);
        Assert.Equal(Size.Sources, counts.Sources);
        Assert.Equal(Size.Passages, counts.Passages);
        Assert.Equal(Size.Sources * CorpusSize.FootnotesPerSource, counts.Footnotes);
        Assert.Equal(Size.Topics, counts.Topics);
        Assert.InRange(counts.Citations, BenchCorpusApp.Claims * 1.6, BenchCorpusApp.Claims * 2.4);
        Assert.InRange(counts.Links, BenchCorpusApp.Claims, BenchCorpusApp.Claims * 3);
        Assert.Equal(BenchCorpusApp.Claims, counts.Vectors);
        Assert.Contains("corpus loaded in", app.FirstLoad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_indexes_and_foreign_keys_the_migrations_made_are_back_after_the_load()
    {
        var (indexes, foreignKeys) = await app.QueryAsync(async db =>
        {
            var i = await db.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('claims', 'passages', 'citations', 'sources')").ToListAsync();
            var f = await db.Database.SqlQueryRaw<string>("SELECT conname AS \"Value\" FROM pg_constraint WHERE contype = 'f' AND convalidated").ToListAsync();
            return (i, f);
        });

        Assert.Contains("ix_claims_search_vector", indexes);
        Assert.Contains("ix_passages_search_vector", indexes);
        Assert.Contains("ix_citations_passage_id", indexes);
        Assert.Contains("ix_sources_slug", indexes);
        Assert.Contains("fk_citations_claims_claim_id", foreignKeys);
        Assert.Contains("fk_passages_sources_source_id", foreignKeys);
    }

    [Fact]
    public async Task A_second_run_of_the_same_size_reuses_the_corpus()
    {
        var output = await app.SeedAsync();

        Assert.Contains("reusing the corpus of 500 claims", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_render_generated_claims_sources_topics_and_searches()
    {
        var claim = BenchCorpusSample.Corpus.Claim(10);
        var source = BenchCorpusSample.Corpus.Source(3);

        var claimPage = await _client.GetPageAsync(Links.Claim(claim.Id, claim.Slug));
        Assert.Contains(claim.Statement, claimPage, StringComparison.Ordinal);

        var sourcePage = await _client.GetPageAsync(Links.Source(source.Slug));
        Assert.Contains($"passage-{source.Passages[0].Id}", sourcePage, StringComparison.Ordinal);

        var topicPage = await _client.GetPageAsync(Links.Topic(BenchCorpus.TopicSlug(claim.TopicIds[0])));
        Assert.Contains(Links.Claim(claim.Id, claim.Slug), topicPage, StringComparison.Ordinal);

        var rare = BenchCorpusSample.Corpus.Claim(7);
        var search = await _client.GetPageAsync($"/search?q={BenchCorpus.RareTerm(0)}");
        Assert.Contains(Links.Claim(rare.Id, rare.Slug), search, StringComparison.Ordinal);

        // The app's own static assets are served by the tool too.
        await _client.GetPageAsync("/app.css");
    }

    [Fact]
    public async Task The_bare_layers_do_the_pages_work_and_l1_replays_what_l2_sent()
    {
        var claim = BenchCorpusSample.Corpus.Claim(20);

        var l2 = await _client.GetPageAsync($"/bench/l2/claim?id={claim.Id}");
        var l1 = await _client.GetPageAsync($"/bench/l1/claim?id={claim.Id}");
        var l0 = await _client.GetPageAsync($"/bench/l0/claim?id={claim.Id}");
        var captured = await _client.GetPageAsync("/bench/captured");

        Assert.Contains(claim.Statement, l2, StringComparison.Ordinal);
        Assert.Contains(claim.Statement, l1, StringComparison.Ordinal);
        Assert.Contains("FROM claims", l0, StringComparison.Ordinal);
        Assert.DoesNotContain("@id", l0, StringComparison.Ordinal);
        Assert.Contains($"/bench/l1/claim?id={claim.Id}", captured, StringComparison.Ordinal);
        using var unknown = await _client.GetAsync(new Uri("/bench/l1/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var missing = await _client.GetAsync(new Uri("/bench/l2/topic?slug=no-such-topic", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_capture_is_added_beside_the_apps_own_interceptors()
    {
        var interceptors = await app.QueryAsync(db => Task.FromResult(
            db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Select(i => i.GetType()).ToList() ?? []));

        Assert.Contains(typeof(ContentChanges), interceptors);
        Assert.Contains(typeof(BenchCapture), interceptors);
    }

    [Fact]
    public async Task Search_sql_is_captured_and_replayed()
    {
        var rare = BenchCorpusSample.Corpus.Claim(7);
        var query = $"search?q={BenchCorpus.RareTerm(0)}";

        var l1 = await _client.GetPageAsync($"/bench/l1/{query}");
        var l0 = await _client.GetPageAsync($"/bench/l0/{query}");

        // Search's hand-written SQL (ranking, highlights) reaches the capture through EF, with its parameters.
        Assert.Contains($"<td>{rare.Slug}</td>", l1, StringComparison.Ordinal);
        Assert.Contains($"websearch_to_tsquery('english', '{BenchCorpus.RareTerm(0)}'::text)", l0, StringComparison.Ordinal);
        Assert.DoesNotContain("@q", l0, StringComparison.Ordinal);
    }
}

/// <summary>The same corpus the app loaded, to know what to look for.</summary>
internal static class BenchCorpusSample
{
    public static readonly BenchCorpus Corpus = new(CorpusSize.For(BenchCorpusApp.Claims));
}

/// <summary>The bare layers belong to the bench tool: the app alone does not serve them.</summary>
[Collection(AppCollection.Name)]
public sealed class AppWithoutBenchTests(KnowledgeBaseApp app)
{
    [Theory]
    [InlineData("/bench/l1/claim?id=1")]
    [InlineData($"/bench/l2/topic?slug={Seed.Topics.TroopDeployment}")]
    [InlineData("/bench/l0/search?q=troops")]
    [InlineData("/bench/captured")]
    public async Task The_app_has_no_bench_endpoints(string url)
    {
        using var client = PageClient.For(app);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
