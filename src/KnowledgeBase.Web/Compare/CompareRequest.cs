using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Compare;

/// <summary>How the shared claims are ordered.</summary>
public enum CompareSort
{
    /// <summary>Disagreements first: conflicts, then partial, then agree; within a flag, in the left document's order.</summary>
    Flag,

    /// <summary>In the order the left document makes them.</summary>
    Left,

    /// <summary>In the order the right document makes them.</summary>
    Right,
}

public static class CompareSortText
{
    /// <summary>The same order seen from the other side: swapping the documents turns "left" into "right".</summary>
    public static CompareSort Swapped(this CompareSort sort) => sort switch
    {
        CompareSort.Left => CompareSort.Right,
        CompareSort.Right => CompareSort.Left,
        _ => sort,
    };
}

/// <summary>
/// A keyset position in one of the compare page's lists: two sort keys and the claim id of the last row shown.
/// The list it belongs to travels in the token, so a cursor pasted into another list (or another order) is refused.
/// </summary>
public sealed record CompareCursor(string List, int Key1, int Key2, long ClaimId)
{
    public const string OnlyLeft = "only-left";
    public const string OnlyRight = "only-right";

    public static string SharedList(CompareSort sort) => "shared-" + sort.ToSlug();

    public string Encode() => Cursor.Encode(
        List,
        Key1.ToString(CultureInfo.InvariantCulture),
        Key2.ToString(CultureInfo.InvariantCulture),
        ClaimId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The cursor, or null when the token is not one this page wrote for <paramref name="list"/>.</summary>
    public static CompareCursor? Decode(string? token, string list)
    {
        if (Cursor.Decode(token, 4) is not [var tokenList, var k1, var k2, var id] || tokenList != list)
        {
            return null;
        }
        return int.TryParse(k1, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key1)
            && int.TryParse(k2, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key2)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var claimId)
            && claimId > 0
                ? new CompareCursor(list, key1, key2, claimId)
                : null;
    }
}

/// <summary>The compare page's query string, validated: either a request or the reason it makes no sense.</summary>
public sealed record CompareRequest(
    string? Left,
    string? Right,
    AgreementFlag? Flag,
    CompareSort Sort,
    CompareCursor? After,
    CompareCursor? LeftAfter,
    CompareCursor? RightAfter)
{
    public const int MaxSlugLength = 120;

    /// <summary>True when both documents are named: the page compares; otherwise it offers the picker.</summary>
    public bool HasPair => Left is not null && Right is not null;

    public static CompareRequest Parse(
        string? left, string? right, string? flag, string? sort, string? after, string? leftAfter, string? rightAfter, out string? error)
    {
        error = null;
        left = TextValues.Blank(left);
        right = TextValues.Blank(right);
        if (left is not null && !IsSlug(left))
        {
            error = $"“{TextValues.Shorten(left, 60)}” is not a document identifier: they are lowercase words joined by hyphens, such as usip-2024-seoul-response.";
        }
        else if (right is not null && !IsSlug(right))
        {
            error = $"“{TextValues.Shorten(right, 60)}” is not a document identifier: they are lowercase words joined by hyphens, such as usip-2024-seoul-response.";
        }
        else if (left is not null && left == right)
        {
            error = "Both sides name the same document. Pick two different documents to compare.";
        }

        AgreementFlag? parsedFlag = null;
        if (error is null && TextValues.Blank(flag) is { } f)
        {
            if (EnumSlugs.TryParse<AgreementFlag>(f, out var value))
            {
                parsedFlag = value;
            }
            else
            {
                error = $"“{TextValues.Shorten(f, 60)}” is not an agreement flag. Use one of: {string.Join(", ", Enum.GetValues<AgreementFlag>().Select(x => x.ToSlug()))}.";
            }
        }

        var parsedSort = CompareSort.Flag;
        if (error is null && TextValues.Blank(sort) is { } s && !EnumSlugs.TryParse<CompareSort>(s, out parsedSort))
        {
            error = $"“{TextValues.Shorten(s, 60)}” is not an order for this page. Use one of: {string.Join(", ", Enum.GetValues<CompareSort>().Select(x => x.ToSlug()))}.";
        }

        CompareCursor? afterCursor = null, leftCursor = null, rightCursor = null;
        if (error is null)
        {
            afterCursor = DecodeCursor(after, CompareCursor.SharedList(parsedSort), "shared claims", ref error);
            leftCursor = DecodeCursor(leftAfter, CompareCursor.OnlyLeft, "claims only the left document makes", ref error);
            rightCursor = DecodeCursor(rightAfter, CompareCursor.OnlyRight, "claims only the right document makes", ref error);
        }

        return new CompareRequest(left, right, parsedFlag, parsedSort, afterCursor, leftCursor, rightCursor);
    }

    private static CompareCursor? DecodeCursor(string? token, string list, string what, ref string? error)
    {
        if (error is not null || TextValues.Blank(token) is not { } t)
        {
            return null;
        }
        var cursor = CompareCursor.Decode(t, list);
        if (cursor is null)
        {
            error = $"The page cursor for the {what} is not one this page made for this order. Start again from the first page of the comparison.";
        }
        return cursor;
    }

    public static bool IsSlug(string value) => value.Length <= MaxSlugLength && FieldRules.IsSlug(value);
}
