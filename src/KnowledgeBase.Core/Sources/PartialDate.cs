using System.Globalization;

namespace KnowledgeBase.Core.Sources;

/// <summary>ISO 8601 dates that may stop at the year or month ("2022", "2024-11", "2024-12-05"), as sources print them.</summary>
public static class PartialDate
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    public static bool IsValid(string? value) =>
        value is not null && DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>"5 December 2024", "November 2024", "2022".</summary>
    public static string Format(string? value)
    {
        if (value is null || !DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return value ?? "";
        }
        var ci = CultureInfo.InvariantCulture;
        return value.Length switch
        {
            10 => date.ToString("d MMMM yyyy", ci),
            7 => date.ToString("MMMM yyyy", ci),
            _ => date.ToString("yyyy", ci),
        };
    }
}
