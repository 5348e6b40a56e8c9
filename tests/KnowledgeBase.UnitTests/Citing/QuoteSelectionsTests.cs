using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Citing;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Citing;

public sealed class QuoteSelectionsTests
{
    private static readonly AnchorableText Document = AnchorableText.Of(SourceRenderer.Render(
        "North Korea has sent *about* 10,000 troops to [Russia](https://example.org).[^1] Seoul protested.[^2]\n\n" +
        "Seoul protested again in November, and the troops stayed.\n\n" +
        "[^1]: Yonhap, \"10,000 troops\", 2024.\n" +
        "[^2]: KBS, 2024.\n"));

    private static (int Start, int End) Span(string words, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = Document.Text.IndexOf(words, at + 1, StringComparison.Ordinal);
        }
        Assert.True(at >= 0, $"“{words}” is not in the text");
        return (at, at + words.Length);
    }

    [Fact]
    public void A_selection_across_emphasis_a_link_and_a_footnote_marker_quotes_the_words_alone()
    {
        var (start, _) = Span("about 10,000");
        var (_, end) = Span("Seoul protested.");

        var selection = QuoteSelections.At(Document, start, end);

        var quote = Assert.IsType<SelectedQuote>(selection.Quote);
        Assert.Equal("about 10,000 troops to Russia. Seoul protested.", quote.Quote);
        Assert.Equal("North Korea has sent", quote.Prefix);
        Assert.Equal((start, end), (quote.Start, quote.End));
        // The words end at marker 2: its note backs them.
        Assert.Equal(2, quote.Footnote);
    }

    [Fact]
    public void Words_run_over_a_marker_that_no_other_closes_rest_on_its_note()
    {
        var (start, _) = Span("troops to Russia");
        var (_, end) = Span("Seoul protested again");

        Assert.Equal(2, QuoteSelections.At(Document, start, end).Quote!.Footnote);
    }

    [Fact]
    public void The_footnote_is_the_one_whose_marker_closes_the_sentence()
    {
        var (start, end) = Span("10,000 troops");

        var quote = QuoteSelections.At(Document, start, end).Quote!;

        Assert.Equal(1, quote.Footnote);
        Assert.Equal("North Korea has sent about", quote.Prefix);
        Assert.Equal("to Russia. Seoul protested.", quote.Suffix);
    }

    [Fact]
    public void Repeated_words_are_told_apart_by_the_words_around_them_and_anchor_at_the_selected_place()
    {
        var (start, end) = Span("Seoul protested", occurrence: 2);

        var quote = QuoteSelections.At(Document, start, end).Quote!;

        Assert.Equal((start, end), (quote.Start, quote.End));
        var anchored = CitationAnchoring.Anchor(Document, quote.Quote, quote.Prefix, quote.Suffix);
        Assert.True(anchored.Found);
        Assert.Equal(start, anchored.Anchor!.Start);
        // The context runs over the paragraph break as one space: a one-line field keeps it as it is.
        Assert.DoesNotContain('\n', quote.Prefix);
        Assert.EndsWith("Russia. Seoul protested.", quote.Prefix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selection_is_trimmed_of_white_space_and_widened_to_whole_words()
    {
        var (start, end) = Span("out 10,000 troo");

        var quote = QuoteSelections.At(Document, start - 1, end).Quote!;

        Assert.Equal("about 10,000 troops", quote.Quote);
        var (spaceStart, spaceEnd) = Span(" 10,000 troops ");
        Assert.Equal("10,000 troops", QuoteSelections.At(Document, spaceStart, spaceEnd).Quote!.Quote);
    }

    [Fact]
    public void Words_in_a_footnote_are_backed_by_that_footnote()
    {
        var (start, end) = Span("\"10,000 troops\"");

        Assert.Equal(1, QuoteSelections.At(Document, start, end).Quote!.Footnote);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 5)]
    [InlineData(9, 3)]
    [InlineData(0, 100_000)]
    public void Offsets_outside_the_text_or_in_the_wrong_order_are_refused(int start, int end)
    {
        var selection = QuoteSelections.At(Document, start, end);

        Assert.Null(selection.Quote);
        Assert.Contains("the document's text runs from 0 to", selection.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void White_space_alone_and_quotes_longer_than_a_citation_holds_are_refused()
    {
        var at = Document.Text.IndexOf("\n\n", StringComparison.Ordinal);
        Assert.Equal("The selection holds no words.", QuoteSelections.At(Document, at, at + 2).Refusal);

        var longText = AnchorableText.Of(SourceRenderer.Render(string.Join(' ', Enumerable.Repeat("word", EditLimits.Quote))));
        Assert.Contains($"a quote holds at most {EditLimits.Quote:N0}", QuoteSelections.At(longText, 0, longText.Text.Length).Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SeedDocuments.Usip)]
    [InlineData(SeedDocuments.Idsa)]
    public void Every_sentence_of_the_seed_documents_anchors_back_where_it_was_selected(string slug)
    {
        var (text, _) = SeedDocuments.Read(slug);
        var sentences = CitableSentences.Sentences(text.Text, text.Footnotes).ToList();
        Assert.True(sentences.Count > 30, $"{slug} has {sentences.Count} sentences");

        foreach (var (start, end) in sentences)
        {
            var quote = QuoteSelections.At(text, start, end).Quote;
            Assert.True(quote is not null, $"{slug} {start}–{end}: {QuoteSelections.At(text, start, end).Refusal}");
            Assert.Equal((start, end), (quote.Start, quote.End));
        }
    }
}
