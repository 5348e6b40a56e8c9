using AngleSharp.Html.Parser;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Claims;

/// <summary>The claim page's figure chart, related claims and citation box, over HTTP.</summary>
[Collection(AppCollection.Name)]
public sealed class ClaimPageDepthTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);
    private readonly HtmlParser _parser = new();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ClaimPageAsync(string slug)
    {
        var claim = await app.ClaimAsync(slug);
        using var response = await _client.GetAsync(new Uri(Links.Claim(claim.Id, claim.Slug), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return _parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Related_claims_share_a_topic_exclude_the_claim_and_are_few()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var related = await app.QueryAsync(db => RelatedClaimQueries.ForAsync(db, claim.Id, CancellationToken.None));
        var topics = await app.QueryAsync(db => db.ClaimTopics.Where(t => t.ClaimId == claim.Id).Select(t => t.TopicId).ToListAsync());
        var ids = related.Select(r => r.Id).ToList();
        var sharing = await app.QueryAsync(db => db.ClaimTopics.Where(t => ids.Contains(t.ClaimId) && topics.Contains(t.TopicId)).Select(t => t.ClaimId).Distinct().ToListAsync());

        Assert.InRange(related.Count, 1, RelatedClaimQueries.Count);
        Assert.Equal(RelatedClaimQueries.Count, related.Count);
        Assert.DoesNotContain(claim.Id, ids);
        Assert.Equal(ids.Order(), sharing.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(related, r => Assert.NotEmpty(r.Sources));

        var page = await ClaimPageAsync(Seed.Claims.TroopsInKursk);
        var links = page.QuerySelectorAll("section.related-claims h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(related.Select(r => Links.Claim(r.Id, r.Slug)), links);
    }

    [Fact]
    public async Task Related_claims_prefer_claims_sharing_more_of_the_topics()
    {
        // public-opposes-arming-ukraine has two topics; a claim on both outranks a nearer claim on one.
        var claim = await app.ClaimAsync(Seed.Claims.PublicOpposesArmingUkraine);
        var topics = await app.QueryAsync(db => db.ClaimTopics.Where(t => t.ClaimId == claim.Id).Select(t => t.TopicId).ToListAsync());
        var related = await app.QueryAsync(db => RelatedClaimQueries.ForAsync(db, claim.Id, CancellationToken.None));
        var ids = related.Select(r => r.Id).ToList();
        var shared = await app.QueryAsync(db => db.ClaimTopics
            .Where(t => ids.Contains(t.ClaimId) && topics.Contains(t.TopicId))
            .GroupBy(t => t.ClaimId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

        Assert.Equal(2, topics.Count);
        var counts = ids.Select(id => shared[id]).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task The_pay_claim_draws_both_yearly_totals_on_one_scale_with_a_text_alternative()
    {
        var page = await ClaimPageAsync(Seed.Claims.RussiaPaysNorthKorea);

        // USIP's rate per soldier has a scale of its own; the totals the two documents state share one.
        var figure = Assert.Single(page.QuerySelectorAll("section.claim-agreement figure.figure-scale"),
            f => f.QuerySelector("svg title")!.TextContent == "US dollars a year: the sources' figures on one scale");
        var svg = figure.QuerySelector("svg[role=img]")!;
        Assert.Contains("USIP: $240M a year ($20M × 12 = $240M a year).", svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, svg.QuerySelectorAll("circle.point").Length);
        var rows = figure.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(["USIP", "MP-IDSA"], rows);
    }

    [Theory]
    [InlineData(Seed.Claims.ForeignTradeActClause)]
    [InlineData(Seed.Claims.CombatBegun)]
    public async Task A_claim_without_two_comparable_figures_has_no_chart(string slug)
    {
        var page = await ClaimPageAsync(slug);

        Assert.Empty(page.QuerySelectorAll("svg"));
    }

    [Fact]
    public async Task The_cite_box_holds_a_plain_text_citation_with_the_permalink_and_todays_date()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var page = await ClaimPageAsync(Seed.Claims.TroopsSentToRussia);
        var permalink = $"http://localhost{Links.Claim(claim.Id, claim.Slug)}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var text = page.QuerySelector("section.cite-claim textarea#cite-text")!.TextContent;
        Assert.StartsWith($"“{claim.Statement}” KnowledgeBase, claim {claim.Id}. Agreement: Partly agree. Sources: Lami Kim,", text);
        Assert.Contains("Ranjit Kumar Dhawan, “South Korea's Response to North Korean Troops in the Russia-Ukraine War,”", text);
        Assert.EndsWith($"{permalink} (retrieved {today}).", text);
        Assert.Equal(permalink, page.QuerySelector(".cite-claim-permalink a")!.GetAttribute("href"));
        Assert.Equal(permalink, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }
}
