using KnowledgeBase.Core.Figures;

namespace KnowledgeBase.UnitTests.Figures;

public sealed class FigureParserTests
{
    private static Quantity Single(string text)
    {
        var figure = FigureParser.Parse(text);
        return Assert.Single(figure.Parts);
    }

    [Fact]
    public void An_approximate_count_has_a_value_a_unit_and_is_marked_approximate()
    {
        var q = Single("about 10,000 troops");

        Assert.Equal(10_000m, q.Value);
        Assert.Null(q.Low);
        Assert.Null(q.High);
        Assert.True(q.Approximate);
        Assert.False(q.Vague);
        Assert.Equal("troops", q.Unit);
        Assert.True(q.IsCount);
        Assert.Null(q.Label);
        Assert.Null(q.Per);
        Assert.Null(q.Period);
        Assert.Null(q.Multiplier);
        Assert.Equal("about 10,000 troops", q.Text);
    }

    [Fact]
    public void A_count_without_a_qualifier_is_not_approximate()
    {
        var q = Single("8,000 troops");

        Assert.Equal(8_000m, q.Value);
        Assert.False(q.Approximate);
        Assert.Equal("troops", q.Unit);
    }

    [Fact]
    public void Thousands_of_troops_is_a_vague_range_from_2000_to_99999_troops()
    {
        var q = Single("thousands of troops");

        Assert.Null(q.Value);
        Assert.Equal(2_000m, q.Low);
        Assert.Equal(99_999m, q.High);
        Assert.True(q.Vague);
        Assert.Equal("troops", q.Unit);
        Assert.True(q.IsCount);
    }

    [Fact]
    public void A_rate_per_soldier_per_month_times_a_count_keeps_rate_period_and_multiplier()
    {
        var q = Single("$2,000 per soldier per month × 10,000 soldiers");

        Assert.Equal(2_000m, q.Value);
        Assert.Equal(Units.Usd, q.Unit);
        Assert.True(q.IsMoney);
        Assert.Equal("soldier", q.Per);
        Assert.Equal("month", q.Period);
        Assert.Equal(10_000m, q.Multiplier);
        Assert.False(q.Approximate);
        Assert.Null(q.Label);
    }

    [Fact]
    public void Twenty_million_per_month_is_20000000_usd_a_month()
    {
        var q = Single("$20 million per month");

        Assert.Equal(20_000_000m, q.Value);
        Assert.Equal(Units.Usd, q.Unit);
        Assert.Equal("month", q.Period);
        Assert.Null(q.Per);
        Assert.Null(q.Multiplier);
    }

    [Fact]
    public void Two_hundred_m_a_year_is_200000000_usd_a_year()
    {
        var q = Single("$200m a year");

        Assert.Equal(200_000_000m, q.Value);
        Assert.Equal(Units.Usd, q.Unit);
        Assert.Equal("year", q.Period);
        Assert.Null(q.Per);
    }

    [Fact]
    public void A_sum_in_millions_is_a_total_without_period()
    {
        var q = Single("$394 million");

        Assert.Equal(394_000_000m, q.Value);
        Assert.Equal(Units.Usd, q.Unit);
        Assert.Null(q.Period);
        Assert.Null(q.Per);
    }

    [Fact]
    public void Shares_separated_by_a_semicolon_are_two_parts_labelled_by_the_word_after_the_amount()
    {
        var figure = FigureParser.Parse("13% support; 82% oppose");

        Assert.Equal("13% support; 82% oppose", figure.Text);
        Assert.Collection(
            figure.Parts,
            support =>
            {
                Assert.Equal(13m, support.Value);
                Assert.Equal(Units.Percent, support.Unit);
                Assert.Equal("support", support.Label);
                Assert.Equal("13% support", support.Text);
            },
            oppose =>
            {
                Assert.Equal(82m, oppose.Value);
                Assert.Equal(Units.Percent, oppose.Unit);
                Assert.Equal("oppose", oppose.Label);
                Assert.Equal("82% oppose", oppose.Text);
            });
    }

