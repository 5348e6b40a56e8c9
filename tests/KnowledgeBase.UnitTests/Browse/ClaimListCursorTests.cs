using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Browse;

public sealed class ClaimListCursorTests
{
    [Theory]
    [InlineData(ClaimSort.Newest)]
    [InlineData(ClaimSort.Oldest)]
    public void An_id_order_cursor_carries_the_last_id(ClaimSort sort)
    {
        var cursor = ClaimListCursor.Encode(sort, new ClaimListKey(AgreementFlag.Partial, 42));

        Assert.Equal(Cursor.Encode(42), cursor);
        Assert.True(ClaimListCursor.TryDecode(sort, cursor, out var key));
        Assert.Equal(42, key!.Id);
    }

    [Fact]
    public void An_agreement_order_cursor_carries_the_last_flag_and_id()
    {
        var cursor = ClaimListCursor.Encode(ClaimSort.Agreement, new ClaimListKey(AgreementFlag.SingleSource, 7));

        Assert.True(ClaimListCursor.TryDecode(ClaimSort.Agreement, cursor, out var key));
        Assert.Equal(new ClaimListKey(AgreementFlag.SingleSource, 7), key);
    }

    [Fact]
    public void A_cursor_made_for_one_kind_of_order_is_refused_by_the_other()
    {
        var idCursor = ClaimListCursor.Encode(ClaimSort.Newest, new ClaimListKey(AgreementFlag.Agree, 3));
        var agreementCursor = ClaimListCursor.Encode(ClaimSort.Agreement, new ClaimListKey(AgreementFlag.Agree, 3));

        Assert.False(ClaimListCursor.TryDecode(ClaimSort.Agreement, idCursor, out _));
        Assert.False(ClaimListCursor.TryDecode(ClaimSort.Newest, agreementCursor, out _));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Garbage_is_refused(string cursor)
    {
        Assert.False(ClaimListCursor.TryDecode(ClaimSort.Agreement, cursor, out _));
        Assert.False(ClaimListCursor.TryDecode(ClaimSort.Newest, cursor, out _));
    }

    [Theory]
    [InlineData("bogus", "3")]
    [InlineData("agree", "0")]
    [InlineData("agree", "-3")]
    [InlineData("agree", "x")]
    public void An_agreement_cursor_with_an_unknown_flag_or_a_bad_id_is_refused(string flag, string id) =>
        Assert.False(ClaimListCursor.TryDecode(ClaimSort.Agreement, Cursor.Encode(flag, id), out _));
}
