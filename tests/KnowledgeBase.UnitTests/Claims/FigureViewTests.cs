using Bunit;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class FigureViewTests : BunitContext
{
    [Fact]
    public void Both_parts_of_a_two_part_figure_are_shown_with_their_labels()
    {
        var view = Render<FigureView>(p => p.Add(f => f.Figure, Figure.Parse("13% support; 82% oppose")));

        var parts = view.FindAll(".figure-part");
        Assert.Equal(2, parts.Count);
        Assert.Equal("support", parts[0].QuerySelector("dt")!.TextContent);
        Assert.Equal("13%", parts[0].QuerySelector(".figure-amount")!.TextContent);
        Assert.Equal("“13% support”", parts[0].QuerySelector(".figure-text")!.TextContent);
        Assert.Equal("oppose", parts[1].QuerySelector("dt")!.TextContent);
        Assert.Equal("82%", parts[1].QuerySelector(".figure-amount")!.TextContent);
        Assert.Equal("“82% oppose”", parts[1].QuerySelector(".figure-text")!.TextContent);
    }

    [Fact]
    public void A_rate_shows_its_denominator_period_and_multiplier()
    {
        var view = Render<FigureView>(p => p.Add(f => f.Figure, Figure.Parse("$2,000 per soldier per month × 10,000 soldiers")));

        var part = view.Find(".figure-part");
        Assert.Equal("USD", part.QuerySelector("dt")!.TextContent);
        Assert.Equal("$2,000", part.QuerySelector(".figure-amount")!.TextContent);
        var rates = part.QuerySelectorAll(".figure-rate").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(["per soldier", "per month", "× 10,000 soldiers"], rates);
    }

    [Fact]
    public void A_count_shows_its_noun_and_approximate_amount_and_as_of_date()
    {
        var view = Render<FigureView>(p => p.Add(f => f.Figure, Figure.Parse("about 500 killed as of 2024-11")));

        var part = view.Find(".figure-part");
        Assert.Equal("killed", part.QuerySelector("dt")!.TextContent);
        Assert.Equal("≈500", part.QuerySelector(".figure-amount")!.TextContent);
        Assert.Equal("as of 1 November 2024", part.QuerySelector(".figure-asof")!.TextContent.Trim());
    }

    [Fact]
    public void A_vague_share_shows_its_range()
    {
        var view = Render<FigureView>(p => p.Add(f => f.Figure, Figure.Parse("majority oppose")));

        Assert.Equal("50%–100%", view.Find(".figure-amount").TextContent);
        Assert.Equal("oppose", view.Find("dt").TextContent);
    }
}