    [Fact]
    public void A_figure_finds_its_part_by_label()
    {
        var figure = FigureParser.Parse("13% support; 82% oppose");

        Assert.Equal(82m, figure.PartFor("oppose")?.Value);
        Assert.Equal(13m, figure.PartFor("SUPPORT")?.Value);
        Assert.Null(figure.PartFor("abstain"));
    }

    [Fact]
    public void A_majority_is_a_vague_share_above_half_with_its_label()
    {
        var q = Single("majority oppose");

        Assert.Null(q.Value);
        Assert.Equal(50m, q.Low);
        Assert.Equal(100m, q.High);
        Assert.True(q.Vague);
        Assert.Equal(Units.Percent, q.Unit);
        Assert.Equal("oppose", q.Label);
    }

    [Fact]
    public void Two_thirds_is_an_approximate_share_of_66_point_7_percent()
    {
        var q = Single("two-thirds oppose");

        Assert.Equal(66.7m, q.Value);
        Assert.True(q.Approximate);
        Assert.False(q.Vague);
        Assert.Equal(Units.Percent, q.Unit);
        Assert.Equal("oppose", q.Label);
    }

    [Fact]
    public void An_estimated_count_is_approximate()
    {
        var q = Single("an estimated 8,000 soldiers");

        Assert.Equal(8_000m, q.Value);
        Assert.True(q.Approximate);
        Assert.Equal("soldiers", q.Unit);
    }

    [Fact]
    public void More_than_gives_a_lower_bound_only()
    {
        var q = Single("more than 500 killed");

        Assert.Null(q.Value);
        Assert.Equal(500m, q.Low);
        Assert.Null(q.High);
        Assert.False(q.Approximate);
        Assert.Equal("killed", q.Unit);
    }

    [Fact]
    public void Up_to_gives_an_upper_bound_only()
    {
        var q = Single("up to 100 troops");

        Assert.Null(q.Value);
        Assert.Null(q.Low);
        Assert.Equal(100m, q.High);
        Assert.Equal("troops", q.Unit);
    }

    [Fact]
    public void As_of_a_year_and_month_sets_the_date_to_the_first_of_that_month()
    {
        var q = Single("about 500 killed as of 2024-11");

        Assert.Equal(500m, q.Value);
        Assert.True(q.Approximate);
        Assert.Equal("killed", q.Unit);
        Assert.Equal(new DateOnly(2024, 11, 1), q.AsOf);
    }

    [Fact]
    public void As_of_a_full_date_keeps_the_day()
    {
        var q = Single("10,000 troops as of 2024-12-05");

        Assert.Equal(new DateOnly(2024, 12, 5), q.AsOf);
        Assert.Equal("troops", q.Unit);
    }

    [Fact]
    public void More_than_half_is_a_lower_bound_of_50_percent_not_a_point()
    {
        var q = Single("more than half oppose");

        Assert.Null(q.Value);
        Assert.Equal(50m, q.Low);
        Assert.Equal(Units.Percent, q.Unit);
        Assert.Equal("oppose", q.Label);
    }

    [Fact]
    public void Nearly_half_is_an_approximate_point_of_50_percent()
    {
        var q = Single("nearly half oppose");

        Assert.Equal(50m, q.Value);
        Assert.True(q.Approximate);
    }

    [Fact]
    public void Tens_of_thousands_is_a_vague_range_from_20000()
    {
        var q = Single("tens of thousands of troops");

        Assert.Equal(20_000m, q.Low);
        Assert.Equal(99_999m, q.High);
        Assert.True(q.Vague);
        Assert.Equal("troops", q.Unit);
    }

    [Fact]
    public void Percent_written_as_a_word_is_a_share()
    {
        var q = Single("82 percent oppose");

        Assert.Equal(82m, q.Value);
        Assert.Equal(Units.Percent, q.Unit);
        Assert.Equal("oppose", q.Label);
    }

    [Fact]
    public void Billions_and_thousands_scale_the_number()
    {
        Assert.Equal(1_500_000_000m, Single("$1.5bn").Value);
        Assert.Equal(10_000m, Single("10k troops").Value);
    }

