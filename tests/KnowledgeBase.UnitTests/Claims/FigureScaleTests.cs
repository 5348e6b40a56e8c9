using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class FigureScaleTests
{
    private static FigureSeries Series(string name, string figure) => new(name, null, Figure.Parse(figure));

    [Fact]
    public void A_monthly_rate_per_soldier_stands_as_its_yearly_total_beside_a_yearly_figure()
    {
        var axes = FigureScale.Build([Series("USIP", "$2,000 per soldier per month × 10,000 soldiers"), Series("MP-IDSA", "$200m a year")]);

        var axis = Assert.Single(axes);
        Assert.True(axis.Compares);
        Assert.Equal("US dollars a year", axis.Title);
        Assert.Equal(300_000_000m, axis.Maximum);
        Assert.Equal(["$0", "$100M", "$200M", "$300M"], axis.Ticks.Select(t => t.Label));
        Assert.Equal([0d, 1 / 3d, 2 / 3d, 1d], axis.Ticks.Select(t => t.Position), new Tolerance());

        var usip = axis.Markers[0];
        Assert.Equal("USIP", usip.Label);
        Assert.False(usip.IsRange);
        Assert.Equal(0.8, usip.From, 6);
        Assert.Equal(usip.From, usip.To);
        Assert.Equal("$240M a year", usip.Shown);
        Assert.Equal("$2,000 × 10,000 × 12 = $240M a year", usip.Derivation);
        Assert.Equal("$2,000 per soldier per month × 10,000 soldiers", usip.Stated);

        var idsa = axis.Markers[1];
        Assert.Equal(2 / 3d, idsa.From, 6);
        Assert.Equal("$200M a year", idsa.Shown);
        Assert.Null(idsa.Derivation);
    }

    [Fact]
    public void A_vague_amount_is_a_band_that_runs_past_a_scale_sized_to_the_precise_figure()
    {
        var axes = FigureScale.Build([Series("USIP", "approximately 10,000 troops"), Series("MP-IDSA", "thousands of troops")]);

        var axis = Assert.Single(axes);
        Assert.Equal("Number of troops", axis.Title);
        Assert.Equal(15_000m, axis.Maximum);
        Assert.Equal(["0", "5,000", "10,000", "15,000"], axis.Ticks.Select(t => t.Label));

        var point = axis.Markers[0];
        Assert.True(point.Approximate);
        Assert.Equal("≈10,000", point.Shown);
        Assert.Equal(2 / 3d, point.From, 6);

        var band = axis.Markers[1];
        Assert.True(band.IsRange);
        Assert.Equal(2_000 / 15_000d, band.From, 6);
        Assert.Equal(1d, band.To);
        Assert.True(band.ContinuesBeyond);
        Assert.Equal("thousands of troops", band.Shown);
        Assert.Equal("2,000–99,999", band.Reading);
    }

    [Fact]
    public void Shares_with_different_labels_get_their_own_axes_from_0_to_100_percent()
    {
        var axes = FigureScale.Build([
            Series("USIP", "13% support; 82% oppose"),
            Series("MP-IDSA", "majority oppose"),
            Series("MP-IDSA", "two-thirds oppose"),
        ]);

        Assert.Equal(["Percent: support", "Percent: oppose"], axes.Select(a => a.Title));
        Assert.False(axes[0].Compares);
        var oppose = axes[1];
        Assert.True(oppose.Compares);
        Assert.Equal(100m, oppose.Maximum);
        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], oppose.Ticks.Select(t => t.Label));
        Assert.Equal(0.82, oppose.Markers[0].From, 6);

        var majority = oppose.Markers[1];
        Assert.True(majority.IsRange);
        Assert.Equal(0.5, majority.From, 6);
        Assert.Equal(1d, majority.To);
        Assert.False(majority.ContinuesBeyond);
        Assert.Equal("50%–100%", majority.Reading);

        var twoThirds = oppose.Markers[2];
        Assert.False(twoThirds.IsRange);
        Assert.Equal(0.667, twoThirds.From, 6);
        Assert.Equal("≈66.7% (“two-thirds oppose”)", twoThirds.Shown);
    }

    [Fact]
    public void Money_and_counts_never_share_an_axis()
    {
        var axes = FigureScale.Build([Series("A", "$394 million"), Series("B", "700,000 tons of rice")]);

        Assert.Equal(2, axes.Count);
        Assert.All(axes, a => Assert.False(a.Compares));
        Assert.Equal(["US dollars", "Number of tons of rice"], axes.Select(a => a.Title));
    }

    [Fact]
    public void An_open_lower_bound_is_a_band_from_the_bound_that_runs_on()
    {
        var axes = FigureScale.Build([Series("A", "more than 50% oppose"), Series("B", "82% oppose")]);

        var bound = Assert.Single(axes).Markers[0];
        Assert.True(bound.IsRange);
        Assert.Equal(0.5, bound.From, 6);
        Assert.Equal(1d, bound.To);
        Assert.True(bound.ContinuesBeyond);
        Assert.Equal("more than 50%", bound.Shown);
        Assert.Null(bound.Reading);
    }

    [Fact]
    public void An_upper_bound_runs_from_zero_and_counts_toward_the_scale_only_when_nothing_else_does()
    {
        var withPoint = Assert.Single(FigureScale.Build([Series("A", "up to 5,000 troops"), Series("B", "3,000 troops")]));
        var alone = Assert.Single(FigureScale.Build([Series("A", "up to 5,000 troops"), Series("B", "up to 4,000 troops")]));

        Assert.Equal(4_000m, withPoint.Maximum);
        Assert.Equal(0d, withPoint.Markers[0].From);
        Assert.True(withPoint.Markers[0].ContinuesBeyond);
        Assert.Equal("up to 5,000", withPoint.Markers[0].Shown);
        Assert.Equal(6_000m, alone.Maximum);
        Assert.Equal(5_000 / 6_000d, alone.Markers[0].To, 6);
        Assert.False(alone.Markers[0].ContinuesBeyond);
    }

    [Fact]
    public void Identical_figures_stand_on_the_same_spot()
    {
        var axis = Assert.Single(FigureScale.Build([Series("USIP", "around 8,000 troops"), Series("MP-IDSA", "an estimated 8,000 soldiers")]));

        Assert.Equal("Number of troops or soldiers", axis.Title);
        Assert.Equal(10_000m, axis.Maximum);
        Assert.Equal(axis.Markers[0].From, axis.Markers[1].From);
        Assert.Equal(0.8, axis.Markers[0].From, 6);
    }

    [Theory]
    [InlineData("12000", "15000")]
    [InlineData("288000000", "300000000")]
    [InlineData("9600", "10000")]
    [InlineData("600", "600")]
    [InlineData("840000", "1000000")]
    [InlineData("101", "150")]
    [InlineData("0.3", "0.3")]
    [InlineData("0", "1")]
    public void Axis_lengths_are_nice_round_numbers(string value, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            FigureScale.NiceCeiling(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Rows_come_from_citations_with_figures_and_a_source_speaking_twice_names_the_citation()
    {
        var usip = new SourceSummary(1, "usip", "T", "USIP", ["Lami Kim"], "USIP", "2024-11", "analysis");
        var idsa = usip with { Id = 2, Slug = "idsa", ShortName = "MP-IDSA" };
        CitationView Cite(SourceSummary source, string? figure) =>
            new(1, 0, Stance.Supports, null, figure, 1, "q", "", "", 0, 1, source, null);

        var series = FigureSeries.FromCitations([
            Cite(usip, "13% support; 82% oppose"),
            Cite(idsa, "majority oppose"),
            Cite(idsa, "two-thirds oppose"),
            Cite(idsa, null),
            Cite(usip, "not a figure at all"),
        ]);

        Assert.Equal(["USIP", "MP-IDSA (citation 2)", "MP-IDSA (citation 3)"], series.Select(s => s.Label));
        Assert.Equal(2, series[0].Figure.Parts.Count);
    }

    [Fact]
    public void Figures_of_different_times_run_in_time_order_spaced_by_the_time_between_them()
    {
        var october = new AsOf(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 31), "In October 2024");
        var december = AsOf.Published("2024-12-05");
        var axes = FigureScale.Build([
            new FigureSeries("MP-IDSA", null, Figure.Parse("about 11,000 troops"), december),
            new FigureSeries("USIP", null, Figure.Parse("about 10,000 troops"), october),
            new FigureSeries("News", null, Figure.Parse("up to 12,000 troops"), null),
        ]);

        var axis = Assert.Single(axes);
        Assert.True(axis.OverTime);
        Assert.Equal(["USIP", "MP-IDSA", "News"], axis.Markers.Select(m => m.Name));
        Assert.Equal(["October 2024", "5 December 2024 (publication date)", null], axis.Markers.Select(m => m.When));
        Assert.Equal(["Oct 2024", "5 Dec 2024 (pub.)", null], axis.Markers.Select(m => m.WhenBrief));
        // Two known times take the full spread (two rows per gap, 2 gaps); the unknown one follows a row later.
        Assert.Equal([0d, 4d, 5d], axis.Markers.Select(m => m.Row));
        Assert.Equal(6d, axis.Rows);
    }

    [Fact]
    public void Figures_of_one_time_keep_citation_order_and_say_no_time()
    {
        var november = AsOf.Published("2024-11");
        var axis = Assert.Single(FigureScale.Build([
            new FigureSeries("MP-IDSA", null, Figure.Parse("about 11,000 troops"), new AsOf(new DateOnly(2024, 11, 7), new DateOnly(2024, 11, 7), "on 7 November")),
            new FigureSeries("USIP", null, Figure.Parse("about 10,000 troops"), november),
        ]));

        Assert.False(axis.OverTime);
        Assert.Equal(["MP-IDSA", "USIP"], axis.Markers.Select(m => m.Name));
        Assert.All(axis.Markers, m => Assert.Null(m.When));
        Assert.Equal([0d, 1d], axis.Markers.Select(m => m.Row));
    }

    [Fact]
    public void Rows_close_in_time_stay_one_row_apart()
    {
        static AsOf Day(int month, int day) => new(new DateOnly(2024, month, day), new DateOnly(2024, month, day), "");

        var rows = FigureScale.TimeRows([Day(1, 1), Day(1, 2), Day(12, 31)]);

        Assert.Equal(0d, rows[0]);
        Assert.Equal(1d, rows[1]);
        Assert.Equal(4d, rows[2]);
    }

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
