using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class AsOfParserTests
{
    private static (string From, string To, string Words, bool IsDefault) Parse(string text, string published)
    {
        var asOf = AsOfParser.Propose(text, published);
        return (asOf.From.ToString("yyyy-MM-dd"), asOf.To.ToString("yyyy-MM-dd"), asOf.Words, asOf.IsDefault);
    }

    [Theory]
    [InlineData("In October 2024, an estimated 8,000 North Korean soldiers were reported", "2024-12-05", "2024-10-01", "2024-10-31", "In October 2024")]
    [InlineData("Yoon confirmed this position on November 7 by saying", "2024-11", "2024-11-07", "2024-11-07", "on November 7")]
    [InlineData("the two leaders spoke on 7 November", "2024-12-05", "2024-11-07", "2024-11-07", "on 7 November")]
    [InlineData("As US officials predicted in late October, North Korean troops", "2024-11", "2024-10-21", "2024-10-31", "late October")]
    [InlineData("Washington estimates that, so far, North Korea has sent approximately 10,000 troops", "2024-11", "2024-11-01", "2024-11-30", "so far")]
    [InlineData("financial contributions totaling $394 million so far this year", "2024-11", "2024-01-01", "2024-11-30", "so far this year")]
    [InlineData("providing more of these shells last year than all European countries combined", "2024-11", "2023-01-01", "2023-12-31", "last year")]
    [InlineData("The Russia–Ukraine war since 2022 has a profound impact", "2024-12-05", "2022-01-01", "2024-12-05", "since 2022")]
    [InlineData("thousands of North Korean troops are reported to have been currently deployed in Russia", "2024-12-05", "2024-12-05", "2024-12-05", "currently")]
    [InlineData("the talks of last month", "2024-12-05", "2024-11-01", "2024-11-30", "last month")]
    [InlineData("an agreement signed in December", "2024-11", "2023-12-01", "2023-12-31", "in December")]
    public void A_time_in_the_words_is_proposed_with_those_words(string text, string published, string from, string to, string words) =>
        Assert.Equal((from, to, words, false), Parse(text, published));

    [Theory]
    [InlineData("South Korea's response has been calculated", "2024-12-05", "2024-12-05", "2024-12-05")]
    [InlineData("we are not ruling out the possibility of providing weapons", "2024-11", "2024-11-01", "2024-11-30")]
    [InlineData("North Korean soldiers may have been assigned", "2024", "2024-01-01", "2024-12-31")]
    public void Without_a_time_the_publication_date_is_the_default_and_says_so(string text, string published, string from, string to) =>
        Assert.Equal((from, to, "", true), Parse(text, published));

    [Fact]
    public void A_time_is_described_as_a_reader_reads_it()
    {
        Assert.Equal("7 November 2024", AsOfParser.Propose("on November 7", "2024-11").Describe());
        Assert.Equal("October 2024", AsOfParser.Propose("In October 2024", "2024-12-05").Describe());
        Assert.Equal("2023", AsOfParser.Propose("last year", "2024-11").Describe());
        Assert.Equal("1 January–30 November 2024", AsOfParser.Propose("so far this year", "2024-11").Describe());
    }

    [Fact]
    public void Times_overlap_only_when_their_periods_share_a_day()
    {
        var november = AsOf.Published("2024-11");
        Assert.True(november.Overlaps(AsOf.Published("2024-11-04")));
        Assert.False(november.Overlaps(AsOf.Published("2024-12-05")));
    }

    [Fact]
    public void A_publication_date_that_is_not_a_date_is_refused() =>
        Assert.Throws<FormatException>(() => AsOf.Published("November 2024"));
}
