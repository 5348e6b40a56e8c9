using KnowledgeBase.Core.Figures;

namespace KnowledgeBase.UnitTests.Figures;

public sealed class FigureComparisonTests
{
    private static Quantity Q(string text) => Assert.Single(FigureParser.Parse(text).Parts);

    private static FigureMatch Match(string left, string right) => FigureComparison.Compare(Q(left), Q(right)).Match;

    [Fact]
    public void A_monthly_rate_per_soldier_times_a_count_normalizes_to_a_yearly_total_with_its_arithmetic()
    {
        var n = FigureComparison.Normalize(Q("$2,000 per soldier per month × 10,000 soldiers"));

        Assert.Equal(240_000_000m, n.Value);
        Assert.Equal("year", n.Period);
        Assert.Null(n.Per);
        Assert.Equal("$2,000 × 10,000 × 12 = $240M a year", n.Derivation);
        Assert.Equal("$2,000 per soldier per month × 10,000 soldiers ($2,000 × 10,000 × 12 = $240M a year)", n.Describe());
    }

    [Fact]
    public void A_monthly_total_normalizes_to_twelve_times_a_year()
    {
        var n = FigureComparison.Normalize(Q("$20 million per month"));

        Assert.Equal(240_000_000m, n.Value);
        Assert.Equal("year", n.Period);
        Assert.Equal("$20M × 12 = $240M a year", n.Derivation);
    }

    [Fact]
    public void A_yearly_figure_needs_no_arithmetic()
    {
        var n = FigureComparison.Normalize(Q("$200m a year"));

        Assert.Equal(200_000_000m, n.Value);
        Assert.Equal("year", n.Period);
        Assert.Null(n.Derivation);
        Assert.Equal("$200m a year", n.Describe());
    }

    [Fact]
    public void A_rate_without_a_multiplier_keeps_its_denominator()
    {
        var n = FigureComparison.Normalize(Q("$2,000 per soldier per month"));

        Assert.Equal("soldier", n.Per);
        Assert.Equal(24_000m, n.Value);
        Assert.Equal("year", n.Period);
    }

    [Fact]
    public void The_same_count_is_the_same()
    {
        Assert.Equal(FigureMatch.Same, Match("8,000 troops", "8,000 troops"));
    }

    [Fact]
    public void Counts_of_differently_named_nouns_still_compare()
    {
        Assert.Equal(FigureMatch.Same, Match("around 8,000 troops", "an estimated 8,000 soldiers"));
    }

    [Fact]
    public void An_approximate_figure_within_rounding_is_the_same()
    {
        Assert.Equal(FigureMatch.Same, Match("about 10,000 troops", "10,200 troops"));
    }

    [Fact]
    public void An_approximate_figure_allows_more_rounding_than_an_exact_one()
    {
        // 4% apart: within an approximate figure's rounding, not within an exact figure's.
        Assert.Equal(FigureMatch.Same, Match("about 10,000 troops", "10,400 troops"));
        Assert.Equal(FigureMatch.Different, Match("10,000 troops", "10,400 troops"));
    }

    [Fact]
    public void Thousands_is_vaguer_than_10000()
    {
        Assert.Equal(FigureMatch.Vaguer, Match("thousands of troops", "10,000 troops"));
        Assert.Equal(FigureMatch.Vaguer, Match("approximately 10,000 troops", "thousands of troops"));
    }

    [Fact]
    public void A_majority_is_vaguer_than_82_percent()
    {
        Assert.Equal(FigureMatch.Vaguer, Match("majority oppose", "82% oppose"));
    }

    [Fact]
    public void More_than_half_is_vaguer_than_82_percent()
    {
        Assert.Equal(FigureMatch.Vaguer, Match("more than half oppose", "82% oppose"));
    }

    [Fact]
    public void A_lower_bound_is_vaguer_than_a_point_above_it()
    {
        Assert.Equal(FigureMatch.Vaguer, Match("more than 500 killed", "about 600 killed"));
    }

    [Fact]
    public void Two_hundred_forty_million_a_year_and_two_hundred_million_a_year_are_different_by_17_percent()
    {
        var result = FigureComparison.Compare(Q("$2,000 per soldier per month × 10,000 soldiers"), Q("$200m a year"));

        Assert.Equal(FigureMatch.Different, result.Match);
        Assert.NotNull(result.RelativeDifference);
        Assert.Equal(40m / 240m, result.RelativeDifference!.Value, 6);
    }

    [Fact]
    public void Eighty_two_percent_and_two_thirds_are_different()
    {
        var result = FigureComparison.Compare(Q("82% oppose"), Q("two-thirds oppose"));

        Assert.Equal(FigureMatch.Different, result.Match);
        Assert.Equal((82m - 66.7m) / 82m, result.RelativeDifference!.Value, 6);
    }

    [Fact]
    public void Counts_more_than_a_factor_of_two_apart_contradict()
    {
        Assert.Equal(FigureMatch.Contradictory, Match("10,000 troops", "50,000 troops"));
    }

    [Fact]
    public void Counts_exactly_a_factor_of_two_apart_are_only_different()
    {
        Assert.Equal(FigureMatch.Different, Match("10,000 troops", "20,000 troops"));
    }

    [Fact]
    public void Disjoint_ranges_far_apart_contradict()
    {
        Assert.Equal(FigureMatch.Contradictory, Match("dozens of troops", "thousands of troops"));
    }

    [Fact]
    public void Money_and_troops_are_incomparable()
    {
        Assert.Equal(FigureMatch.Incomparable, Match("$394 million", "10,000 troops"));
    }

    [Fact]
    public void A_share_and_a_count_are_incomparable()
    {
        Assert.Equal(FigureMatch.Incomparable, Match("82% oppose", "500 killed"));
    }

    [Fact]
    public void A_per_soldier_rate_without_a_multiplier_is_incomparable_with_a_total()
    {
        Assert.Equal(FigureMatch.Incomparable, Match("$2,000 per soldier per month", "$200m a year"));
    }

    [Fact]
    public void An_amount_per_month_is_incomparable_with_an_amount_without_a_period()
    {
        Assert.Equal(FigureMatch.Incomparable, Match("$20 million per month", "$394 million"));
    }
}
