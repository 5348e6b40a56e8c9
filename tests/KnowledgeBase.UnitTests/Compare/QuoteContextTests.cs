using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Compare;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class QuoteContextTests
{
    [Fact]
    public void Full_length_context_cut_mid_word_loses_the_broken_word_and_gains_an_ellipsis()
    {
        Assert.Equal(32, TextAnchor.ContextLength);

        Assert.Equal("…estimates that, so far, ", QuoteContext.Before("hington estimates that, so far, "));
        Assert.Equal(" — around 8,000 of whom have…", QuoteContext.After(" — around 8,000 of whom have bee"));
    }

    [Fact]
    public void Full_length_context_cut_at_a_space_keeps_every_word()
    {
        var words = " evident from the fact that, so ";
        Assert.Equal(32, words.Length);

        Assert.Equal("…evident from the fact that, so ", QuoteContext.Before(words));
        Assert.Equal(" evident from the fact that, so…", QuoteContext.After(words));
        Assert.Equal("…so far, ", QuoteContext.Before(new string('x', 23) + " so far, "));
    }

    [Fact]
    public void Context_that_reaches_into_another_paragraph_stops_at_the_break_without_an_ellipsis()
    {
        Assert.Equal("In October 2024, ", QuoteContext.Before("end of the last one.\n\nIn October 2024, "));
        Assert.Equal(" were stationed.", QuoteContext.After(" were stationed.\n\nNext paragraph"));
    }

    [Fact]
    public void Short_context_is_the_start_or_end_of_the_text_and_is_shown_whole()
    {
        Assert.Equal("Kim Arin, \"", QuoteContext.Before("Kim Arin, \""));
        Assert.Equal(".", QuoteContext.After("."));
    }

    [Fact]
    public void A_quote_at_a_paragraph_edge_has_no_context_on_that_side()
    {
        Assert.Equal("", QuoteContext.Before("previous paragraph.\n\n"));
        Assert.Equal("", QuoteContext.After("\n\nNext paragraph starts here and"));
        Assert.Equal("", QuoteContext.Before(""));
    }

    [Fact]
    public void One_long_word_is_kept_rather_than_emptied()
    {
        var word = new string('w', 32);

        Assert.Equal("…" + word, QuoteContext.Before(word));
        Assert.Equal(word + "…", QuoteContext.After(word));
    }
}
