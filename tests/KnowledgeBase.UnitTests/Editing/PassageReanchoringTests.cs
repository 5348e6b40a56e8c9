using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Editing;

public sealed class PassageReanchoringTests
{
    private const string Body =
        "Washington estimates that North Korea has sent approximately 10,000 troops to Russia.[^1] "
        + "Around 8,000 of them have been deployed to Kursk.[^2]\n\n"
        + "[^1]: Yonhap, 1 November 2024.\n[^2]: The Korea Times, 2 November 2024.\n";

    private const string Troops = "North Korea has sent approximately 10,000 troops to Russia";
    private const string Kursk = "Around 8,000 of them have been deployed to Kursk";

    private sealed record Doc(AnchorableText Text, Dictionary<int, string> Footnotes);

    private static Doc Render(string markdown)
    {
        var rendered = SourceRenderer.Render(markdown);
        return new(AnchorableText.Of(rendered), rendered.Footnotes.ToDictionary(f => f.Number, f => f.Text));
    }

    private static PassageState Passage(Doc doc, long id, string quote, int? footnote = -1)
    {
        var anchor = CitationAnchoring.Anchor(doc.Text, quote);
        Assert.True(anchor.Found);
        var a = anchor.Anchor!;
        return new PassageState(id, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, AnchorStatus.Exact, false, null,
            footnote == -1 ? anchor.ProposedFootnote : footnote);
    }

    private static IReadOnlyList<PassageState> Reanchor(Doc before, string after, params PassageState[] passages)
    {
        var next = Render(after);
        var states = PassageReanchoring.Reanchor(before.Text, before.Footnotes, next.Text, next.Footnotes, passages);
        foreach (var s in states.Where(s => s.Status != AnchorStatus.Orphaned))
        {
            // Whatever the status, a passage that was found covers exactly its words in the new text.
            Assert.Equal(s.Exact, next.Text.Text[s.Start..s.End]);
        }
        return states;
    }

    [Fact]
    public void An_untouched_passage_stays_exact()
    {
        var doc = Render(Body);
        var troops = Passage(doc, 1, Troops);

        var state = Assert.Single(Reanchor(doc, Body.Replace("Kursk.", "the Kursk region.", StringComparison.Ordinal), troops));

        Assert.Equal(troops with { Suffix = state.Suffix }, state);
        Assert.Equal(AnchorStatus.Exact, state.Status);
    }

    [Fact]
    public void Text_inserted_before_a_passage_moves_it_and_its_footnote_goes_along()
    {
        var doc = Render(Body);
        var kursk = Passage(doc, 1, Kursk);
        Assert.Equal(2, kursk.Footnote);

        var state = Assert.Single(Reanchor(doc, "A new first paragraph.\n\n" + Body, kursk));

        Assert.Equal((AnchorStatus.Moved, false, 2), (state.Status, state.NeedsReview, state.Footnote));
        Assert.Equal(kursk.Start + "A new first paragraph.\n\n".Length, state.Start);
    }

    [Fact]
    public void Edited_words_are_found_approximately_and_flagged_with_the_words_they_were()
    {
        var doc = Render(Body);
        var troops = Passage(doc, 1, Troops);

        var state = Assert.Single(Reanchor(doc, Body.Replace("approximately", "roughly", StringComparison.Ordinal), troops));

        Assert.Equal((AnchorStatus.Fuzzy, true), (state.Status, state.NeedsReview));
        Assert.Equal("North Korea has sent roughly 10,000 troops to Russia", state.Exact);
        Assert.Equal(Troops, state.PreviousExact);
        Assert.Equal(1, state.Footnote);
    }

    [Fact]
    public void Deleted_words_orphan_the_passage_which_keeps_its_words_and_offsets()
    {
        var doc = Render(Body);
        var troops = Passage(doc, 1, Troops);

        var state = Assert.Single(Reanchor(doc, "Around 8,000 of them have been deployed to Kursk.[^1]\n\n[^1]: The Korea Times, 2 November 2024.\n", troops));

        Assert.Equal((AnchorStatus.Orphaned, true), (state.Status, state.NeedsReview));
        Assert.Equal((troops.Start, troops.End, troops.Exact, troops.PreviousExact), (state.Start, state.End, state.Exact, state.PreviousExact));
        // Footnote 1 ("Yonhap") is gone; its number now belongs to another note, which the orphan does not take.
        Assert.Null(state.Footnote);
    }

