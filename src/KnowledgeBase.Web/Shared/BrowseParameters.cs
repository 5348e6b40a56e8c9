using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Web.Shared;

/// <summary>How the all-claims list is ordered; each order is a keyset walk over an index.</summary>
public enum ClaimSort
{
    /// <summary>By id, descending (claims.id primary key, walked backwards).</summary>
    Newest,

    /// <summary>By id, ascending.</summary>
    Oldest,

    /// <summary>Most contested first (conflict, partial, agree, single source), then by id: the (agreement, id) index, flag by flag.</summary>
    Agreement,
}

/// <summary>The all-claims list's filters, order and page size, as its query string carries them.</summary>
public sealed record ClaimListFilter(
    AgreementFlag? Flag = null,
    string? Topic = null,
    string? Source = null,
    ClaimSort Sort = ClaimSort.Newest,
    int Size = BrowseParameters.DefaultSize,
    bool SingleRoot = false);

/// <summary>A topic page's filters and page size.</summary>
public sealed record TopicFilter(AgreementFlag? Flag = null, string? Source = null, int Size = BrowseParameters.DefaultSize)
{
    public bool IsEmpty => Flag is null && Source is null;
}

/// <summary>
/// Parsing of the browsing pages' query parameters. An absent or empty value means "no filter" (a GET form sends
/// "flag=" for "all"); anything else must be a value this site offers, or the request is the client's error.
/// </summary>
public static class BrowseParameters
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>The order flags are listed and sorted in: the most contested first.</summary>
    public static readonly IReadOnlyList<AgreementFlag> FlagOrder =
        [AgreementFlag.Conflict, AgreementFlag.Timeline, AgreementFlag.Partial, AgreementFlag.Agree, AgreementFlag.SingleSource];

    public static bool TryParseFlag(string? value, out AgreementFlag? flag, out string error)
    {
        flag = null;
        error = "";
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (EnumSlugs.TryParse<AgreementFlag>(value, out var parsed))
        {
            flag = parsed;
            return true;
        }
        error = $"There is no agreement flag “{Shorten(value)}”. Use one of: {string.Join(", ", FlagOrder.Select(f => f.ToSlug()))}.";
        return false;
    }

    /// <summary>The roots filter's one value: claims whose documents rest on a single independent root.</summary>
    public const string SingleRoot = "single";

    public static bool TryParseRoots(string? value, out bool singleRoot, out string error)
    {
        singleRoot = value == SingleRoot;
        error = string.IsNullOrEmpty(value) || singleRoot
            ? ""
            : $"The roots filter “{Shorten(value)}” is not one this site offers. Use “{SingleRoot}” (claims whose documents rest on one independent root) or leave it out.";
        return error.Length == 0;
    }

    public static bool TryParseSize(string? value, out int size, out string error)
    {
        size = DefaultSize;
        error = "";
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= MaxSize)
        {
            size = parsed;
            return true;
        }
        error = $"The page size “{Shorten(value)}” is not a whole number from 1 to {MaxSize}.";
        return false;
    }

    public static bool TryParseSort(string? value, out ClaimSort sort, out string error)
    {
        sort = ClaimSort.Newest;
        error = "";
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (EnumSlugs.TryParse(value, out sort))
        {
            return true;
        }
        error = $"There is no sort order “{Shorten(value)}”. Use one of: {string.Join(", ", Enum.GetValues<ClaimSort>().Select(s => s.ToSlug()))}.";
        return false;
    }

    public static string ToLabel(this ClaimSort sort) => sort switch
    {
        ClaimSort.Newest => "Newest first",
        ClaimSort.Oldest => "Oldest first",
        ClaimSort.Agreement => "Most contested first",
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    /// <summary>Echoes a bad value back without letting a long one swamp the message.</summary>
    public static string Shorten(string value) => TextValues.Shorten(value, 40);
}
