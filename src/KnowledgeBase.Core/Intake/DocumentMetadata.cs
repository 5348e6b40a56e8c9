using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Intake;

/// <summary>What a document says about itself; every field is a proposal the editor confirms. The first value found wins.</summary>
public sealed partial class DocumentMetadata
{
    public string? Title { get; set; }
    public List<string> Authors { get; } = [];
    public string? Publisher { get; set; }
    public string? ShortName { get; set; }
    public string? Kind { get; set; }

    /// <summary>A partial ISO date: "2024", "2024-11", "2024-12-05".</summary>
    public string? Published { get; set; }
    public string? Url { get; set; }

    public void OfferTitle(string? value) => Title ??= Clean(value);

    public void OfferPublisher(string? value) => Publisher ??= Clean(value);

    public void OfferShortName(string? value) => ShortName ??= Clean(value);

    public void OfferKind(string? value) => Kind ??= Clean(value)?.ToLowerInvariant();

    public void OfferPublished(string? value)
    {
        Published ??= Dates.Parse(value);
    }

    public void OfferUrl(string? value)
    {
        if (Url is null && Uri.TryCreate(Clean(value), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            Url = uri.ToString();
        }
    }

    /// <summary>Authors are taken from the first place that names any; a URL (OpenGraph's article:author) is no name.</summary>
    public void OfferAuthors(IEnumerable<string?> names)
    {
        if (Authors.Count > 0)
        {
            return;
        }
        foreach (var name in names.SelectMany(SplitNames))
        {
            if (!Authors.Contains(name, StringComparer.Ordinal))
            {
                Authors.Add(name);
            }
        }
    }

    /// <summary>"By Kim Arin and Lee Hyo-jin" → two names.</summary>
    private static IEnumerable<string> SplitNames(string? byline)
    {
        if (Clean(byline) is not { } text || text.Contains("://", StringComparison.Ordinal))
        {
            yield break;
        }
        text = ByPrefix().Replace(text, "");
        foreach (var part in NameSeparators().Split(text))
        {
            if (Clean(part) is { } name && name.Length <= 100)
            {
                yield return name;
            }
        }
    }

    internal static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var text = TextValues.Squeeze(value);
        return text.Length == 0 ? null : text;
    }

    /// <summary>The "By " a byline opens with.</summary>
    [GeneratedRegex(@"^\s*by\s+", RegexOptions.IgnoreCase)]
    internal static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,|;|\s+and\s+|\s*&\s*)\s*")]
    private static partial Regex NameSeparators();
}

/// <summary>Dates as pages print them, brought to a partial ISO date.</summary>
internal static partial class Dates
{
    /// <summary>A year a page is dated in: 1900 to 2099, so that other four-digit numbers are not taken for one.</summary>
    internal const string YearDigits = @"(?:19|20)\d{2}";

    private static readonly string[] FullFormats =
    [
        "yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "MMMM d, yyyy", "MMMM dd, yyyy", "MMMM d yyyy", "d MMM yyyy", "MMM d, yyyy",
        "MMM. d, yyyy", "yyyy/MM/dd",
    ];

    private static readonly string[] MonthFormats = ["MMMM yyyy", "MMM yyyy", "yyyy-MM"];

    /// <summary>"December 05, 2024" → "2024-12-05"; "2024-12-05T10:00:00+05:30" → "2024-12-05"; "November 2024" → "2024-11".</summary>
    public static string? Parse(string? value)
    {
        var text = DocumentMetadata.Clean(value)?.TrimEnd('.');
        if (text is null || text.Length > 40)
        {
            return null;
        }
        var ci = CultureInfo.InvariantCulture;
        if (IsoStart().Match(text) is { Success: true } iso
            && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", ci, DateTimeStyles.None, out var isoDate))
        {
            return isoDate.ToString("yyyy-MM-dd", ci);
        }
        if (DateOnly.TryParseExact(text, FullFormats, ci, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date.ToString("yyyy-MM-dd", ci);
        }
        if (DateOnly.TryParseExact(text, MonthFormats, ci, DateTimeStyles.AllowWhiteSpaces, out var month))
        {
            return month.ToString("yyyy-MM", ci);
        }
        return Year().IsMatch(text) ? text : null;
    }

    /// <summary>The first date a citation names ("…, The Korea Times, 20 November 2024."), else its year.</summary>
    public static string? FindIn(string text)
    {
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (Parse(m.Value) is { } date)
            {
                return date;
            }
        }
        return YearIn().Match(text) is { Success: true } y ? y.Value : null;
    }

    /// <summary>A URL's /yyyy/mm/ path, as news sites file their pieces: a month to propose when nothing else dates it.</summary>
    public static string? FromUrl(string? url) =>
        url is not null && UrlMonth().Match(url) is { Success: true } m ? $"{m.Groups[1].Value}-{m.Groups[2].Value}" : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?=$|T| )")]
    private static partial Regex IsoStart();

    [GeneratedRegex("^" + YearDigits + "$")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<!\d)" + YearDigits + @"(?!\d)")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"\b(?:\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex("/(" + YearDigits + ")/(0[1-9]|1[0-2])/")]
    private static partial Regex UrlMonth();
}
