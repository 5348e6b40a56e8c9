using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;

namespace KnowledgeBase.UnitTests.Agreement;

/// <summary>
/// The agreement rule with time, certainty, voice and roots, on the seeded cases of the evidence-model issue, with
/// each citation's evidence as <see cref="SeedEvidence"/> proposes it from the seed files.
/// </summary>
public sealed class EvidenceRuleTests
{
    /// <summary>The third document an editor adds to the troops claim: a news report of Zelenskyy's estimate, 22 October.</summary>
    private static CitationEvidence ZelenskyyReport()
    {
        const string quote = "possibly up to 12,000 North Korean troops";
        const string attribution = "Ukrainian President Volodymyr Zelenskyy";
        return new CitationEvidence("news-2024-10-22", "News report", Stance.Supports, Figure.Parse("up to 12,000 troops"), quote)
        {
            Voice = Voice.Attributed,
            Attribution = attribution,
            Certainty = HedgeWords.Propose(quote, attribution).Certainty,
            AsOf = AsOfParser.Propose(quote, "2024-10-22"),
            Roots = UpstreamRoots.Propose(attribution),
        };
    }

    private static void Expect(AgreementFlag flag, AgreementVerdict verdict, string rationale)
    {
        Assert.Equal(flag, verdict.Flag);
        Assert.Equal(rationale, verdict.Rationale);
    }

    /// <summary>
    /// The pay claim with USIP's figure as stated and, apart from it, the editors' derived total: USIP's rate times
    /// the troop count of another claim, which rests on Washington's estimate.
    /// </summary>
    private static List<CitationEvidence> PayClaimWithUsipFigure(string figure)
    {
        var derivation = new FigureDerivation(
            new DerivationInput(FigureParser.Parse("$2,000 per soldier per month").Parts[0], new FigureOrigin(FigureOriginKind.ThisQuote, "USIP")),
            new DerivationInput(FigureParser.Parse("approximately 10,000 troops").Parts[0], new FigureOrigin(FigureOriginKind.OtherCitation, "USIP", "troops-sent-to-russia", "Washington estimates")));
        return SeedEvidence.For("russia-pays-north-korea")
            .Select(c => c.SourceKey == SeedEvidence.Usip ? c with { Figure = Figure.Parse(figure), Derivation = derivation } : c)
            .ToList();
    }

    /// <summary>
    /// The seeded cases whose whole rationale is pinned: two timelines, not conflicts (Seoul's stance in November and
    /// its muted response in December; USIP's hedged judgement of the initial response and MP-IDSA's "calculated" in
    /// December), an expectation against a firm account, and poll shares in percentage points.
    /// </summary>
    [Theory]
    [InlineData("yoon-arms-stance-timeline", AgreementFlag.Timeline,
            "USIP (as of November 2024, citing Yoon, as a possibility) supports this (“we are not ruling out the possibility of providing weapons”), "
            + "then MP-IDSA (as of 5 December 2024) contradicts it (“South Korean government's response regarding the provision of arms directly to Ukraine has…”): "
            + "they describe different times, so this changed over time rather than conflicts, and USIP gives it only as a possibility.")]
    [InlineData("seoul-response-measured", AgreementFlag.Timeline,
            "USIP (as of November 2024, as a possibility) contradicts it (“The Yoon administration’s initial response to North Korean’s involvement in Ukraine risks…”), "
            + "then MP-IDSA (as of 5 December 2024) supports this (“South Korea's response to the participation of North Korean troops in the Russia–Ukraine…”): "
            + "they describe different times, so this changed over time rather than conflicts, and USIP gives it only as a possibility.")]
    [InlineData("hard-currency-gain", AgreementFlag.Partial,
            "MP-IDSA (as of 5 December 2024) states this (“The severe economic sanctions imposed on North Korea by the international community has…”) "
            + "but USIP (as of November 2024) gives it only as an expectation (“North Korea stands to gain critical hard currency, long denied due to economic sanctions”): "
            + "a hedged account against a firm one is partial agreement at most.")]
    [InlineData("public-opposes-arming-ukraine", AgreementFlag.Partial,
            "USIP (citing a recent poll) gives 82% oppose and MP-IDSA (only the headline of fn 23) two-thirds oppose: the same direction, but the figures differ by 15.3 percentage points.")]
    public void A_seeded_case_gets_its_flag_and_a_rationale_that_says_why(string claim, AgreementFlag flag, string rationale)
    {
        var verdict = AgreementRule.Evaluate(SeedEvidence.For(claim));

        Assert.Equal(flag, verdict.Flag);
        Assert.Equal(rationale, verdict.Rationale);
    }

