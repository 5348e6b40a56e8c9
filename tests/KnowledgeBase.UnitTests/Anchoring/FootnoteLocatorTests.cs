using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Anchoring;

public sealed class FootnoteLocatorTests
{
    private static int? Locate(string text, string quote, IReadOnlyList<FootnoteMarker> markers, IReadOnlyList<FootnoteSpan>? footnotes = null)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"test text lacks “{quote}”");
        return FootnoteLocator.Locate(text, markers, footnotes ?? [], start, start + quote.Length);
    }

    private static FootnoteMarker MarkerAfter(string text, string before, int number) =>
        new(number, text.IndexOf(before, StringComparison.Ordinal) + before.Length);

    [Fact]
    public void A_quote_inside_a_footnote_is_backed_by_that_footnote()
    {
        const string text = "Body sentence.\n\nKim Arin, \"$200m A Year, 700,000 Tons of Rice\".\n\nAnother note.";
        var noteStart = text.IndexOf("Kim Arin", StringComparison.Ordinal);
        var noteEnd = text.IndexOf("\n\nAnother", StringComparison.Ordinal);
        var anotherStart = text.IndexOf("Another", StringComparison.Ordinal);
        FootnoteSpan[] notes = [new(11, noteStart, noteEnd), new(12, anotherStart, text.Length)];

        Assert.Equal(11, Locate(text, "$200m A Year", [MarkerAfter(text, "Body sentence.", 3)], notes));
        Assert.Equal(12, Locate(text, "Another note", [], notes));
    }

    [Fact]
    public void A_quote_followed_in_its_sentence_by_a_marker_is_backed_by_that_marker()
    {
        const string text = "In October 2024, an estimated 8,000 soldiers were stationed in Kursk. Notably, more followed.";
        FootnoteMarker[] markers = [MarkerAfter(text, "stationed in Kursk.", 5), MarkerAfter(text, "more followed.", 6)];

        Assert.Equal(5, Locate(text, "an estimated 8,000 soldiers", markers));
    }

    [Fact]
    public void A_marker_right_after_the_quote_backs_it()
    {
        const string text = "It has a profound impact on the region. Notably, more.";
        FootnoteMarker[] markers = [MarkerAfter(text, "region.", 1)];

        Assert.Equal(1, Locate(text, "It has a profound impact on the region.", markers));
    }

    [Fact]
    public void The_nearest_following_marker_is_chosen_not_the_first_in_the_list()
    {
        const string text = "First claim here. Second claim here. Third.";
        FootnoteMarker[] markers = [MarkerAfter(text, "Third.", 9), MarkerAfter(text, "Second claim here.", 8), MarkerAfter(text, "First claim here.", 7)];

        Assert.Equal(8, Locate(text, "Second claim", markers));
    }

    [Fact]
    public void A_sentence_break_between_quote_and_marker_means_no_footnote()
    {
        const string text = "The regime was threatened by cooperation. Pyongyang has lost hope.";
        FootnoteMarker[] markers = [MarkerAfter(text, "lost hope.", 13)];

        Assert.Null(Locate(text, "The regime was threatened", markers));
    }

    [Fact]
    public void A_sentence_break_after_a_closing_quotation_mark_means_no_footnote()
    {
        const string text = "It was called a \u201ccrime.\u201d Then more was said.";
        FootnoteMarker[] markers = [MarkerAfter(text, "more was said.", 21)];

        Assert.Null(Locate(text, "It was called", markers));
    }

    [Fact]
    public void A_paragraph_break_between_quote_and_marker_means_no_footnote()
    {
        const string text = "A heading without a full stop\n\nthe next paragraph has a note";
        FootnoteMarker[] markers = [new(4, text.Length)];

        Assert.Null(Locate(text, "A heading", markers));
    }

    [Fact]
    public void No_marker_after_the_quote_means_no_footnote()
    {
        const string text = "Earlier sentence. The last sentence has no note";
        FootnoteMarker[] markers = [MarkerAfter(text, "Earlier sentence.", 2)];

        Assert.Null(Locate(text, "The last sentence", markers));
    }
}
