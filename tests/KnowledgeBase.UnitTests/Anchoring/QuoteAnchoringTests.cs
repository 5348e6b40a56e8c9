using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Anchoring;

public sealed class QuoteAnchoringTests
{
    private const string Twice =
        "In the first paragraph the troops crossed the river at dawn.\n\nLater, in another place, the troops crossed the river again at night.";

    [Fact]
    public void A_quote_found_once_is_anchored_at_its_offsets()
    {
        const string text = "Washington estimates that North Korea has sent approximately 10,000 troops to Russia.";
        const string quote = "North Korea has sent approximately 10,000 troops";

        var result = QuoteAnchoring.Anchor(text, quote);

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        Assert.Empty(result.Candidates);
        var anchor = Assert.IsType<TextAnchor>(result.Anchor);
        Assert.Equal(text.IndexOf(quote, StringComparison.Ordinal), anchor.Start);
        Assert.Equal(text.IndexOf(quote, StringComparison.Ordinal) + quote.Length, anchor.End);
        Assert.Equal(quote, anchor.Exact);
        Assert.Equal($"found at {anchor.Start}–{anchor.End}", result.Describe());
    }

    [Fact]
    public void A_quote_not_in_the_text_is_not_found()
    {
        var result = QuoteAnchoring.Anchor("North Korea has sent troops.", "South Korea has sent troops");

        Assert.Equal(AnchorOutcome.NotFound, result.Outcome);
        Assert.Null(result.Anchor);
        Assert.Empty(result.Candidates);
        Assert.Equal("the quote is not in the document", result.Describe());
    }

