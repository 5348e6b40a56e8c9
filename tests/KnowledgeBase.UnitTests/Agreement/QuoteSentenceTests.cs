using KnowledgeBase.Core.Agreement;
using KnowledgeBase.UnitTests.Seeding;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class QuoteSentenceTests(RealSeedPlan seed) : IClassFixture<RealSeedPlan>
{
    private static string Around(string text, string quote)
    {
        var at = text.IndexOf(quote, StringComparison.Ordinal);
        return QuoteSentence.Around(text, at, at + quote.Length);
    }

    [Fact]
    public void The_sentence_runs_from_the_previous_sentence_end_to_its_own()
    {
        const string text = "Seoul waited. According to Yonhap, some 8,000 troops were in Kursk by November. Then came winter.";

        Assert.Equal("According to Yonhap, some 8,000 troops were in Kursk by November.", Around(text, "some 8,000 troops"));
    }

    [Fact]
    public void A_quote_that_ends_its_sentence_ends_it_there()
    {
        const string text = "It is said. North Korea sent troops. Russia pays.";

        Assert.Equal("North Korea sent troops.", Around(text, "North Korea sent troops."));
    }

    [Fact]
    public void A_sentence_never_crosses_a_block()
    {
        const string text = "A heading\n\nThe troops arrived in October\n\nNext block.";

        Assert.Equal("The troops arrived in October", Around(text, "troops arrived"));
    }

    [Fact]
    public void A_window_around_the_passage_gives_the_same_sentence_as_the_whole_text_for_every_seeded_citation()
    {
        foreach (var claim in seed.Plan.Claims)
        {
            foreach (var c in claim.Citations)
            {
                var text = Assert.Single(seed.Plan.Sources, s => s.Meta.Slug == c.SourceSlug).Anchorable.Text;
                var windowStart = Math.Max(0, c.Anchor.Start - QuoteSentence.Reach);
                var window = text[windowStart..Math.Min(text.Length, c.Anchor.End + QuoteSentence.Reach)];

                Assert.Equal(
                    QuoteSentence.Around(text, c.Anchor.Start, c.Anchor.End),
                    QuoteSentence.Around(window, c.Anchor.Start - windowStart, c.Anchor.End - windowStart));
            }
        }
    }
}
