using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Search;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Search;

public sealed class SearchRequestTests
{
    [Fact]
    public void A_plain_search_parses_with_no_filters_and_no_error()
    {
        var request = SearchRequest.Parse("  Kursk   troops ", null, "", " ", null);

        Assert.Equal("Kursk troops", request.Text);
        Assert.False(request.IsEmpty);
        Assert.False(request.HasFilters);
        Assert.Null(request.Error);
    }

    [Theory]
    [InlineData("Kursk\0", "Kursk")]
    [InlineData("\u0002Kursk\u0003 region", "Kursk region")]
    [InlineData("a\tb\r\nc", "a b c")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalizing_drops_control_characters_and_collapses_white_space(string? q, string expected)
    {
        Assert.Equal(expected, SearchRequest.Normalize(q));
    }

    [Fact]
    public void Filters_are_kept_and_the_flag_is_parsed_whatever_its_case()
    {
        var request = SearchRequest.Parse("Kursk", Seed.Topics.TroopDeployment, "Single-Source", Seed.Usip.Slug, null);

        Assert.Equal(Seed.Topics.TroopDeployment, request.Topic);
        Assert.Equal(AgreementFlag.SingleSource, request.Flag);
        Assert.Equal(Seed.Usip.Slug, request.Source);
        Assert.True(request.HasFilters);
        Assert.Null(request.Error);
    }

    [Fact]
    public void An_unknown_flag_is_an_error_that_lists_the_valid_values()
    {
        var request = SearchRequest.Parse("Kursk", null, "mostly", null, null);

        Assert.Contains("'mostly' is not an agreement flag", request.Error);
        Assert.Contains("single-source, agree, partial, conflict", request.Error);
    }

    [Fact]
    public void A_query_over_200_characters_is_an_error_and_200_is_fine()
    {
        Assert.Null(SearchRequest.Parse(new string('x', 200), null, null, null, null).Error);
        Assert.Contains("limited to 200", SearchRequest.Parse(new string('x', 201), null, null, null, null).Error);
    }

    [Fact]
    public void A_cursor_round_trips_its_rank_exactly()
    {
        var cursor = new SearchCursor(0.060792707f, 53);

        var request = SearchRequest.Parse("poll", null, null, null, cursor.Encode());

        Assert.Null(request.Error);
        Assert.Equal(cursor, request.After);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    public void A_malformed_cursor_is_an_error(string after)
    {
        Assert.Contains("page cursor", SearchRequest.Parse("poll", null, null, null, after).Error);
    }

    [Fact]
    public void Cursors_with_the_wrong_shape_or_values_are_refused()
    {
        Assert.False(SearchCursor.TryDecode(Cursor.Encode(12), out _));
        Assert.False(SearchCursor.TryDecode(Cursor.Encode("NaN", "3"), out _));
        Assert.False(SearchCursor.TryDecode(Cursor.Encode("0.5", "-3"), out _));
        Assert.False(SearchCursor.TryDecode(Cursor.Encode("0.5", "x"), out _));
        Assert.True(SearchCursor.TryDecode(Cursor.Encode("0.5", "3"), out var ok));
        Assert.Equal(new SearchCursor(0.5f, 3), ok);
    }
}