    [Fact]
    public void Matching_is_case_sensitive()
    {
        var result = QuoteAnchoring.Anchor("North Korea has sent troops.", "north korea has sent troops");

        Assert.Equal(AnchorOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public void A_quote_found_twice_is_ambiguous_and_lists_both_places_with_context()
    {
        var result = QuoteAnchoring.Anchor(Twice, "the troops crossed the river");

        Assert.Equal(AnchorOutcome.Ambiguous, result.Outcome);
        Assert.Null(result.Anchor);
        Assert.Collection(
            result.Candidates,
            first =>
            {
                Assert.Equal(Twice.IndexOf("the troops", StringComparison.Ordinal), first.Start);
                Assert.Equal(first.Start + "the troops crossed the river".Length, first.End);
                Assert.Contains("[the troops crossed the river]", first.Context);
                Assert.Contains("first paragraph", first.Context);
                Assert.Contains("at dawn", first.Context);
            },
            second =>
            {
                Assert.Equal(Twice.LastIndexOf("the troops", StringComparison.Ordinal), second.Start);
                Assert.Contains("[the troops crossed the river]", second.Context);
                Assert.Contains("another place", second.Context);
                Assert.Contains("again at night", second.Context);
            });
        Assert.All(result.Candidates, c => Assert.DoesNotContain("\n", c.Context));
        var description = result.Describe();
        Assert.Contains("occurs 2 times", description);
        Assert.Contains($"at {result.Candidates[0].Start}:", description);
        Assert.Contains($"at {result.Candidates[1].Start}:", description);
    }

    [Fact]
    public void A_prefix_picks_one_of_two_occurrences()
    {
        var result = QuoteAnchoring.Anchor(Twice, "the troops crossed the river", prefix: "another place,");

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        Assert.Equal(Twice.LastIndexOf("the troops", StringComparison.Ordinal), result.Anchor!.Start);
    }

    [Fact]
    public void A_suffix_picks_one_of_two_occurrences()
    {
        var result = QuoteAnchoring.Anchor(Twice, "the troops crossed the river", suffix: " at dawn");

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        Assert.Equal(Twice.IndexOf("the troops", StringComparison.Ordinal), result.Anchor!.Start);
    }

    [Fact]
    public void A_suffix_that_matches_no_occurrence_is_not_found_and_lists_the_occurrences()
    {
        var result = QuoteAnchoring.Anchor(Twice, "the troops crossed the river", suffix: " at noon");

        Assert.Equal(AnchorOutcome.NotFound, result.Outcome);
        Assert.Equal(2, result.Candidates.Count);
    }

    [Fact]
    public void When_the_quote_occurs_but_its_context_fits_no_occurrence_the_description_says_so_and_lists_them()
    {
        var result = QuoteAnchoring.Anchor(Twice, "the troops crossed the river", suffix: " at noon");

        var description = result.Describe();

        // The words are in the document; telling the editor they are not sends them looking in the wrong place.
        Assert.NotEqual("the quote is not in the document", description);
        Assert.Contains("[the troops crossed the river]", description);
    }

    [Fact]
    public void A_prefix_that_fits_both_occurrences_leaves_it_ambiguous()
    {
        const string text = "He said yes. He said yes.";

        var result = QuoteAnchoring.Anchor(text, "said yes", prefix: "He");

        Assert.Equal(AnchorOutcome.Ambiguous, result.Outcome);
        Assert.Equal(2, result.Candidates.Count);
    }

    [Fact]
    public void A_quote_with_single_spaces_matches_text_broken_across_lines_and_maps_back_to_original_offsets()
    {
        const string text = "Seoul \u201cwon\u2019t sit idle\u201d and is prepared\n  to take countermeasures, including weapons.";

        var result = QuoteAnchoring.Anchor(text, "is prepared to take countermeasures");

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        var anchor = result.Anchor!;
        Assert.Equal(text.IndexOf("is prepared", StringComparison.Ordinal), anchor.Start);
        Assert.Equal(text.IndexOf(',', StringComparison.Ordinal), anchor.End);
        Assert.Equal("is prepared\n  to take countermeasures", anchor.Exact);
    }

    [Fact]
    public void A_quote_with_a_line_break_matches_text_with_a_no_break_space()
    {
        const string text = "based in Hawaii.\u00A0The views expressed are those of the author.";

        var result = QuoteAnchoring.Anchor(text, "Hawaii.\nThe views");

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        Assert.Equal(text.IndexOf("Hawaii", StringComparison.Ordinal), result.Anchor!.Start);
        Assert.Equal("Hawaii.\u00A0The views", result.Anchor.Exact);
    }

    [Fact]
    public void Surrounding_white_space_of_the_quote_is_ignored()
    {
        const string text = "alpha beta gamma";

        var result = QuoteAnchoring.Anchor(text, "  beta \n");

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        Assert.Equal(6, result.Anchor!.Start);
        Assert.Equal(10, result.Anchor.End);
        Assert.Equal("beta", result.Anchor.Exact);
    }

    [Fact]
    public void Offsets_after_collapsed_white_space_earlier_in_the_text_map_back_to_the_original()
    {
        const string text = "One.\n\n\n   Two    three.\n\nFour five six.";

        var result = QuoteAnchoring.Anchor(text, "five six");

        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        Assert.Equal(text.IndexOf("five", StringComparison.Ordinal), result.Anchor!.Start);
        Assert.Equal(text.Length - 1, result.Anchor.End);
        Assert.Equal("five six", result.Anchor.Exact);
    }

    [Fact]
    public void An_empty_quote_is_an_argument_error()
    {
        Assert.ThrowsAny<ArgumentException>(() => QuoteAnchoring.Anchor("text", "  "));
    }

    [Fact]
    public void The_anchor_keeps_32_characters_of_context_ending_right_before_and_starting_right_after_the_quote()
    {
        var before = new string('a', 50) + " lead-in ";
        var after = " and then " + new string('z', 50);
        const string quote = "THE QUOTE";
        var text = before + quote + after;

        var anchor = QuoteAnchoring.Anchor(text, quote).Anchor!;

        Assert.Equal(32, anchor.Prefix.Length);
        Assert.EndsWith(" lead-in ", anchor.Prefix);
        Assert.Equal(before[^32..], anchor.Prefix);
        Assert.Equal(32, anchor.Suffix.Length);
        Assert.StartsWith(" and then ", anchor.Suffix);
        Assert.Equal(after[..32], anchor.Suffix);
        Assert.Equal(quote, anchor.Exact);
    }

    [Fact]
    public void Near_the_edges_of_the_text_the_context_is_shorter()
    {
        const string text = "Start here and end.";

        var anchor = QuoteAnchoring.Anchor(text, "Start").Anchor!;
        var last = QuoteAnchoring.Anchor(text, "end.").Anchor!;

        Assert.Equal("", anchor.Prefix);
        Assert.Equal(" here and end.", anchor.Suffix);
        Assert.Equal("Start here and ", last.Prefix);
        Assert.Equal("", last.Suffix);
    }
}
