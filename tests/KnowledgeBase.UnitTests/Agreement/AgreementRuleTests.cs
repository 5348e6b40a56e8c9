using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class AgreementRuleTests
{
    private const string Usip = "usip";
    private const string Idsa = "idsa";

    private static CitationEvidence UsipSays(string quote, Stance stance = Stance.Supports, string? figure = null) =>
        new(Usip, "USIP", stance, Figure.ParseOptional(figure), quote);

    private static CitationEvidence IdsaSays(string quote, Stance stance = Stance.Supports, string? figure = null, int? footnote = null) =>
        new(Idsa, "MP-IDSA", stance, Figure.ParseOptional(figure), quote, footnote);

    [Fact]
    public void No_citations_mean_no_document_states_the_claim()
    {
        var verdict = AgreementRule.Evaluate([]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.Equal("No document states this claim yet.", verdict.Rationale);
    }

    [Fact]
    public void One_document_with_a_figure_is_single_source_naming_the_document_and_its_figure()
    {
        var verdict = AgreementRule.Evaluate([UsipSays("financial contributions totaling $394 million", figure: "$394 million")]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.Equal("Only USIP gives this figure ($394 million); no other document in the knowledge base addresses it.", verdict.Rationale);
    }

    [Fact]
    public void A_single_source_figure_from_a_footnoted_sentence_names_the_footnote()
    {
        var verdict = AgreementRule.Evaluate([IdsaSays("about 500 North Korean soldiers have apparently died", figure: "about 500 killed", footnote: 10)]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.Contains("Only MP-IDSA gives this figure (about 500 killed (fn 10))", verdict.Rationale);
    }

    [Fact]
    public void One_document_without_a_figure_is_single_source_naming_the_document()
    {
        var verdict = AgreementRule.Evaluate([UsipSays("strategic materials shall only be licensed")]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.Equal("Only USIP states this; no other document in the knowledge base addresses it.", verdict.Rationale);
    }

    [Fact]
    public void Several_citations_of_one_document_are_one_voice()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("For the first time since the Korean War"),
            UsipSays("North Korean soldiers in Ukraine will witness modern warfare"),
            UsipSays("those who return will contribute"),
        ]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.StartsWith("Only USIP states this", verdict.Rationale);
    }

    [Fact]
    public void A_document_that_only_mentions_the_claim_is_not_a_voice()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("it has refrained from directly supplying lethal arms to Ukraine"),
            IdsaSays("Seoul has refrained from providing lethal weapons", Stance.Mentions),
        ]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.StartsWith("Only USIP states this", verdict.Rationale);
        Assert.DoesNotContain("MP-IDSA", verdict.Rationale);
    }

    [Fact]
    public void A_mention_cannot_contradict()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("it has refrained", figure: "10,000 troops"),
            IdsaSays("it has not", Stance.Mentions, figure: "50,000 troops"),
        ]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
    }

    [Fact]
    public void Mentions_only_mean_no_document_states_the_claim()
    {
        var verdict = AgreementRule.Evaluate([UsipSays("a", Stance.Mentions), IdsaSays("b", Stance.Mentions)]);

        Assert.Equal(AgreementFlag.SingleSource, verdict.Flag);
        Assert.Equal("No document states this claim yet.", verdict.Rationale);
    }

    [Fact]
    public void Two_documents_that_both_state_the_claim_agree()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("North Korean troops have reportedly begun engaging in direct combat"),
            IdsaSays("Ukraine confirmed to have had first clashes", footnote: 8),
        ]);

        Assert.Equal(AgreementFlag.Agree, verdict.Flag);
        Assert.Equal("USIP and MP-IDSA both state this.", verdict.Rationale);
    }

    [Fact]
    public void Two_documents_with_the_same_figure_agree_and_the_rationale_gives_both_figures()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("around 8,000 of whom", figure: "around 8,000 troops"),
            IdsaSays("an estimated 8,000 North Korean soldiers", figure: "an estimated 8,000 soldiers", footnote: 5),
        ]);

        Assert.Equal(AgreementFlag.Agree, verdict.Flag);
        Assert.Equal("USIP gives around 8,000 troops and MP-IDSA an estimated 8,000 soldiers (fn 5): the same figure.", verdict.Rationale);
    }

    [Fact]
    public void A_vaguer_figure_makes_the_claim_partial()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("approximately 10,000 troops", figure: "approximately 10,000 troops"),
            IdsaSays("thousands of North Korean troops", figure: "thousands of troops"),
        ]);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.Contains("USIP gives approximately 10,000 troops", verdict.Rationale);
        Assert.Contains("MP-IDSA thousands of troops", verdict.Rationale);
        Assert.Contains("one figure is vaguer than the other", verdict.Rationale);
    }

    [Fact]
    public void Different_figures_make_the_claim_partial_and_the_rationale_marks_the_editors_multiplication_as_derived()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("Russia is expected to pay $2,000 per soldier per month", figure: "$2,000 per soldier per month × 10,000 soldiers"),
            IdsaSays("$200m A Year", figure: "$200m a year", footnote: 11),
        ]);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.Contains("$2,000 × 10,000 × 12 = $240M a year", verdict.Rationale);
        Assert.Contains("$240M", verdict.Rationale);
        Assert.Contains("MP-IDSA $200m a year (fn 11)", verdict.Rationale);
        Assert.Contains("17%", verdict.Rationale);
        Assert.Equal(
            "USIP gives $2,000 per soldier per month × 10,000 soldiers, derived by the editors: $2,000 × 10,000 × 12 = $240M a year and MP-IDSA $200m a year (fn 11): the same direction, but the figures differ by 17%.",
            verdict.Rationale);
    }

    [Fact]
    public void A_document_supporting_only_in_part_makes_the_claim_partial()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("the possibility that Russia might provide North Korea with advanced military technologies", Stance.SupportsInPart),
            IdsaSays("North Korea received anti-air missiles from Russia", footnote: 12),
        ]);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.Equal(
            "MP-IDSA states this (“North Korea received anti-air missiles from Russia”) while USIP supports it only in part (“the possibility that Russia might provide North Korea with advanced military technologies”).",
            verdict.Rationale);
    }

    [Fact]
    public void Documents_that_all_support_only_in_part_are_partial()
    {
        var verdict = AgreementRule.Evaluate([UsipSays("maybe", Stance.SupportsInPart), IdsaSays("perhaps", Stance.SupportsInPart)]);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.StartsWith("USIP and MP-IDSA each support this only in part", verdict.Rationale);
    }

    [Fact]
    public void A_supporting_and_a_contradicting_document_conflict_and_both_are_named_with_their_words_cut_to_90_characters()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("Seoul “won’t sit idle” and is prepared to take countermeasures"),
            IdsaSays("South Korea's probable response to the ongoing conflict in Europe has been to 'wait and watch'", Stance.Contradicts),
        ]);

        Assert.Equal(AgreementFlag.Conflict, verdict.Flag);
        Assert.Equal(
            "USIP supports this (“Seoul “won’t sit idle” and is prepared to take countermeasures”) but MP-IDSA contradicts it (“South Korea's probable response to the ongoing conflict in Europe has been to 'wait and…”).",
            verdict.Rationale);
    }

    [Fact]
    public void A_contradiction_wins_over_agreeing_figures()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("10,000", figure: "10,000 troops"),
            IdsaSays("no, 10,000", Stance.Contradicts, figure: "10,000 troops"),
        ]);

        Assert.Equal(AgreementFlag.Conflict, verdict.Flag);
    }

    [Fact]
    public void A_long_quote_is_cut_at_a_word_in_the_rationale()
    {
        var longQuote = string.Join(' ', Enumerable.Repeat("word", 40));
        var verdict = AgreementRule.Evaluate([UsipSays("short"), IdsaSays(longQuote, Stance.Contradicts)]);

        Assert.Equal(AgreementFlag.Conflict, verdict.Flag);
        Assert.Contains("word…”", verdict.Rationale);
        Assert.DoesNotContain(longQuote, verdict.Rationale);
    }

    [Fact]
    public void Figures_more_than_a_factor_of_two_apart_conflict()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("10,000 troops", figure: "10,000 troops"),
            IdsaSays("50,000 troops", figure: "50,000 troops"),
        ]);

        Assert.Equal(AgreementFlag.Conflict, verdict.Flag);
        Assert.Equal("USIP gives 10,000 troops but MP-IDSA 50,000 troops: more than a factor of two apart.", verdict.Rationale);
    }

    [Fact]
    public void Incomparable_figures_leave_the_verdict_to_the_stances()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("$394 million", figure: "$394 million"),
            IdsaSays("10,000 troops", figure: "10,000 troops"),
        ]);

        Assert.Equal(AgreementFlag.Agree, verdict.Flag);
        Assert.Equal("USIP and MP-IDSA both state this.", verdict.Rationale);
    }

    [Fact]
    public void A_different_figure_and_a_partial_stance_give_the_figure_rationale()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("pay", figure: "$2,000 per soldier per month × 10,000 soldiers"),
            IdsaSays("$200m A Year", Stance.SupportsInPart, figure: "$200m a year", footnote: 11),
        ]);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.Contains("$240M", verdict.Rationale);
        Assert.Contains("17%", verdict.Rationale);
    }

    [Fact]
    public void The_most_precise_figure_speaks_for_a_document()
    {
        var verdict = AgreementRule.Evaluate(
        [
            UsipSays("only 13 percent supported supplying arms to Ukraine, while 82 percent opposed it", figure: "13% support; 82% oppose"),
            IdsaSays("the majority of South Koreans were also opposed", figure: "majority oppose", footnote: 23),
            IdsaSays("Two-Thirds of Koreans Oppose Sending Weapons to Ukraine", figure: "two-thirds oppose", footnote: 23),
        ]);

        // Two-thirds, not "majority", is compared with 82%: a difference, not merely a vaguer figure.
        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.Contains("USIP gives 82% oppose", verdict.Rationale);
        Assert.Contains("MP-IDSA two-thirds oppose (fn 23)", verdict.Rationale);
        Assert.DoesNotContain("majority", verdict.Rationale);
        Assert.DoesNotContain("vaguer", verdict.Rationale);
        // Shares differ by percentage points (82 − 66.7), not by a relative 19%.
        Assert.Contains("the figures differ by 15.3 percentage points", verdict.Rationale);
    }

    [Fact]
    public void The_most_precise_figure_speaks_whatever_order_the_citations_come_in()
    {
        var verdict = AgreementRule.Evaluate(
        [
            IdsaSays("Two-Thirds of Koreans Oppose", figure: "two-thirds oppose", footnote: 23),
            IdsaSays("the majority of South Koreans were also opposed", figure: "majority oppose", footnote: 23),
            UsipSays("82 percent opposed it", figure: "13% support; 82% oppose"),
        ]);

        Assert.Equal(AgreementFlag.Partial, verdict.Flag);
        Assert.Contains("two-thirds oppose", verdict.Rationale);
        Assert.DoesNotContain("majority", verdict.Rationale);
    }

    [Theory]
    [InlineData(AgreementFlag.SingleSource, "single-source", "Single source")]
    [InlineData(AgreementFlag.Agree, "agree", "Sources agree")]
    [InlineData(AgreementFlag.Partial, "partial", "Partly agree")]
    [InlineData(AgreementFlag.Conflict, "conflict", "Sources conflict")]
    [InlineData(AgreementFlag.Timeline, "timeline", "Changed over time")]
    public void A_flag_has_a_slug_and_a_label_and_parses_back_from_its_slug(AgreementFlag flag, string slug, string label)
    {
        Assert.Equal(slug, flag.ToSlug());
        Assert.Equal(label, flag.ToLabel());
        Assert.True(EnumSlugs.TryParse<AgreementFlag>(slug.ToUpperInvariant(), out var parsed));
        Assert.Equal(flag, parsed);
    }

    [Fact]
    public void An_unknown_flag_slug_does_not_parse()
    {
        Assert.False(EnumSlugs.TryParse<AgreementFlag>("disagree", out _));
        Assert.False(EnumSlugs.TryParse<AgreementFlag>(null, out _));
    }
}
