using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Anchoring;

public sealed class ReanchoringTests
{
    private const string Original =
        "Washington estimates that, so far, North Korea has sent approximately 10,000 troops to Russia. " +
        "Around 8,000 of them have been deployed to Kursk.";

    private static TextAnchor AnchorOf(string text, string quote)
    {
        var result = QuoteAnchoring.Anchor(text, quote);
        Assert.Equal(AnchorOutcome.Found, result.Outcome);
        return result.Anchor!;
    }

    [Fact]
    public void Unchanged_text_keeps_the_passage_exactly_where_it_was()
    {
        var old = AnchorOf(Original, "approximately 10,000 troops");

        var result = Reanchoring.Reanchor(Original, old);

        Assert.Equal(AnchorStatus.Exact, result.Status);
        Assert.Equal(old.Start, result.Anchor!.Start);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public void Text_inserted_before_the_passage_moves_it_with_the_same_words()
    {
        var old = AnchorOf(Original, "approximately 10,000 troops");
        var edited = "A new opening sentence. " + Original;

        var result = Reanchoring.Reanchor(edited, old);

        Assert.Equal(AnchorStatus.Moved, result.Status);
        Assert.Equal(old.Start + "A new opening sentence. ".Length, result.Anchor!.Start);
        Assert.Equal("approximately 10,000 troops", result.Anchor.Exact);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public void Changed_surroundings_of_a_unique_quote_still_count_as_moved()
    {
        var old = AnchorOf(Original, "approximately 10,000 troops");
        var edited = Original.Replace("Washington estimates that, so far,", "Officials now say", StringComparison.Ordinal);

        var result = Reanchoring.Reanchor(edited, old);

        Assert.Equal(AnchorStatus.Moved, result.Status);
        Assert.Equal("approximately 10,000 troops", result.Anchor!.Exact);
    }

    [Fact]
    public void An_edited_quote_is_found_approximately_and_flagged_for_review()
    {
        var old = AnchorOf(Original, "North Korea has sent approximately 10,000 troops to Russia");
        var edited = Original.Replace("has sent approximately", "has dispatched approximately", StringComparison.Ordinal);

        var result = Reanchoring.Reanchor(edited, old);

        Assert.Equal(AnchorStatus.Fuzzy, result.Status);
        Assert.True(result.NeedsReview);
        Assert.Equal("North Korea has dispatched approximately 10,000 troops to Russia", result.Anchor!.Exact);
        Assert.InRange(result.Similarity, Reanchoring.FuzzyThreshold, 0.99);
    }

    [Fact]
    public void A_deleted_passage_is_orphaned_not_dropped()
    {
        var old = AnchorOf(Original, "Around 8,000 of them have been deployed to Kursk.");
        var edited = "Washington estimates that, so far, North Korea has sent approximately 10,000 troops to Russia.";

        var result = Reanchoring.Reanchor(edited, old);

        Assert.Equal(AnchorStatus.Orphaned, result.Status);
        Assert.Null(result.Anchor);
        Assert.True(result.NeedsReview);
    }

    [Fact]
    public void When_the_words_now_occur_twice_without_telling_context_the_nearest_is_taken_and_flagged()
    {
        const string Text = "First part. The key sentence. Middle part. The key sentence. End.";
        // The passage used to start at 40; the text around it was rewritten.
        var old = new TextAnchor(40, 57, "The key sentence.", "something else entirely", "nothing like it");

        var result = Reanchoring.Reanchor(Text, old);

        Assert.Equal(AnchorStatus.Fuzzy, result.Status);
        Assert.Equal(Text.LastIndexOf("The key sentence.", StringComparison.Ordinal), result.Anchor!.Start);
    }
}
