using KnowledgeBase.Core.Agreement;
using KnowledgeBase.IntegrationTests.Caching;
using KnowledgeBase.IntegrationTests.Compare;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Browse;

/// <summary>Every browsing page costs a fixed number of queries, on its first page as on its last: no N+1, no growth with depth.</summary>
/// <remarks>With the output cache off, so every request renders; derived artefacts cached in memory are warmed first.</remarks>
public sealed class QueryCountTests(UncachedApp app) : IClassFixture<UncachedApp>
{
    private readonly HttpClient _client = PageClient.For(app);

    public static TheoryData<string, int> Lists => new()
    {
        // The page's keys, the page's claims (topic and source options are cached per content version).
        { Links.Claims(new ClaimListFilter(Size: 5)), 2 },
        { Links.Claims(new ClaimListFilter(Sort: ClaimSort.Agreement, Size: 5)), 2 },
        { Links.Claims(new ClaimListFilter(AgreementFlag.SingleSource, Seed.Topics.RussiaNorthKoreaTies, Seed.MpIdsa.Slug, ClaimSort.Oldest, 3)), 2 },
        // The page (the topic, its counts per flag and the source options are cached per content version).
        { Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter(AgreementFlag.SingleSource, Seed.MpIdsa.Slug, 3)), 1 },
        { Links.TopicPage(Seed.Topics.TroopDeployment, new TopicFilter(Size: 4)), 1 },
        // The page of claims (the outlet's spellings, counts and most recent footnotes are cached per content version).
        { Links.Outlet(Seed.Outlets.TheKoreaTimes, size: 2), 1 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_page_of_a_list_costs_the_same_fixed_number_of_queries(string url, int queries)
    {
        await _client.GetPageAsync(url);
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            string html;
            using (var counter = new SqlCommandCounter(app.Database.Name))
            {
                html = await _client.GetPageAsync(next);
                Assert.True(counter.Commands.Count == queries, $"{next} ran {counter.Commands.Count} queries:\n{string.Join("\n---\n", counter.Commands)}");
            }
            pages++;
            next = ListPages.NextLink(html);
        }
        Assert.True(pages > 1, $"{url} has a single page; the test needs several");
    }

    [Fact]
    public async Task The_outlets_index_costs_four_queries_once_per_content_version()
    {
        await WarmUpAsync();
        // An outlet page (another test) computes the same index: start from a content version that has none.
        await app.Services.GetRequiredService<ReadingCache>().DropAsync(CancellationToken.None);
        // Footnotes and claims per outlet and agency credit; the exact claims of the groups that merge several (Yonhap
        // through two papers, which also print their own reporting); all claims.
        Assert.Equal(4, await CountAsync(Links.Outlets()));
        Assert.Equal(0, await CountAsync(Links.Outlets()));
    }

    [Theory]
    [InlineData(Seed.Usip.Slug)]
    [InlineData(Seed.MpIdsa.Slug)]
    public async Task A_source_page_costs_four_queries_then_one_whatever_its_passages(string slug)
    {
        await WarmUpAsync();
        // The source; then, once per content version, its cited passages with their claims, its body and the documents
        // to compare with. The body is not read again while the rendered text is cached.
        Assert.Equal(4, await CountAsync(Links.Source(slug)));
        Assert.Equal(1, await CountAsync(Links.Source(slug)));
    }

    [Fact]
    public async Task Every_page_of_the_api_claim_list_costs_one_query()
    {
        string? next = "/api/v1/claims?limit=10";
        var pages = 0;
        while (next is not null)
        {
            using var counter = new SqlCommandCounter(app.Database.Name);
            using var response = await _client.GetAsync(new Uri(next, UriKind.Relative));
            using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(counter.Commands.Count == 1, $"{next} ran {counter.Commands.Count} queries:\n{string.Join("\n---\n", counter.Commands)}");
            next = page.RootElement.GetProperty("next").GetString() is { } cursor ? $"/api/v1/claims?limit=10&cursor={Uri.EscapeDataString(cursor)}" : null;
            pages++;
        }
        Assert.True(pages > 3, "the seed data should span several API pages");
    }

    /// <summary>The app's first request also loads the DataProtection key ring: make it some other page's.</summary>
    private Task WarmUpAsync() => _client.GetPageAsync("/");

    private async Task<int> CountAsync(string url)
    {
        using var counter = new SqlCommandCounter(app.Database.Name);
        await _client.GetPageAsync(url);
        return counter.Commands.Count;
    }
}