    [Fact]
    public void Two_passages_that_land_on_the_same_words_are_not_both_confirmed()
    {
        // The same sentence twice, each cited through its own passage; the edit deletes the first occurrence.
        var twice = "It is a fact. Then more. It is a fact. The end.";
        var doc = Render(twice);
        var first = new PassageState(1, 0, 12, "It is a fact", "", ". Then more. It is a fact. The e", AnchorStatus.Exact, false, null, null);
        var second = new PassageState(2, 25, 37, "It is a fact", "It is a fact. Then more. ", ". The end.", AnchorStatus.Exact, false, null, null);
        Assert.Equal("It is a fact", doc.Text.Text[25..37]);

        var states = Reanchor(doc, "Then more. It is a fact. The end.", first, second);

        Assert.Single(states, s => !s.NeedsReview);
        var flagged = Assert.Single(states, s => s.NeedsReview);
        Assert.Equal(AnchorStatus.Fuzzy, flagged.Status);
        Assert.Equal(states[0].Start, states[1].Start);
    }

    [Fact]
    public void A_footnote_picked_by_hand_follows_its_note_when_footnotes_are_renumbered()
    {
        var doc = Render(Body);
        // The editor chose footnote 2 for the troops passage, though the text proposes footnote 1.
        var troops = Passage(doc, 1, Troops, footnote: 2);
        var kursk = Passage(doc, 2, Kursk);
        var renumbered =
            "A new opening with its own note.[^1] Washington estimates that North Korea has sent approximately 10,000 troops to Russia.[^2] "
            + "Around 8,000 of them have been deployed to Kursk.[^3]\n\n"
            + "[^1]: A new note.\n[^2]: Yonhap, 1 November 2024.\n[^3]: The Korea Times, 2 November 2024.\n";

        var states = Reanchor(doc, renumbered, troops, kursk);

        Assert.Equal(3, states[0].Footnote); // the hand-picked Korea Times note, now number 3
        Assert.Equal(3, states[1].Footnote); // proposed again at the new place: the marker closing the sentence
        Assert.All(states, s => Assert.Equal(AnchorStatus.Moved, s.Status));
    }

    [Fact]
    public void An_orphan_whose_words_come_back_is_confirmed_again()
    {
        var doc = Render(Body);
        var troops = Passage(doc, 1, Troops);
        var without = "Around 8,000 of them have been deployed to Kursk.[^1]\n\n[^1]: The Korea Times, 2 November 2024.\n";
        var orphan = Assert.Single(Reanchor(doc, without, troops));

        var back = Assert.Single(Reanchor(Render(without), Body, orphan));

        Assert.Equal((AnchorStatus.Moved, false, troops.Start, troops.End, 1), (back.Status, back.NeedsReview, back.Start, back.End, back.Footnote));
    }

    [Fact]
    public void A_fuzzy_passage_stays_in_review_until_its_original_words_come_back()
    {
        var doc = Render(Body);
        var troops = Passage(doc, 1, Troops);
        var edited = Body.Replace("approximately", "roughly", StringComparison.Ordinal);
        var fuzzy = Assert.Single(Reanchor(doc, edited, troops));

        var still = Assert.Single(Reanchor(Render(edited), "Intro.\n\n" + edited, fuzzy));
        Assert.Equal((AnchorStatus.Fuzzy, true, Troops), (still.Status, still.NeedsReview, still.PreviousExact));

        var restored = Assert.Single(Reanchor(Render("Intro.\n\n" + edited), Body, still));
        Assert.Equal((false, Troops, null), (restored.NeedsReview, restored.Exact, restored.PreviousExact));
    }
}
