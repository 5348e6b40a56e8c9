using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Browse;

public sealed class BrowseParametersTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_absent_or_empty_flag_means_no_filter(string? value)
    {
        Assert.True(BrowseParameters.TryParseFlag(value, out var flag, out var error));
        Assert.Null(flag);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("agree", AgreementFlag.Agree)]
    [InlineData("partial", AgreementFlag.Partial)]
    [InlineData("conflict", AgreementFlag.Conflict)]
    [InlineData("single-source", AgreementFlag.SingleSource)]
    [InlineData("Single-Source", AgreementFlag.SingleSource)]
    public void A_flag_is_its_slug(string value, AgreementFlag expected)
    {
        Assert.True(BrowseParameters.TryParseFlag(value, out var flag, out _));
        Assert.Equal(expected, flag);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("SingleSource")]
    [InlineData("0")]
    public void An_unknown_flag_is_refused_with_the_choices(string value)
    {
        Assert.False(BrowseParameters.TryParseFlag(value, out _, out var error));
        Assert.Contains(value, error);
        Assert.Contains("conflict, timeline, partial, agree, single-source", error);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData("", 20)]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("100", 100)]
    public void The_page_size_defaults_to_20_and_may_be_1_to_100(string? value, int expected)
    {
        Assert.True(BrowseParameters.TryParseSize(value, out var size, out _));
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("5.0")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void Any_other_page_size_is_refused(string value)
    {
        Assert.False(BrowseParameters.TryParseSize(value, out _, out var error));
        Assert.Contains("1 to 100", error);
    }

    [Theory]
    [InlineData(null, ClaimSort.Newest)]
    [InlineData("", ClaimSort.Newest)]
    [InlineData("newest", ClaimSort.Newest)]
    [InlineData("oldest", ClaimSort.Oldest)]
    [InlineData("agreement", ClaimSort.Agreement)]
    public void Sort_orders_are_named_by_their_slugs(string? value, ClaimSort expected)
    {
        Assert.True(BrowseParameters.TryParseSort(value, out var sort, out _));
        Assert.Equal(expected, sort);
    }

    [Fact]
    public void An_unknown_sort_is_refused_and_a_long_value_is_not_echoed_whole()
    {
        var value = new string('x', 500);

        Assert.False(BrowseParameters.TryParseSort(value, out _, out var error));

        Assert.Contains("newest, oldest, agreement", error);
        Assert.True(error.Length < 200, error);
    }

    [Fact]
    public void Flags_are_listed_most_contested_first_and_all_of_them()
    {
        Assert.Equal([AgreementFlag.Conflict, AgreementFlag.Timeline, AgreementFlag.Partial, AgreementFlag.Agree, AgreementFlag.SingleSource], BrowseParameters.FlagOrder);
        Assert.Equal(Enum.GetValues<AgreementFlag>().Length, BrowseParameters.FlagOrder.Count);
    }
}
