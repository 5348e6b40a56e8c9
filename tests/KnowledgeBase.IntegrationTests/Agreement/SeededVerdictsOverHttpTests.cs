using System.Text.Json;
using AngleSharp.Html.Parser;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Agreement;

/// <summary>A seeded app of its own: the compare page keeps a pair's documents cached, which the shared app's tests count queries of.</summary>
public sealed class SeededVerdictsApp : KnowledgeBaseApp;

/// <summary>
/// The agreement rule's cases on the seeded knowledge base, as readers get them over HTTP: the claim page, the compare
/// page and the API's claim JSON must all tell the same story the rule tells (issue 13).
/// </summary>
public sealed class SeededVerdictsOverHttpTests(SeededVerdictsApp app) : IClassFixture<SeededVerdictsApp>
{
    private const string HedgedAgainstFirm = "a hedged account against a firm one is partial agreement at most";

    private readonly HttpClient _client = PageClient.For(app);

    /// <summary>The flag and rationale the claim page shows, and the API's agreement object for the same claim.</summary>
    private async Task<(string PageFlag, string PageRationale, JsonElement Api)> ReadAsync(string slug)
    {
        var claim = await app.ClaimAsync(slug);
        var page = new HtmlParser().ParseDocument(await _client.GetPageAsync(Links.Claim(claim.Id, claim.Slug)));
        var agreement = page.QuerySelector("section.claim-agreement")!;
        var api = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{claim.Id}");
        return (agreement.QuerySelector(".agreement")!.ClassName!, agreement.QuerySelector("p.rationale")!.TextContent, api);
    }

    [Fact]
    public async Task The_poll_gap_is_in_percentage_points_on_the_claim_page_the_api_and_the_compare_page()
    {
        var (_, rationale, api) = await ReadAsync(Seed.Claims.PublicOpposesArmingUkraine);

        Assert.Contains("15.3 percentage points", rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("19%", rationale, StringComparison.Ordinal);
        Assert.Equal("partial", api.GetProperty("agreement").GetProperty("flag").GetString());
        Assert.Equal(rationale, api.GetProperty("agreement").GetProperty("rationale").GetString());

        var compare = new HtmlParser().ParseDocument(await _client.GetPageAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug)));
        var claim = await app.ClaimAsync(Seed.Claims.PublicOpposesArmingUkraine);
        var row = compare.GetElementById($"shared-{claim.Id}")!;
        Assert.Contains("15.3 percentage points", row.QuerySelector(".compare-row-pair .compare-row-rationale")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hedged_account_against_a_firm_one_is_partial_and_the_rationale_says_why()
    {
        // USIP: North Korea "stands to gain" hard currency; MP-IDSA says it has gained, firmly.
        var (flag, rationale, api) = await ReadAsync(Seed.Claims.HardCurrencyGain);

        Assert.Contains("agreement-partial", flag, StringComparison.Ordinal);
        Assert.Contains("MP-IDSA", rationale, StringComparison.Ordinal);
        Assert.Contains("states this", rationale, StringComparison.Ordinal);
        Assert.Contains("gives it only as an expectation", rationale, StringComparison.Ordinal);
        Assert.Contains(HedgedAgainstFirm, rationale, StringComparison.Ordinal);
        var agreement = api.GetProperty("agreement");
        Assert.Equal("partial", agreement.GetProperty("flag").GetString());
        Assert.Equal("partial", agreement.GetProperty("computed").GetString());
        Assert.Equal(rationale, agreement.GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task The_api_gives_the_pay_claim_usips_stated_20_million_a_month_and_the_240M_a_year_it_makes()
    {
        var claim = await app.ClaimAsync(Seed.Claims.RussiaPaysNorthKorea);
        var api = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{claim.Id}");

        Assert.Equal("$20 million per month", api.GetProperty("figure").GetProperty("text").GetString());
        var usip = api.GetProperty("citations").EnumerateArray().Single(c => c.GetProperty("source").GetProperty("slug").GetString() == Seed.Usip.Slug);
        var figure = usip.GetProperty("figure");
        Assert.Equal("$2,000 per soldier per month; $20 million each month", figure.GetProperty("text").GetString());
        var total = figure.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("text").GetString() == "$20 million each month");
        Assert.Equal(20_000_000m, total.GetProperty("value").GetDecimal());
        Assert.Equal("month", total.GetProperty("period").GetString());
        Assert.Equal("attributed", usip.GetProperty("voice").GetString());
        Assert.Equal("expected", usip.GetProperty("certainty").GetString());

        var rationale = api.GetProperty("agreement").GetProperty("rationale").GetString()!;
        Assert.Contains("$20 million each month", rationale, StringComparison.Ordinal);
        Assert.Contains("$20M × 12 = $240M a year", rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("10,000", rationale, StringComparison.Ordinal);
    }
}
