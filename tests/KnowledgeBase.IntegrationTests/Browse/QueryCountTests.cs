using KnowledgeBase.Core.Agreement;
using KnowledgeBase.IntegrationTests.Caching;
using KnowledgeBase.IntegrationTests.Compare;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Browse;

/// <summary>Every browsing page costs a fixed number of queries, on its first page as on its last: no N+1, no growth with depth.</summary>
/// <remarks>With the output cache off, so every request renders; derived artefacts cached in memory are warmed first.</remarks>
public sealed class QueryCountTests(UncachedApp app) : IClassFixture<UncachedApp>
{
    private readonly HttpClient _client = PageClient.For(app);

    public static TheoryData<string, int> Lists => new()
    {
        // Topic options, source options, the page's keys, the page's claims.
        { Links.Claims(new ClaimListFilter(Size: 5)), 4 },
        { Links.Claims(new ClaimListFilter(Sort: ClaimSort.Agreement, Size: 5)), 4 },
        { Links.Claims(new ClaimListFilter(AgreementFlag.SingleSource, "russia-north-korea-ties", "idsa-2024-south-korea-response", ClaimSort.Oldest, 3)), 4 },
        // The topic, source options, counts per flag, the page.
        { Links.TopicPage("russia-north-korea-ties", new TopicFilter(AgreementFlag.SingleSource, "idsa-2024-south-korea-response", 3)), 4 },
        // Spellings, footnotes, claim count, the page.
        { Links.Outlet("the-korea-times", size: 2), 4 },
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
    public async Task The_outlets_index_costs_three_queries()
    {
        await _client.GetPageAsync(Links.Outlets());
        using var counter = new SqlCommandCounter(app.Database.Name);

        await _client.GetPageAsync(Links.Outlets());

        // Footnotes per outlet, claims per outlet, all claims (no two spellings share a slug in the seed data).
        Assert.True(counter.Commands.Count == 3, string.Join("\n---\n", counter.Commands));
    }
}
