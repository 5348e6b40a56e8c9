using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Compare;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class CompareRequestTests
{
    private static CompareRequest Parse(
        string? left = Seed.Usip.Slug, string? right = Seed.MpIdsa.Slug, string? flag = null,
        string? sort = null, string? after = null, string? leftAfter = null, string? rightAfter = null) =>
        CompareRequest.Parse(left, right, flag, sort, after, leftAfter, rightAfter, out _);

    private static string? Error(
        string? left = Seed.Usip.Slug, string? right = Seed.MpIdsa.Slug, string? flag = null,
        string? sort = null, string? after = null, string? leftAfter = null, string? rightAfter = null)
    {
        CompareRequest.Parse(left, right, flag, sort, after, leftAfter, rightAfter, out var error);
        return error;
    }

    [Fact]
    public void Two_slugs_make_a_pair_ordered_disagreements_first_and_unfiltered()
    {
        var request = Parse();

        Assert.Null(Error());
        Assert.True(request.HasPair);
        Assert.Equal(Seed.Usip.Slug, request.Left);
        Assert.Equal(Seed.MpIdsa.Slug, request.Right);
        Assert.Equal(CompareSort.Flag, request.Sort);
        Assert.Null(request.Flag);
        Assert.Null(request.After);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(Seed.Usip.Slug, null)]
    [InlineData(null, Seed.MpIdsa.Slug)]
    [InlineData("", "  ")]
    public void Fewer_than_two_documents_is_not_an_error_but_not_a_pair(string? left, string? right)
    {
        Assert.Null(Error(left, right));
        Assert.False(Parse(left, right).HasPair);
    }

    [Theory]
    [InlineData("agree", AgreementFlag.Agree)]
    [InlineData("partial", AgreementFlag.Partial)]
    [InlineData("conflict", AgreementFlag.Conflict)]
    [InlineData("single-source", AgreementFlag.SingleSource)]
    [InlineData("CONFLICT", AgreementFlag.Conflict)]
    public void Flags_parse_from_their_slugs(string value, AgreementFlag flag) => Assert.Equal(flag, Parse(flag: value).Flag);

    [Theory]
    [InlineData("flag", CompareSort.Flag)]
    [InlineData("left", CompareSort.Left)]
    [InlineData("right", CompareSort.Right)]
    [InlineData("", CompareSort.Flag)]
    public void Orders_parse_from_their_slugs(string value, CompareSort sort) => Assert.Equal(sort, Parse(sort: value).Sort);

    [Theory]
    [InlineData("USIP 2024", Seed.MpIdsa.Slug, "is not a document identifier")]
    [InlineData(Seed.Usip.Slug, "../etc/passwd", "is not a document identifier")]
    [InlineData(Seed.Usip.Slug, Seed.Usip.Slug, "same document")]
    public void Malformed_or_repeated_slugs_are_refused_with_a_reason(string left, string right, string expected) =>
        Assert.Contains(expected, Error(left, right));

    [Fact]
    public void An_overlong_slug_is_refused_and_not_echoed_in_full()
    {
        var error = Error(left: new string('a', 500));

        Assert.Contains("is not a document identifier", error);
        Assert.True(error!.Length < 300);
    }

    [Fact]
    public void An_unknown_flag_names_the_valid_ones() =>
        Assert.Equal("“maybe” is not an agreement flag. Use one of: single-source, agree, partial, conflict, timeline.", Error(flag: "maybe"));

    [Fact]
    public void An_unknown_order_names_the_valid_ones() =>
        Assert.Equal("“sideways” is not an order for this page. Use one of: flag, left, right.", Error(sort: "sideways"));

    [Fact]
    public void A_cursor_round_trips_through_its_token()
    {
        var cursor = new CompareCursor(CompareCursor.SharedList(CompareSort.Left), 1234, 987, 42);

        var request = Parse(sort: "left", after: cursor.Encode());

        Assert.Equal(cursor, request.After);
    }

    [Fact]
    public void Each_list_reads_its_own_cursor()
    {
        var left = new CompareCursor(CompareCursor.OnlyLeft, 10, 0, 3);
        var right = new CompareCursor(CompareCursor.OnlyRight, 20, 0, 4);

        var request = Parse(leftAfter: left.Encode(), rightAfter: right.Encode());

        Assert.Null(request.After);
        Assert.Equal(left, request.LeftAfter);
        Assert.Equal(right, request.RightAfter);
    }

    [Fact]
    public void A_cursor_made_for_another_order_or_list_is_refused()
    {
        var byFlag = new CompareCursor(CompareCursor.SharedList(CompareSort.Flag), 1, 500, 7).Encode();
        var onlyLeft = new CompareCursor(CompareCursor.OnlyLeft, 500, 0, 7).Encode();

        Assert.Contains("page cursor", Error(sort: "left", after: byFlag));
        Assert.Contains("page cursor", Error(after: onlyLeft));
        Assert.Contains("page cursor", Error(rightAfter: onlyLeft));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("%%%")]
    [InlineData("MTI")]
    public void A_token_that_is_not_a_cursor_is_refused(string token)
    {
        Assert.Contains("page cursor for the shared claims", Error(after: token));
        Assert.Contains("page cursor for the claims only the left document makes", Error(leftAfter: token));
    }

    [Fact]
    public void A_cursor_with_a_non_positive_id_or_non_numeric_key_is_refused()
    {
        Assert.Contains("page cursor", Error(after: Cursor.Encode("shared-flag", "1", "2", "0")));
        Assert.Contains("page cursor", Error(after: Cursor.Encode("shared-flag", "x", "2", "5")));
    }

    [Fact]
    public void Swapping_sides_keeps_the_same_documents_order()
    {
        Assert.Equal(CompareSort.Right, CompareSort.Left.Swapped());
        Assert.Equal(CompareSort.Left, CompareSort.Right.Swapped());
        Assert.Equal(CompareSort.Flag, CompareSort.Flag.Swapped());
    }
}
