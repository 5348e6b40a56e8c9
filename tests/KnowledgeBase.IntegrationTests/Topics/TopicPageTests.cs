using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using KnowledgeBase.Web.Topics;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Topics;

[Collection(AppCollection.Name)]
public sealed class TopicPageTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task A_topic_page_lists_its_claims_with_flags()
    {
        var html = await _client.GetPageAsync(Links.Topic(Seed.Topics.TroopDeployment));

        var kursk = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        Assert.Contains(Links.Claim(kursk.Id, kursk.Slug), html);
        Assert.Contains("agreement-agree", html);
        Assert.Contains("North Korean troops in Russia", html);
    }

    [Fact]
    public async Task The_after_cursor_continues_after_the_given_claim()
    {
        var ids = await app.QueryAsync(db => db.ClaimTopics.Where(x => x.Topic!.Slug == Seed.Topics.TroopDeployment).OrderBy(x => x.ClaimId).Select(x => x.ClaimId).ToListAsync());
        var claims = await app.QueryAsync(db => db.Claims.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Slug));
        var cut = ids[ids.Count / 2];

        var html = await _client.GetPageAsync(Links.TopicPage(Seed.Topics.TroopDeployment, Cursor.Encode(cut)));

        foreach (var id in ids)
        {
            var link = Links.Claim(id, claims[id]);
            if (id > cut)
            {
                Assert.Contains(link, html);
            }
            else
            {
                Assert.DoesNotContain(link, html);
            }
        }
    }

    [Fact]
    public async Task Walking_keyset_pages_returns_every_claim_of_the_topic_once()
    {
        var topic = await app.QueryAsync(db => db.Topics.SingleAsync(t => t.Slug == Seed.Topics.RussiaNorthKoreaTies));
        var expected = await app.QueryAsync(db => db.ClaimTopics.Where(x => x.TopicId == topic.Id).Select(x => x.ClaimId).OrderBy(x => x).ToListAsync());

        var seen = new List<long>();
        long after = 0;
        var pages = 0;
        while (true)
        {
            var page = await app.QueryAsync(db => TopicQueries.ClaimsAsync(db, topic.Id, after, CancellationToken.None, pageSize: 4));
            seen.AddRange(page.Items.Select(c => c.Id));
            pages++;
            if (page.NextAfter is not { } next)
            {
                break;
            }
            after = next;
        }

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 3) / 4, pages);
    }

    [Fact]
    public async Task The_home_page_shows_topics_with_counts_and_the_flag_totals()
    {
        var total = await app.QueryAsync(db => db.Claims.CountAsync());

        var html = await _client.GetPageAsync("/");

        Assert.Contains($"holds {total} claims", html);
        Assert.Contains(Links.Topic(Seed.Topics.TroopDeployment), html);
        Assert.Contains("Sources conflict", html);
        Assert.Contains("Single source", html);
    }

    [Theory]
    [InlineData("abc", "page cursor")]
    [InlineData("12", "page cursor")]
    [InlineData("%00", "control character")]
    public async Task A_malformed_cursor_gets_a_400_with_a_clear_message_never_a_500(string after, string message)
    {
        using var response = await _client.GetAsync(new Uri($"/topics/{Seed.Topics.TroopDeployment}?after={after}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body);
    }
}
