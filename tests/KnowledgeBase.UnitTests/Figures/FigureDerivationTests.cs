using KnowledgeBase.Core.Figures;

namespace KnowledgeBase.UnitTests.Figures;

public sealed class FigureDerivationTests
{
    private static Quantity Q(string text) => Assert.Single(FigureParser.Parse(text).Parts);

    [Fact]
    public void Shares_are_compared_in_percentage_points()
    {
        var result = FigureComparison.Compare(Q("82% oppose"), Q("two-thirds oppose"));

        Assert.Equal(15.3m, result.PercentagePoints);
        Assert.Equal("15.3 percentage points", result.DescribeGap());
    }

    [Fact]
    public void Amounts_other_than_shares_keep_their_relative_difference()
    {
        var result = FigureComparison.Compare(Q("$20 million per month"), Q("$200m a year"));

        Assert.Null(result.PercentagePoints);
        Assert.Equal("17%", result.DescribeGap());
    }

    [Fact]
    public void A_multiplied_phrase_is_derived_and_a_stated_one_is_not()
    {
        Assert.False(Figure.Parse("$2,000 per soldier per month × 10,000 soldiers").IsAsStated);
        Assert.True(Figure.Parse("$2,000 per soldier per month; $20 million each month").IsAsStated);
    }

    [Fact]
    public void A_derivation_multiplies_a_stated_rate_by_a_count_and_says_where_each_comes_from()
    {
        var derivation = new FigureDerivation(
            new DerivationInput(Q("$2,000 per soldier per month"), new FigureOrigin(FigureOriginKind.ThisQuote, "USIP")),
            new DerivationInput(Q("approximately 10,000 troops"), new FigureOrigin(FigureOriginKind.OtherCitation, "USIP", "troops-sent-to-russia", "Washington estimates")));

        Assert.Equal(240_000_000m, FigureComparison.Normalize(derivation.Result).Value);
        Assert.Equal(
            "$2,000 per soldier per month (USIP, this quote) × approximately 10,000 troops (USIP, claim troops-sent-to-russia, Washington estimates): $2,000 × 10,000 × 12 = $240M a year",
            derivation.Describe());
    }

    [Fact]
    public void A_derivation_needs_a_rate_and_a_count()
    {
        var origin = new FigureOrigin(FigureOriginKind.ThisQuote, "USIP");

        Assert.Throws<ArgumentException>(() => new FigureDerivation(new DerivationInput(Q("$20 million per month"), origin), new DerivationInput(Q("10,000 troops"), origin)));
        Assert.Throws<ArgumentException>(() => new FigureDerivation(new DerivationInput(Q("$2,000 per soldier per month"), origin), new DerivationInput(Q("$394 million"), origin)));
    }
}
