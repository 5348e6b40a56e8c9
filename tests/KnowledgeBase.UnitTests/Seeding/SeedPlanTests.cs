using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Testing;

namespace KnowledgeBase.UnitTests.Seeding;

/// <summary>Plans the real seed data once; every test reads the same plan.</summary>
public sealed class RealSeedPlan
{
    public RealSeedPlan()
    {
        Files = SeedFiles.Read(SeedFolder.Original);
        Plan = SeedPlan.From(Files);
    }

    public SeedFiles Files { get; }
    public SeedPlan Plan { get; }
}

public sealed class SeedPlanTests(RealSeedPlan seed) : IClassFixture<RealSeedPlan>
{

    private PlannedClaim Claim(string slug) => Assert.Single(seed.Plan.Claims, c => c.Slug == slug);

    private PlannedSource Source(string slug) => Assert.Single(seed.Plan.Sources, s => s.Meta.Slug == slug);

    private PlannedCitation Citation(string claim, string quote) =>
        Assert.Single(Claim(claim).Citations, c => c.Anchor.Exact == quote);

    [Fact]
    public void The_real_seed_data_plans_without_problems()
    {
        Assert.Equal(seed.Files.ContentHash, seed.Plan.ContentHash);
        Assert.Equal(seed.Files.Claims.Count, seed.Plan.Claims.Count);
    }

