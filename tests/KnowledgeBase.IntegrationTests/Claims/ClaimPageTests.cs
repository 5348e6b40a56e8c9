using System.Net;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Claims;

[Collection(AppCollection.Name)]
public sealed class ClaimPageTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);

    private async Task<string> ClaimPageAsync(string slug)
    {
        var claim = await app.ClaimAsync(slug);
        return await _client.GetPageAsync(Links.Claim(claim.Id, claim.Slug));
    }

    [Fact]
    public async Task Troops_sent_shows_both_figures_and_the_partial_flag()
    {
        var html = await ClaimPageAsync(Seed.Claims.TroopsSentToRussia);

        Assert.Contains("approximately 10,000 troops", html);
        Assert.Contains("thousands of North Korean troops", html);
        Assert.Contains("Washington estimates", html);
        Assert.Contains("agreement-partial", html);
        Assert.Contains("Partly agree", html);
    }

    [Fact]
    public async Task Every_citation_says_whose_words_how_sure_and_as_of_when_and_what_it_rests_on()
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await ClaimPageAsync(Seed.Claims.TroopsInKursk));

        var cards = document.QuerySelectorAll("article.citation-card");
        Assert.True(cards.Length >= 2);
        foreach (var card in cards)
        {
            var terms = card.QuerySelectorAll("dl.citation-facts dt").Select(dt => dt.TextContent).ToList();
            Assert.Equal(["Whose words", "How sure", "As of"], terms.Take(3));
            Assert.All(card.QuerySelectorAll(".citation-voice, .citation-certainty, .citation-as-of"), dd => Assert.False(string.IsNullOrWhiteSpace(dd.TextContent)));
        }
        // MP-IDSA's footnote 5 is Yonhap copy printed by The Korea Herald: the citation rests on the agency.
        // (MP-IDSA's sentence; its footnote's headline is cited after it.)
        var idsa = cards.First(c => c.GetAttribute("aria-label") == "Citation from MP-IDSA");
        Assert.Contains("Yonhap", idsa.QuerySelector(".citation-roots")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pay_claim_shows_the_monthly_rate_the_yearly_total_of_the_stated_20_million_and_footnote_11()
    {
        var html = await ClaimPageAsync(Seed.Claims.RussiaPaysNorthKorea);

        Assert.Contains("$2,000 per soldier per month; $20 million each month", html);
        Assert.Contains("$20M × 12 = $240M a year", html);
        Assert.DoesNotContain("× 10,000", html);
        Assert.Contains("$200m A Year", html);
        Assert.Contains($"/sources/{Seed.MpIdsa.Slug}#footnote-11", html);
        Assert.Contains("The Korea Herald", html);
        Assert.Contains("South Korea’s intelligence agency", html);
    }

    [Fact]
    public async Task Poll_claim_shows_13_and_82_percent_against_two_thirds()
    {
        var html = await ClaimPageAsync(Seed.Claims.PublicOpposesArmingUkraine);

        Assert.Contains("13 percent supported supplying arms to Ukraine, while 82 percent opposed it", html);
        Assert.Contains("13%", html);
        Assert.Contains("82%", html);
        Assert.Contains("Two-Thirds of Koreans Oppose Sending Weapons to Ukraine", html);
        Assert.Contains("agreement-partial", html);
    }

    [Fact]
    public async Task Foreign_trade_act_claim_is_single_source_with_the_verbatim_clause()
    {
        var html = await ClaimPageAsync(Seed.Claims.ForeignTradeActClause);

        Assert.Contains("Foreign Trade Act", html);
        Assert.Contains("strategic materials shall only be licensed if they are used for peaceful purposes", html);
        Assert.Contains("agreement-single-source", html);
        Assert.Contains("Only USIP", html);
    }

    [Fact]
    public async Task Each_citation_links_to_its_passage_on_the_source_page()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var passages = await app.QueryAsync(db => Task.FromResult(
            db.Citations.Where(c => c.ClaimId == claim.Id).Select(c => new { c.PassageId, c.Passage!.Source!.Slug }).ToList()));

        var html = await _client.GetPageAsync(Links.Claim(claim.Id, claim.Slug));

        Assert.Equal(3, passages.Count); // USIP's, MP-IDSA's sentence and its footnote 5's headline
        foreach (var p in passages)
        {
            Assert.Contains($"href=\"{Links.Passage(p.Slug, p.PassageId)}\"", html);
        }
        Assert.Contains("agreement-agree", html);
    }

    [Fact]
    public async Task An_outdated_slug_redirects_to_the_canonical_address()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);

        using var response = await _client.GetAsync(new Uri($"/claims/{claim.Id}/old-title", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently, $"answered {(int)response.StatusCode}");
        Assert.Equal(Links.Claim(claim.Id, claim.Slug), response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/claims/999999999/nothing")]
    [InlineData("/sources/no-such-source")]
    [InlineData("/topics/no-such-topic")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_answer_404_with_a_helpful_page(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync());
    }
}
