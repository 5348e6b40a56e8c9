using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Seeding;

/// <summary>
/// The re-curated seed (issue 14): each statement as sure as its quotes, each figure as its source states it, and the
/// flags those give. A change to seed-data/ that loses a hedge, presents a derived figure as stated or makes one of
/// these flags lie fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CuratedSeedTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);

    private Task<Claim> ClaimAsync(string slug) =>
        app.QueryAsync(db => db.Claims.AsNoTracking().Include(c => c.Citations).ThenInclude(c => c.Passage!).ThenInclude(p => p.Footnote).SingleAsync(c => c.Slug == slug));

    private static Citation Quoting(Claim claim, string words) => Assert.Single(claim.Citations, c => c.Passage!.Exact.Contains(words, StringComparison.Ordinal));

    [Fact]
    public async Task Troops_sent_are_about_10000_on_Washingtons_estimate_and_partly_agreed()
    {
        var claim = await ClaimAsync(Seed.Claims.TroopsSentToRussia);

        // Its start: a restore test in the shared app may append to the statement meanwhile.
        Assert.StartsWith("According to US estimates, North Korea has sent about 10,000 troops to Russia.", claim.Statement, StringComparison.Ordinal);
        Assert.Equal("about 10,000 troops", claim.Figure);
        var usip = Quoting(claim, "approximately 10,000 troops");
        Assert.Equal("approximately 10,000 troops", usip.Figure);
        Assert.Equal("Washington estimates", usip.Attribution);
        Assert.Equal(Voice.Attributed, usip.Voice);
        Assert.Equal(Certainty.Estimated, usip.Certainty);
        var idsa = Quoting(claim, "thousands of North Korean troops");
        Assert.Equal(Stance.SupportsInPart, idsa.Stance);
        Assert.Equal(Certainty.Reported, idsa.Certainty);
        Assert.Equal(AgreementFlag.Partial, claim.Agreement);
    }

    [Fact]
    public async Task Kursk_keeps_an_estimated_and_reportedly_and_both_documents_give_8000()
    {
        var claim = await ClaimAsync(Seed.Claims.TroopsInKursk);

        Assert.Equal("An estimated 8,000 North Korean troops have reportedly been deployed to Russia's Kursk region.", claim.Statement);
        Assert.Equal("about 8,000 troops", claim.Figure);
        Assert.Equal("an estimated 8,000 soldiers", Quoting(claim, "an estimated 8,000 North Korean soldiers").Figure);
        var headline = Quoting(claim, "Some 8,000 N. Korean Troops in Russia's Kursk Region");
        Assert.Equal(Voice.Headline, headline.Voice);
        Assert.Equal(5, FootnoteOf(headline));
        Assert.Equal(AgreementFlag.Agree, claim.Agreement);
    }

    [Fact]
    public async Task Pay_is_USIPs_stated_20_million_a_month_never_a_rate_times_10000()
    {
        var claim = await ClaimAsync(Seed.Claims.RussiaPaysNorthKorea);

        Assert.Contains("Russia is expected to pay North Korea $2,000 per soldier per month", claim.Statement, StringComparison.Ordinal);
        Assert.Equal("$20 million per month", claim.Figure);
        var usip = Quoting(claim, "$20 million each month");
        Assert.Equal("$2,000 per soldier per month; $20 million each month", usip.Figure);
        Assert.Equal(Voice.Attributed, usip.Voice);
        Assert.Equal(Certainty.Expected, usip.Certainty);
        Assert.All(claim.Citations, c => Assert.DoesNotContain("10,000", c.Figure ?? "", StringComparison.Ordinal));
        Assert.Equal(Voice.Headline, Quoting(claim, "$200m A Year").Voice);
        Assert.Contains("$20 million each month", claim.AgreementRationale, StringComparison.Ordinal);
        Assert.Contains("$240M a year", claim.AgreementRationale, StringComparison.Ordinal);
        Assert.DoesNotContain("10,000", claim.AgreementRationale, StringComparison.Ordinal);
        Assert.Equal(AgreementFlag.Partial, claim.Agreement);
    }

    [Fact]
    public async Task Poll_compares_13_and_82_percent_with_two_thirds_in_percentage_points()
    {
        var claim = await ClaimAsync(Seed.Claims.PublicOpposesArmingUkraine);

        Assert.Contains("so their figures may differ", claim.Statement, StringComparison.Ordinal);
        Assert.Equal("13% support; 82% oppose", Quoting(claim, "82 percent opposed it").Figure);
        Assert.Equal("two-thirds oppose", Quoting(claim, "Two-Thirds of Koreans").Figure);
        Assert.Equal(4, claim.Citations.Count);
        Assert.All(claim.Citations, c => Assert.Equal(Stance.Supports, c.Stance));
        Assert.Contains("15.3 percentage points", claim.AgreementRationale, StringComparison.Ordinal);
        Assert.Equal(AgreementFlag.Partial, claim.Agreement);
    }

    [Theory]
    [InlineData(Seed.Claims.ForeignTradeActClause)]
    [InlineData(Seed.Claims.DirectArmsViolateTradeAct)]
    public async Task The_Foreign_Trade_Act_claims_rest_on_USIP_alone(string slug)
    {
        var claim = await ClaimAsync(slug);

        Assert.Equal(AgreementFlag.SingleSource, claim.Agreement);
        Assert.Contains("Foreign Trade Act", claim.Statement, StringComparison.Ordinal);
        var usip = await app.QueryAsync(db => db.Sources.Where(s => s.Slug == Seed.Usip.Slug).Select(s => s.Id).SingleAsync());
        Assert.All(claim.Citations, c => Assert.Equal(usip, c.Passage!.SourceId));
    }

    [Theory]
    [InlineData(Seed.Claims.SeoulResponseMeasured)]
    [InlineData(Seed.Claims.YoonArmsStanceTimeline)]
    public async Task The_two_former_conflicts_changed_over_time_and_are_no_conflict(string slug)
    {
        var claim = await ClaimAsync(slug);

        Assert.Equal(AgreementFlag.Timeline, claim.Agreement);
        Assert.Contains("they describe different times, so this changed over time rather than conflicts", claim.AgreementRationale, StringComparison.Ordinal);
        Assert.Contains("USIP gives it only as a possibility", claim.AgreementRationale, StringComparison.Ordinal);
        Assert.Equal(Certainty.Possible, Assert.Single(claim.Citations, c => c.Stance == (slug == Seed.Claims.SeoulResponseMeasured ? Stance.Contradicts : Stance.Supports)).Certainty);
        Assert.False(await app.QueryAsync(db => db.Claims.AnyAsync(c => c.Agreement == AgreementFlag.Conflict)), "no seeded claim is a real contradiction");
    }

    [Fact]
    public async Task The_November_signal_and_Decembers_wait_and_watch_are_claims_of_their_own()
    {
        var november = await ClaimAsync(Seed.Claims.SeoulStanceOnArmingUkraine);
        Assert.Equal(AgreementFlag.SingleSource, november.Agreement);
        Assert.All(november.Citations, c => Assert.NotEqual(Stance.Contradicts, c.Stance));
        Assert.Equal(new DateOnly(2024, 11, 7), Quoting(november, "not ruling out").AsOfFrom);

        foreach (var slug in new[] { Seed.Claims.SeoulWaitAndWatch, Seed.Claims.ArmsResponseMuted })
        {
            var december = await ClaimAsync(slug);
            Assert.Equal(AgreementFlag.SingleSource, december.Agreement);
            Assert.All(december.Citations, c => Assert.Equal(Stance.Supports, c.Stance));
        }
    }

    [Fact]
    public async Task Footnote_25_rests_on_Trumps_victory_not_on_his_pledge_to_stop_the_war()
    {
        var anxiety = await ClaimAsync(Seed.Claims.TrumpVictoryAnxiety);
        Assert.Equal(25, FootnoteOf(Assert.Single(anxiety.Citations)));
        var pledge = await ClaimAsync(Seed.Claims.TrumpTransactionalApproach);
        Assert.All(pledge.Citations, c => Assert.Null(FootnoteOf(c)));
    }

    [Fact]
    public async Task The_MP_IDSA_page_shows_the_four_restored_markers_apart_and_the_authors_own_as_printed()
    {
        var page = await PageAsync(Links.Source(Seed.MpIdsa.Slug));

        var restored = page.QuerySelectorAll("a.footnote-ref-restored");
        Assert.Equal(Seed.MpIdsa.RestoredMarkers.Select(n => $"[{n}]"), restored.Select(m => m.TextContent));
        Assert.All(restored, m => Assert.EndsWith("marker restored by the editors", m.GetAttribute("aria-label"), StringComparison.Ordinal));
        Assert.All(restored, m => Assert.Contains("marker restored by the editors", m.GetAttribute("title"), StringComparison.Ordinal));
        var own = page.QuerySelectorAll("a.footnote-ref:not(.footnote-ref-restored)");
        Assert.Equal(Seed.MpIdsa.FootnoteCount - Seed.MpIdsa.RestoredMarkers.Length, own.Length);
        Assert.All(own, m => Assert.Null(m.GetAttribute("title")));
        Assert.Equal(Seed.MpIdsa.RestoredMarkers.Length, page.QuerySelectorAll(".footnote-marker-restored").Length);
        Assert.Null(page.QuerySelector("dl.source-meta a[href='https://www.idsa.in']"));
    }

    [Fact]
    public async Task The_USIP_page_shows_its_two_pull_quotes_as_labelled_asides()
    {
        var page = await PageAsync(Links.Source(Seed.Usip.Slug));

        var asides = page.QuerySelectorAll("aside.pull-quote");
        Assert.Equal(2, asides.Length);
        Assert.All(asides, a => Assert.Equal("Pull quote", a.QuerySelector(".pull-quote-label")?.TextContent));
        Assert.StartsWith("The greatest threat to South Korea, however,", asides[0].QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Seoul could more explicitly align its arms sales", asides[1].QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        // Cited passages are marked in the running text, never in a pull quote.
        Assert.All(asides, a => Assert.Null(a.QuerySelector("mark.passage")));
    }

    private async Task<IDocument> PageAsync(string url) => new HtmlParser().ParseDocument(await _client.GetPageAsync(url));

    private static int? FootnoteOf(Citation citation) => citation.Passage!.Footnote?.Number;
}
