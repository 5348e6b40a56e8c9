using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Search;

/// <summary>Where the previous page ended: its last result's rank and claim id.</summary>
public readonly record struct SearchCursor(float Rank, long Id)
{
    public string Encode() => Cursor.Encode(Rank.ToString("R", CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture));

    public static bool TryDecode(string? text, out SearchCursor cursor)
    {
        cursor = default;
        if (Cursor.Decode(text, 2) is not [var rank, var id]
            || !float.TryParse(rank, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            || !float.IsFinite(r)
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            || i <= 0)
        {
            return false;
        }
        cursor = new SearchCursor(r, i);
        return true;
    }
}

/// <summary>
/// The search page's query parameters, checked: the text (normalized), the filters (still slugs for topic and
/// source, which only the database can check) and the cursor. <see cref="Error"/> says what is wrong, if anything.
/// </summary>
public sealed record SearchRequest(string Text, string? Topic, AgreementFlag? Flag, string? Source, SearchCursor? After, string? Error)
{
    public const int MaxLength = 200;

    public bool IsEmpty => Text.Length == 0;

    public bool HasFilters => Topic is not null || Flag is not null || Source is not null;

    public static SearchRequest Parse(string? q, string? topic, string? flag, string? source, string? after)
    {
        var text = Normalize(q);
        var empty = new SearchRequest(text, TextValues.Blank(topic), null, TextValues.Blank(source), null, null);
        if (text.Length > MaxLength)
        {
            return empty with
            {
                Text = "",
                Error = $"The search text is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; searches are limited to {MaxLength.ToString(CultureInfo.InvariantCulture)}. Use fewer, more distinctive words.",
            };
        }
        AgreementFlag? parsedFlag = null;
        if (TextValues.Blank(flag) is { } flagText)
        {
            if (!EnumSlugs.TryParse<AgreementFlag>(flagText, out var f))
            {
                return empty with { Error = $"'{BrowseParameters.Shorten(flagText)}' is not an agreement flag. Use one of: {string.Join(", ", Enum.GetValues<AgreementFlag>().Select(x => x.ToSlug()))}." };
            }
            parsedFlag = f;
        }
        SearchCursor? cursor = null;
        if (after is not null)
        {
            if (!SearchCursor.TryDecode(after, out var c))
            {
                return empty with { Flag = parsedFlag, Error = "The page cursor in this address is not one this site made. Start again from the first page of results." };
            }
            cursor = c;
        }
        return empty with { Flag = parsedFlag, After = cursor };
    }

    /// <summary>
    /// Trims, collapses white space and drops control characters (PostgreSQL rejects NUL in text, and the
    /// highlighter uses two control characters as its own markers).
    /// </summary>
    public static string Normalize(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return "";
        }
        var builder = new StringBuilder(q.Length);
        var space = false;
        foreach (var ch in q.Trim())
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(ch);
        }
        return builder.ToString();
    }
}
