using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.UnitTests.Agreement;

/// <summary>Certainty proposed from the seeded quotes' own words.</summary>
public sealed class HedgeWordsTests
{
    [Theory]
    [InlineData("Russia is expected to pay $2,000 per soldier per month, totaling $20 million each month", Certainty.Expected, "expected to")]
    [InlineData("the possibility that Russia might provide North Korea with advanced military technologies", Certainty.Possible, "possibility|might")]
    [InlineData("North Korean troops have reportedly begun engaging in direct combat", Certainty.Reported, "reportedly")]
    [InlineData("about 500 North Korean soldiers have apparently died in a Ukrainian attack in November 2024", Certainty.Reported, "apparently")]
    [InlineData("Ukraine confirmed to have had first clashes with the North Korean soldiers", Certainty.Stated, "confirmed")]
    [InlineData("North Korea stands to gain critical hard currency, long denied due to economic sanctions", Certainty.Expected, "stands to")]
    [InlineData("It’s presumably too late to secure the withdrawal of North Korean troops from Russia", Certainty.Possible, "presumably")]
    [InlineData("The Yoon administration’s initial response to North Korean’s involvement in Ukraine risks appearing unnecessarily escalatory", Certainty.Possible, "risks appearing")]
    [InlineData("strategic materials shall only be licensed if they are used for peaceful purposes", Certainty.Stated, "")]
    public void A_quote_gets_the_certainty_of_its_hedge_words(string quote, Certainty expected, string triggers)
    {
        var proposal = HedgeWords.Propose(quote);

        Assert.Equal(expected, proposal.Certainty);
        Assert.Equal(triggers.Split('|', StringSplitOptions.RemoveEmptyEntries), proposal.Triggers.Select(t => t.Words));
    }

    [Fact]
    public void Of_an_estimate_that_was_reported_the_weaker_reported_wins_and_both_triggers_show()
    {
        var proposal = HedgeWords.Propose("an estimated 8,000 North Korean soldiers were reported to have been stationed in the Kursk region of Russia");

        Assert.Equal(Certainty.Reported, proposal.Certainty);
        Assert.Equal([("an estimated", Certainty.Estimated), ("were reported", Certainty.Reported)], proposal.Triggers.Select(t => (t.Words, t.Certainty)));
    }

    [Fact]
    public void A_claim_made_in_the_sentence_but_left_out_of_the_quote_counts()
    {
        const string sentence = "The South Korean National Security Adviser has also claimed that North Korea received anti-air missiles from Russia for Pyongyang sending its soldiers to participate in the ongoing Russia–Ukraine war.";
        const string quote = "North Korea received anti-air missiles from Russia for Pyongyang sending its soldiers to participate in the ongoing Russia–Ukraine war";

        var proposal = HedgeWords.Propose(quote, "The South Korean National Security Adviser", sentence);

        Assert.Equal(Certainty.Claimed, proposal.Certainty);
        var trigger = Assert.Single(proposal.Triggers);
        Assert.Equal(("claimed that", HedgeScope.Sentence), (trigger.Words, trigger.Scope));
    }

    [Fact]
    public void A_modal_in_another_clause_of_the_sentence_does_not_hedge_the_quote()
    {
        const string sentence = "As US officials predicted in late October, North Korean troops have reportedly begun engaging in direct combat.";

        var proposal = HedgeWords.Propose("North Korean troops have reportedly begun engaging in direct combat", sentence: sentence);

        Assert.Equal(Certainty.Reported, proposal.Certainty);
    }

    [Fact]
    public void The_attributions_verb_counts()
    {
        var proposal = HedgeWords.Propose("North Korea has sent approximately 10,000 troops to Russia", "Washington estimates");

        Assert.Equal(Certainty.Estimated, proposal.Certainty);
        Assert.Equal(HedgeScope.Attribution, Assert.Single(proposal.Triggers).Scope);
    }

    [Theory]
    [InlineData("In May 2024 the talks resumed", Certainty.Stated)]
    [InlineData("North Korean soldiers may have been assigned", Certainty.Possible)]
    [InlineData("adjust its support according to the level of involvement", Certainty.Stated)]
    [InlineData("according to a survey reported in November 2024", Certainty.Reported)]
    public void Words_that_only_look_like_hedges_do_not_count(string text, Certainty expected) =>
        Assert.Equal(expected, HedgeWords.Propose(text).Certainty);

    [Fact]
    public void Certainties_run_from_firmest_to_weakest()
    {
        Assert.True(Certainty.Stated.IsFirmerThan(Certainty.Estimated));
        Assert.True(Certainty.Reported.IsFirmerThan(Certainty.Claimed));
        Assert.True(Certainty.Expected.IsFirmerThan(Certainty.Possible));
        Assert.False(Certainty.Stated.IsHedged());
        Assert.True(Certainty.Estimated.IsHedged());
        Assert.Equal(Certainty.Reported, CertaintyText.Weaker(Certainty.Estimated, Certainty.Reported));
    }

    [Fact]
    public void A_cited_headline_counts_as_reported_at_most()
    {
        var headline = new CitationEvidence("idsa", "MP-IDSA", Stance.Supports, null, "$200m A Year", 11) { Voice = Voice.Headline };

        Assert.Equal(Certainty.Reported, headline.EffectiveCertainty);
        Assert.Equal(Certainty.Possible, (headline with { Certainty = Certainty.Possible }).EffectiveCertainty);
    }

    [Theory]
    [InlineData(true, null, Voice.Headline)]
    [InlineData(true, "NIS", Voice.Headline)]
    [InlineData(false, "Washington estimates", Voice.Attributed)]
    [InlineData(false, " ", Voice.Own)]
    public void A_quote_in_a_footnote_is_proposed_as_a_headline(bool inFootnote, string? attribution, Voice expected) =>
        Assert.Equal(expected, VoiceText.Propose(inFootnote, attribution));
}