    [Fact]
    public void The_same_firm_contradiction_about_the_same_time_is_still_a_conflict()
    {
        var sameDay = new AsOf(new DateOnly(2024, 12, 5), new DateOnly(2024, 12, 5), "5 December");
        var citations = SeedEvidence.For("yoon-arms-stance-timeline")
            .Select(c => c with { AsOf = sameDay, Certainty = Certainty.Stated })
            .ToList();

        var verdict = AgreementRule.Evaluate(citations);

        Assert.Equal(AgreementFlag.Conflict, verdict.Flag);
        Assert.StartsWith("USIP (citing Yoon) supports this", verdict.Rationale);
        Assert.Contains(" but MP-IDSA contradicts it", verdict.Rationale);
    }

    [Fact]
    public void A_hedged_contradiction_about_the_same_time_is_partial_not_a_conflict()
    {
        var sameMonth = new AsOf(new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 30), "", IsDefault: true);
        var citations = SeedEvidence.For("seoul-response-measured").Select(c => c with { AsOf = sameMonth }).ToList();

        var verdict = AgreementRule.Evaluate(citations);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.EndsWith("; USIP gives it only as a possibility, so this is not a firm contradiction.", verdict.Rationale);
    }

    [Fact]
    public void Two_documents_resting_on_yonhap_are_not_independent_confirmation()
    {
        // MP-IDSA's Kursk figure rests on fn 5, Yonhap copy in The Korea Herald; a second paper printing the same copy adds no root.
        var reprint = new CitationEvidence("korea-times-2024-11-01", "The Korea Times", Stance.Supports, Figure.Parse("some 8,000 troops"), "Some 8,000 N. Korean Troops in Russia's Kursk Region")
        {
            Certainty = Certainty.Reported,
            AsOf = AsOf.Published("2024-11-01"),
            Roots = UpstreamRoots.Propose(null, "Yonhap", "The Korea Times"),
        };
        var citations = SeedEvidence.For("troops-in-kursk").Append(reprint).ToList();

        var verdict = AgreementRule.Evaluate(citations);

        Assert.Equal(AgreementFlag.Agree, verdict.Flag);
        Assert.Equal(2, verdict.IndependentRoots);
        Assert.Equal(["Yonhap"], verdict.SharedRoots);
        // MP-IDSA's account includes fn 5's headline of 1 November, so no two accounts are of different times: none is dated.
        Assert.Equal(
            "USIP (citing Washington estimates, as an estimate) gives around 8,000 troops and MP-IDSA (as a report) an estimated 8,000 soldiers (fn 5): the same figure. "
            + "The Korea Times (as a report) gives some 8,000 troops. MP-IDSA and The Korea Times both rest on Yonhap, so they are not independent confirmation.",
            verdict.Rationale);
    }

    [Fact]
    public void A_claim_whose_documents_all_rest_on_one_agency_has_one_independent_root()
    {
        var idsa = SeedEvidence.For("troops-in-kursk").Where(c => c.SourceKey == SeedEvidence.Idsa);
        var reprint = new CitationEvidence("korea-times-2024-11-01", "The Korea Times", Stance.Supports, null, "Some 8,000 N. Korean Troops")
        {
            Roots = ["Yonhap"],
        };

        var verdict = AgreementRule.Evaluate([.. idsa, reprint]);

        Assert.Equal(1, verdict.IndependentRoots);
    }

    [Fact]
    public void Documents_without_roots_are_each_their_own_root()
    {
        Assert.Equal(2, AgreementRule.Evaluate(SeedEvidence.For("no-direct-lethal-arms")).IndependentRoots);
        Assert.Equal(1, AgreementRule.Evaluate(SeedEvidence.For("foreign-trade-act-clause")).IndependentRoots);
    }

    [Fact]
    public void A_third_document_on_the_troops_claim_is_named_in_the_rationale()
    {
        var citations = SeedEvidence.For("troops-sent-to-russia").Append(ZelenskyyReport()).ToList();

        var verdict = AgreementRule.Evaluate(citations);

        Expect(AgreementFlag.Partial, verdict,
            "USIP (as of November 2024, citing Washington estimates, as an estimate) gives approximately 10,000 troops "
            + "and MP-IDSA (as of 5 December 2024, as a report) thousands of troops: the same direction, but one figure is vaguer than the other. "
            + "News report (as of 22 October 2024, citing Ukrainian President Volodymyr Zelenskyy, as a possibility) gives up to 12,000 troops.");
        Assert.Equal(3, verdict.IndependentRoots);
    }

    [Fact]
    public void Three_documents_that_all_state_a_claim_are_all_named_in_one_sentence()
    {
        var third = new CitationEvidence("news", "News report", Stance.Supports, null, "Seoul has not sent lethal arms to Kyiv");
        var verdict = AgreementRule.Evaluate([.. SeedEvidence.For("no-direct-lethal-arms"), third]);

        Assert.Equal(AgreementFlag.Agree, verdict.Flag);
        Assert.Equal("USIP (as of November 2024), MP-IDSA (as of 5 December 2024) and News report all state this.", verdict.Rationale);
    }

    [Fact]
    public void The_pairwise_verdict_judges_only_the_two_compared_documents()
    {
        var citations = SeedEvidence.For("troops-sent-to-russia").Append(ZelenskyyReport()).ToList();

        var pair = AgreementRule.EvaluatePair(citations, SeedEvidence.Usip, "news-2024-10-22");

        Expect(AgreementFlag.Partial, pair,
            "USIP (as of November 2024, citing Washington estimates, as an estimate) gives approximately 10,000 troops "
            + "and News report (as of 22 October 2024, citing Ukrainian President Volodymyr Zelenskyy, as a possibility) up to 12,000 troops: "
            + "the same direction, but one figure is vaguer than the other.");
        Assert.DoesNotContain("MP-IDSA", pair.Rationale);
    }

    [Fact]
    public void A_pair_with_a_document_that_does_not_cite_the_claim_is_single_source()
    {
        var citations = SeedEvidence.For("yoon-arms-stance-timeline");

        Assert.Equal(AgreementFlag.Timeline, AgreementRule.EvaluatePair(citations, SeedEvidence.Usip, SeedEvidence.Idsa).Flag);
        var onlyUsip = AgreementRule.EvaluatePair(citations, SeedEvidence.Usip, "news-2024-10-22");
        Assert.Equal(AgreementFlag.SingleSource, onlyUsip.Flag);
        Assert.StartsWith("Only USIP", onlyUsip.Rationale);
    }

    [Fact]
    public void Usips_stated_twenty_million_a_month_wins_over_the_derived_total()
    {
        var verdict = AgreementRule.Evaluate(PayClaimWithUsipFigure("$2,000 per soldier per month; $20 million each month"));

        Expect(AgreementFlag.Partial, verdict,
            "USIP (citing South Korea’s intelligence agency, as an expectation) gives $20 million each month, i.e. $20M × 12 = $240M a year "
            + "and MP-IDSA (only the headline of fn 11) $200m a year: the same direction, but the figures differ by 17%.");
    }

    [Fact]
    public void Without_a_stated_total_the_derivation_is_shown_with_where_each_input_comes_from()
    {
        var verdict = AgreementRule.Evaluate(PayClaimWithUsipFigure("$2,000 per soldier per month"));

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.StartsWith(
            "USIP (citing South Korea’s intelligence agency, as an expectation) gives a total the editors derive as $2,000 per soldier per month (USIP, this quote) "
            + "× approximately 10,000 troops (USIP, claim troops-sent-to-russia, Washington estimates): $2,000 × 10,000 × 12 = $240M a year and MP-IDSA",
            verdict.Rationale);
    }

    [Fact]
    public void Different_figures_about_different_times_are_a_timeline()
    {
        var october = new CitationEvidence("a", "A", Stance.Supports, Figure.Parse("3,000 troops"), "3,000") { AsOf = AsOfParser.Propose("In October 2024", "2024-12") };
        var december = new CitationEvidence("b", "B", Stance.Supports, Figure.Parse("11,000 troops"), "11,000") { AsOf = AsOf.Published("2024-12-05") };

        var verdict = AgreementRule.Evaluate([december, october]);

        Assert.Equal(AgreementFlag.Timeline, verdict.Flag);
        Assert.Equal("A (as of October 2024) gives 3,000 troops, then B (as of 5 December 2024) gives 11,000 troops: they describe different times, so the figure changed rather than conflicts.", verdict.Rationale);
    }

    [Fact]
    public void Every_flag_is_explained_and_the_about_text_names_each()
    {
        foreach (var flag in Enum.GetValues<AgreementFlag>())
        {
            Assert.False(string.IsNullOrWhiteSpace(flag.Explanation()));
            Assert.Contains($"**{flag.ToLabel()}**", AgreementFlagText.AboutTheFlags);
        }
    }
}