    [Fact]
    public void The_seed_has_two_sources_nine_topics_and_at_least_45_claims()
    {
        Assert.Equal([Seed.MpIdsa.Slug, Seed.Usip.Slug], seed.Plan.Sources.Select(s => s.Meta.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(Seed.TopicCount, seed.Plan.Topics.Count);
        Assert.True(seed.Plan.Claims.Count >= 45, $"only {seed.Plan.Claims.Count} claims");
    }

    [Fact]
    public void At_least_12_claims_are_cited_by_both_sources()
    {
        var both = seed.Plan.Claims.Count(c => c.Citations.Any(x => x.SourceSlug == Seed.Usip.Slug) && c.Citations.Any(x => x.SourceSlug == Seed.MpIdsa.Slug));

        Assert.True(both >= 12, $"only {both} claims are cited by both sources");
    }

    [Fact]
    public void All_27_footnotes_of_the_idsa_commentary_are_planned_in_order_with_their_cited_works()
    {
        var footnotes = Source(Seed.MpIdsa.Slug).Footnotes;

        Assert.Equal(Enumerable.Range(1, Seed.MpIdsa.FootnoteCount), footnotes.Select(f => f.Number));
        Assert.All(footnotes, f => Assert.False(string.IsNullOrWhiteSpace(f.Cites.Title)));
        var eleven = footnotes.Single(f => f.Number == 11);
        Assert.Contains("Kim Arin, \"$200m A Year, 700,000 Tons of Rice", eleven.Text);
        Assert.Equal("The Korea Herald", eleven.Cites.Outlet);
        Assert.Equal("2024-11-03", eleven.Cites.Published);
        Assert.Equal(eleven.Text, Source(Seed.MpIdsa.Slug).Rendered.CanonicalText[eleven.Start..eleven.End]);
    }

    [Fact]
    public void Planned_footnote_texts_are_the_notes_words_without_surrounding_white_space()
    {
        var footnotes = Source(Seed.MpIdsa.Slug).Footnotes;

        Assert.Equal(
            "Kim Arin, \"$200m A Year, 700,000 Tons of Rice, Space Tech: The Deal for North Korea in Joining Russia's War\", The Korea Herald, 3 November 2024.",
            footnotes.Single(f => f.Number == 11).Text);
        Assert.All(footnotes, f => Assert.Equal(f.Text.Trim(), f.Text));
    }

    [Theory]
    [InlineData(Seed.Usip.Slug)]
    [InlineData(Seed.MpIdsa.Slug)]
    public void A_seed_sources_stored_html_lays_out_to_its_stored_canonical_text(string slug)
    {
        var rendered = Source(slug).Rendered;

        var layout = KnowledgeBase.Core.Sources.CanonicalLayout.Of(KnowledgeBase.Core.Sources.SourceRenderer.ParseBody(rendered.Html));

        Assert.Equal(rendered.CanonicalText, layout.Text);
    }

    [Fact]
    public void The_usip_analysis_has_no_footnotes()
    {
        Assert.Empty(Source(Seed.Usip.Slug).Footnotes);
        Assert.Empty(Source(Seed.Usip.Slug).Rendered.Markers);
    }

    [Fact]
    public void Every_anchor_is_the_text_at_its_offsets_with_its_context()
    {
        var texts = seed.Plan.Sources.ToDictionary(s => s.Meta.Slug!, s => s.Rendered.CanonicalText);

        Assert.All(seed.Plan.Claims.SelectMany(c => c.Citations), c =>
        {
            var text = texts[c.SourceSlug];
            Assert.Equal(c.Anchor.Exact, text[c.Anchor.Start..c.Anchor.End]);
            Assert.Equal(text[Math.Max(0, c.Anchor.Start - 32)..c.Anchor.Start], c.Anchor.Prefix);
            Assert.Equal(text[c.Anchor.End..Math.Min(text.Length, c.Anchor.End + 32)], c.Anchor.Suffix);
        });
    }

    [Fact]
    public void Every_quote_in_claims_yaml_anchors_verbatim()
    {
        var planned = seed.Plan.Claims.ToDictionary(c => c.Slug);
        foreach (var entry in seed.Files.Claims)
        {
            var citations = planned[entry.Slug!].Citations;
            Assert.Equal(entry.Citations!.Count, citations.Count);
            for (var i = 0; i < citations.Count; i++)
            {
                Assert.Equal(entry.Citations[i].Quote, citations[i].Anchor.Exact);
            }
        }
    }

    [Theory]
    [InlineData(Seed.Claims.TroopsSentToRussia, AgreementFlag.Partial)]
    [InlineData(Seed.Claims.TroopsInKursk, AgreementFlag.Agree)]
    [InlineData(Seed.Claims.CombatBegun, AgreementFlag.Agree)]
    [InlineData(Seed.Claims.RussiaPaysNorthKorea, AgreementFlag.Partial)]
    [InlineData(Seed.Claims.PublicOpposesArmingUkraine, AgreementFlag.Partial)]
    [InlineData(Seed.Claims.SeoulStanceOnArmingUkraine, AgreementFlag.SingleSource)]
    [InlineData(Seed.Claims.YoonArmsStanceTimeline, AgreementFlag.Timeline)]
    [InlineData(Seed.Claims.SeoulResponseMeasured, AgreementFlag.Timeline)]
    [InlineData(Seed.Claims.SeoulCountermeasures, AgreementFlag.Partial)]
    [InlineData(Seed.Claims.HardCurrencyGain, AgreementFlag.Partial)]
    [InlineData(Seed.Claims.MilitaryBalanceShift, AgreementFlag.Agree)]
    [InlineData(Seed.Claims.NoDirectLethalArms, AgreementFlag.Agree)]
    [InlineData(Seed.Claims.RussianTechnologyTransfer, AgreementFlag.Partial)]
    [InlineData(Seed.Claims.ForeignTradeActClause, AgreementFlag.SingleSource)]
    public void Seed_claims_get_the_expected_agreement_flag(string slug, AgreementFlag expected)
    {
        var claim = Claim(slug);

        Assert.Equal(expected, claim.Verdict.Flag);
        Assert.Null(claim.Draft.OverrideFlag);
        Assert.False(string.IsNullOrWhiteSpace(claim.Verdict.Rationale));
    }

    [Fact]
    public void Russian_payments_are_partial_because_240_million_a_year_and_200_million_a_year_differ()
    {
        var rationale = Claim(Seed.Claims.RussiaPaysNorthKorea).Verdict.Rationale;

        Assert.Contains("$240M", rationale);
        // USIP's own stated total, not its rate times another sentence's (Washington's) troop count.
        Assert.Contains("$20 million each month, i.e. $20M × 12 = $240M a year", rationale);
        Assert.DoesNotContain("10,000", rationale);
        Assert.Contains("MP-IDSA (only the headline of fn 11) $200m a year", rationale);
        Assert.Contains("17%", rationale);
    }

    [Fact]
    public void Public_opposition_compares_82_percent_with_two_thirds()
    {
        var rationale = Claim(Seed.Claims.PublicOpposesArmingUkraine).Verdict.Rationale;

        Assert.Contains("82% oppose", rationale);
        Assert.Contains("MP-IDSA (only the headline of fn 23) two-thirds oppose", rationale);
        Assert.Contains("15.3 percentage points", rationale);
    }

    [Fact]
    public void Troop_numbers_are_partial_because_thousands_is_vaguer_than_10000()
    {
        var rationale = Claim(Seed.Claims.TroopsSentToRussia).Verdict.Rationale;

        Assert.Contains("approximately 10,000 troops", rationale);
        Assert.Contains("thousands of troops", rationale);
        Assert.Contains("vaguer", rationale);
    }

    [Fact]
    public void Seouls_stance_changed_over_time_and_the_rationale_names_both_sources_with_their_times()
    {
        var rationale = Claim(Seed.Claims.YoonArmsStanceTimeline).Verdict.Rationale;

        Assert.StartsWith("USIP (as of 7 November 2024, citing Yoon, as a possibility) supports this", rationale);
        Assert.Contains("then MP-IDSA (as of 5 December 2024) contradicts it", rationale);
        Assert.Contains("they describe different times, so this changed over time rather than conflicts", rationale);
    }

    [Fact]
    public void A_firm_account_against_an_expectation_is_partial_and_says_why()
    {
        Assert.Equal(
            "MP-IDSA (as of 5 December 2024) states this (“The severe economic sanctions imposed on North Korea by the international community has…”) "
            + "but USIP (as of November 2024) gives it only as an expectation (“North Korea stands to gain critical hard currency, long denied due to economic sanctions”): "
            + "a hedged account against a firm one is partial agreement at most.",
            Claim(Seed.Claims.HardCurrencyGain).Verdict.Rationale);
    }

    [Fact]
    public void Combat_is_stated_by_both_since_USIP_also_quotes_Zelenskys_first_battles()
    {
        Assert.Equal(
            "USIP (citing Ukrainian President Volodymyr Zelensky) and MP-IDSA (citing Ukraine) both state this.",
            Claim(Seed.Claims.CombatBegun).Verdict.Rationale);
    }

    [Fact]
    public void Every_planned_claim_counts_its_independent_roots()
    {
        Assert.All(seed.Plan.Claims, c => Assert.InRange(c.Verdict.IndependentRoots, 1, c.Citations.Select(x => x.SourceSlug).Distinct().Count()));
    }

    [Fact]
    public void The_foreign_trade_act_clause_is_single_source_naming_usip()
    {
        Assert.StartsWith("Only USIP (citing South Korea’s Foreign Trade Act) states this", Claim(Seed.Claims.ForeignTradeActClause).Verdict.Rationale);
    }

    [Fact]
    public void The_foreign_trade_act_quote_anchors_verbatim_in_the_usip_text()
    {
        const string quote = "strategic materials shall only be licensed if they are used for peaceful purposes";
        var citation = Assert.Single(Claim(Seed.Claims.ForeignTradeActClause).Citations);
        var text = Source(Seed.Usip.Slug).Rendered.CanonicalText;

        Assert.Equal(Seed.Usip.Slug, citation.SourceSlug);
        Assert.Equal(quote, citation.Anchor.Exact);
        Assert.Equal(text.IndexOf(quote, StringComparison.Ordinal), citation.Anchor.Start);
        Assert.EndsWith("which stipulates “", citation.Anchor.Prefix);
        Assert.StartsWith(".”", citation.Anchor.Suffix);
        Assert.Null(citation.Footnote);
        Assert.Equal(Stance.Supports, citation.Stance);
    }

    [Fact]
    public void The_200m_a_year_citation_lies_in_footnote_11()
    {
        var citation = Citation(Seed.Claims.RussiaPaysNorthKorea, "$200m A Year");
        var note = Source(Seed.MpIdsa.Slug).Footnotes.Single(f => f.Number == 11);

        Assert.Equal(11, citation.Footnote);
        Assert.InRange(citation.Anchor.Start, note.Start, note.End);
        Assert.InRange(citation.Anchor.End, note.Start, note.End);
        Assert.Equal(Stance.SupportsInPart, citation.Stance);
        Assert.Equal("$200m a year", citation.Figure);
    }

    [Fact]
    public void A_body_sentence_is_backed_by_the_marker_that_closes_it()
    {
        var citation = Citation(Seed.Claims.TroopsInKursk, "an estimated 8,000 North Korean soldiers were reported to have been stationed in the Kursk region of Russia");

        Assert.Equal(5, citation.Footnote);
    }

    [Fact]
    public void A_sentence_without_a_marker_has_no_footnote()
    {
        var citation = Citation(Seed.Claims.TroopsSentToRussia, "thousands of North Korean troops are reported to have been currently deployed in Russia");

        Assert.Null(citation.Footnote);
    }

    [Fact]
    public void A_pull_quote_sentence_cited_with_a_suffix_lands_in_the_running_paragraph_not_the_block_quote()
    {
        const string quote = "the possibility that Russia might provide North Korea with advanced military technologies";
        var text = Source(Seed.Usip.Slug).Rendered.CanonicalText;
        var first = text.IndexOf(quote, StringComparison.Ordinal);
        var second = text.IndexOf(quote, first + 1, StringComparison.Ordinal);
        Assert.True(second > first, "the sentence should occur twice in the USIP text");

        var citation = Citation(Seed.Claims.RussianTechnologyTransfer, quote);

        // The block quote comes first on the page; the running paragraph goes on "such as: re-entry vehicle …".
        Assert.NotEqual(first, citation.Anchor.Start);
        Assert.Equal(second, citation.Anchor.Start);
        Assert.StartsWith(" such as", citation.Anchor.Suffix);
        Assert.Equal(Stance.SupportsInPart, citation.Stance);
    }

    [Fact]
    public void A_pull_quote_sentence_cited_with_a_prefix_lands_in_the_running_paragraph_not_the_block_quote()
    {
        const string quote = "Seoul could more explicitly align its arms sales to the West with an intent to support backfill efforts for Ukraine";
        var text = Source(Seed.Usip.Slug).Rendered.CanonicalText;
        var first = text.IndexOf(quote, StringComparison.Ordinal);
        var second = text.IndexOf(quote, first + 1, StringComparison.Ordinal);
        Assert.True(second > first, "the sentence should occur twice in the USIP text");
        // Here the running paragraph comes first and the block quote, a paragraph of its own, after it.
        Assert.Equal("\n\n", text[(second - 2)..second]);

        var citation = Citation(Seed.Claims.ArmsSalesBackfill, quote);

        Assert.NotEqual(second, citation.Anchor.Start);
        Assert.Equal(first, citation.Anchor.Start);
        Assert.EndsWith("United States). ", citation.Anchor.Prefix);
    }

    [Fact]
    public void Reading_the_same_folder_twice_gives_the_same_content_hash()
    {
        Assert.Equal(seed.Files.ContentHash, SeedFiles.Read(SeedFolder.Original).ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", seed.Files.ContentHash);
    }
}
