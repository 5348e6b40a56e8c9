using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class FigureComparisonChartTests : BunitContext
{
    private static FigureSeries Series(string name, string figure) => new(name, null, Figure.Parse(figure));

    private IRenderedComponent<FigureComparisonChart> RenderChart(params FigureSeries[] series) =>
        Render<FigureComparisonChart>(p => p.Add(c => c.Series, series));

    [Fact]
    public void The_chart_is_an_image_named_by_its_title_and_described_with_the_derivation()
    {
        var chart = RenderChart(Series("USIP", "$2,000 per soldier per month × 10,000 soldiers"), Series("MP-IDSA", "$200m a year"));

        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("figure-scale-1-title figure-scale-1-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("US dollars a year: the sources' figures on one scale", chart.Find("svg title#figure-scale-1-title").TextContent);
        var desc = chart.Find("svg desc#figure-scale-1-desc").TextContent;
        Assert.Contains("USIP: $240M a year ($2,000 × 10,000 × 12 = $240M a year).", desc);
        Assert.Contains("MP-IDSA: $200M a year.", desc);
    }

    [Fact]
    public void Each_source_is_a_labelled_row_with_a_point_on_the_shared_axis()
    {
        var chart = RenderChart(Series("USIP", "$2,000 per soldier per month × 10,000 soldiers"), Series("MP-IDSA", "$200m a year"));

        Assert.Equal(["USIP", "MP-IDSA"], chart.FindAll("svg .row-name").Select(t => t.TextContent));
        var points = chart.FindAll("svg circle.point");
        Assert.Equal(2, points.Count);
        // The plot runs from x=100 to x=416: $240M of $300M is 0.8 of the way, $200M two thirds.
        Assert.Equal("352.8", points[0].GetAttribute("cx"));
        Assert.Equal("310.7", points[1].GetAttribute("cx"));
        Assert.Equal(["$0", "$100M", "$200M", "$300M"], chart.FindAll("svg .tick-label").Select(t => t.TextContent));
        Assert.Contains("$2,000 × 10,000 × 12 = $240M a year", chart.FindAll("svg text.value").Select(t => t.TextContent));
    }

    [Fact]
    public void A_vague_amount_is_a_band_with_an_arrow_when_it_runs_past_the_scale()
    {
        var chart = RenderChart(Series("USIP", "approximately 10,000 troops"), Series("MP-IDSA", "thousands of troops"));

        Assert.Single(chart.FindAll("svg rect.band"));
        Assert.Single(chart.FindAll("svg path.beyond"));
        Assert.Single(chart.FindAll("svg g.row-approximate circle.point"));
        var caption = chart.Find("figcaption").TextContent;
        Assert.Contains("Number of troops, from 0 to 15,000.", caption);
        Assert.Contains("A ring marks an approximate figure", caption);
        Assert.Contains("a bar marks a range or a vague amount", caption);
        Assert.Contains("an arrow shows that a bar runs on past the scale.", caption);
    }

    [Fact]
    public void A_table_gives_every_figure_as_stated_and_as_placed()
    {
        var chart = RenderChart(Series("USIP", "approximately 10,000 troops"), Series("MP-IDSA", "thousands of troops"));

        var table = chart.Find("table.visually-hidden");
        Assert.Equal("Number of troops: each source's figure", table.QuerySelector("caption")!.TextContent);
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["USIP", "approximately 10,000 troops", "≈10,000"], rows[0]);
        Assert.Equal(["MP-IDSA", "thousands of troops", "thousands of troops (read as 2,000–99,999), running past the end of the scale"], rows[1]);
        Assert.Equal("row", table.QuerySelector("tbody th")!.GetAttribute("scope"));
    }

    [Fact]
    public void A_source_speaking_twice_gets_a_note_under_its_name()
    {
        var chart = RenderChart(
            new FigureSeries("MP-IDSA", "citation 2", Figure.Parse("majority oppose")),
            new FigureSeries("MP-IDSA", "citation 3", Figure.Parse("two-thirds oppose")));

        Assert.Equal(["MP-IDSA", "MP-IDSA"], chart.FindAll("svg .row-name").Select(t => t.TextContent));
        Assert.Equal(["citation 2", "citation 3"], chart.FindAll("svg .row-note").Select(t => t.TextContent));
        Assert.Equal(["MP-IDSA (citation 2)", "MP-IDSA (citation 3)"], chart.FindAll("table tbody th").Select(t => t.TextContent));
    }

    [Fact]
    public void Every_axis_of_a_figure_with_two_measures_is_drawn_with_its_own_ids()
    {
        var chart = RenderChart(Series("USIP", "13% support; 82% oppose"), Series("MP-IDSA", "majority oppose"));

        var figures = chart.FindAll("figure.figure-scale");
        Assert.Equal(["figure-scale-1", "figure-scale-2"], figures.Select(f => f.Id));
        Assert.Equal("Percent: oppose: the sources' figures on one scale", chart.Find("#figure-scale-2-title").TextContent);
    }

    [Theory]
    [InlineData("$394 million", null)]
    [InlineData("$394 million", "700,000 tons of rice")]
    public void Nothing_is_drawn_unless_two_figures_compare(string first, string? second)
    {
        var series = second is null ? new[] { Series("USIP", first) } : [Series("USIP", first), Series("MP-IDSA", second)];

        var chart = RenderChart(series);

        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal("", chart.Markup.Trim());
    }
    [Fact]
    public void Figures_of_different_times_stand_on_a_time_rail_with_their_times_in_the_table()
    {
        var chart = RenderChart(
            new FigureSeries("MP-IDSA", null, Figure.Parse("about 11,000 troops"), AsOf.Published("2024-12-05")),
            new FigureSeries("USIP", null, Figure.Parse("about 10,000 troops"), new AsOf(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 31), "In October")));

        Assert.Single(chart.FindAll("svg line.time-rail"));
        Assert.Equal(2, chart.FindAll("svg circle.time-dot").Count);
        Assert.Equal(["USIP", "MP-IDSA"], chart.FindAll("svg .row-name").Select(t => t.TextContent));
        Assert.Equal(["Oct 2024", "5 Dec 2024 (pub.)"], chart.FindAll("svg .row-note").Select(t => t.TextContent));
        Assert.Equal(["October 2024", "5 December 2024 (publication date)"], chart.FindAll("table tbody td:first-of-type").Select(t => t.TextContent));
        Assert.StartsWith("In time order. USIP, October 2024: ≈10,000.", chart.Find("svg desc").TextContent);
        Assert.Contains("run down in time order", chart.Find("figcaption").TextContent);
    }

    [Fact]
    public void Figures_of_one_time_have_no_time_rail()
    {
        var chart = RenderChart(Series("USIP", "about 10,000 troops"), Series("MP-IDSA", "about 11,000 troops"));

        Assert.Empty(chart.FindAll("svg .time-rail"));
        Assert.Equal(3, chart.FindAll("table thead th").Count);
    }
}