    [Fact]
    public void The_phrase_is_read_case_insensitively_but_kept_as_written()
    {
        var q = Single("About 10,000 Troops");

        Assert.Equal(10_000m, q.Value);
        Assert.True(q.Approximate);
        Assert.Equal("troops", q.Unit);
        Assert.Equal("About 10,000 Troops", q.Text);
    }

    [Theory]
    [InlineData("100000000000000000000000000000 troops")]
    [InlineData("$79,228,162,514,264,337,593,543,950,336 per year")]
    [InlineData("20,000 billion dollars")]
    [InlineData("$2,000 per soldier per month × 100000000000000000000000000000 soldiers")]
    public void A_number_too_large_to_compare_is_refused_not_overflowed(string phrase)
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse(phrase));

        Assert.Contains("is too large (figures go up to 10,000,000,000,000)", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_figures_still_compare_per_year_without_overflow()
    {
        var figure = FigureParser.Parse("$10,000 billion per soldier per day × 10000000000000 soldiers");

        Assert.Equal(FigureParser.MaxNumber * FigureParser.MaxNumber * 365, FigureComparison.Normalize(figure.Parts[0]).Value);
    }

    [Fact]
    public void An_empty_figure_is_refused_as_empty()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse(""));

        Assert.Equal("", e.Figure);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void A_figure_of_only_semicolons_and_spaces_is_refused_as_empty()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse(" ; ; "));

        Assert.Contains("empty", e.Reason);
    }

    [Fact]
    public void Digits_of_other_scripts_are_not_amounts()
    {
        // Regex's \d matches any Unicode digit, which decimal parsing then refused as "too large"; amounts are ASCII.
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse("\u0661\u0662\u0663 troops"));

        Assert.Contains("no amount in", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too large", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_noun_without_an_amount_is_refused_with_examples_of_amounts()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse("troops"));

        Assert.Equal("troops", e.Figure);
        Assert.Contains("no amount in \"troops\"", e.Message);
        Assert.Contains("10,000", e.Message);
        Assert.StartsWith("Figure \"troops\":", e.Message);
    }

    [Fact]
    public void A_number_without_a_noun_is_refused_because_it_does_not_say_of_what()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse("10,000"));

        Assert.Contains("\"10,000\" says how many but not of what", e.Message);
    }

    [Fact]
    public void A_multiplier_on_an_amount_that_is_not_a_per_unit_rate_is_refused()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse("$5 × 3 soldiers"));

        Assert.Contains("multiplies an amount that is not a per-unit rate", e.Message);
        Assert.Contains("$5 × 3 soldiers", e.Message);
    }

    [Fact]
    public void A_bad_as_of_date_is_refused_as_not_an_iso_date()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse("500 killed as of 2024-13"));

        Assert.Contains("\"2024-13\" is not an ISO date", e.Message);
    }

    [Fact]
    public void A_bad_part_after_a_good_one_names_the_whole_figure()
    {
        var e = Assert.Throws<FigureFormatException>(() => FigureParser.Parse("13% support; oppose"));

        Assert.Equal("13% support; oppose", e.Figure);
        Assert.Contains("no amount in \"oppose\"", e.Message);
    }

    [Fact]
    public void Parse_optional_returns_null_for_blank_text()
    {
        Assert.Null(Figure.ParseOptional(null));
        Assert.Null(Figure.ParseOptional("   "));
        Assert.NotNull(Figure.ParseOptional("500 killed"));
    }

    [Theory]
    [InlineData("about 10,000 troops", "≈10,000")]
    [InlineData("$2,000 per soldier per month × 10,000 soldiers", "$2,000")]
    [InlineData("$200m a year", "$200M")]
    [InlineData("82% oppose", "82%")]
    [InlineData("majority oppose", "50%–100%")]
    [InlineData("more than 500 killed", "> 500")]
    [InlineData("up to 100 troops", "< 100")]
    [InlineData("thousands of troops", "2,000–99,999")]
    public void An_amount_formats_compactly(string text, string expected)
    {
        Assert.Equal(expected, Single(text).FormatAmount());
    }
}
