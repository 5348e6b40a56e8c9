using System.Globalization;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// An as-of time as seed files, the API and the editor write it: a partial ISO date ("2024", "2024-10",
/// "2024-11-07") or a period of two joined by a slash ("2024-01/2024-11"). Writing gives the shortest form of the
/// period, so text written by <see cref="Write"/> reads back to the same days and is written again the same.
/// </summary>
public static class AsOfText
{
    public const string Example = "2024-10, 2024-11-07 or 2024-01/2024-11";

    public static bool TryParse(string? text, out DateOnly from, out DateOnly to)
    {
        (from, to) = (default, default);
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length > 2 || parts.Any(p => !PartialDate.IsValid(p.Trim())))
        {
            return false;
        }
        (from, _) = AsOf.Period(parts[0]);
        (_, to) = AsOf.Period(parts[^1]);
        return from <= to;
    }

    /// <summary>Text as <see cref="Write"/> would give it when it parses; otherwise trimmed, or null when blank.</summary>
    public static string? Canonical(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : TryParse(text, out var from, out var to) ? Write(from, to) : text.Trim();

    /// <summary>One partial date when the period is a whole day, month or year; else its two ends, each as short as it can be.</summary>
    public static string Write(DateOnly from, DateOnly to)
    {
        var ci = CultureInfo.InvariantCulture;
        if (from.DayOfYear == 1 && to.AddDays(1).DayOfYear == 1)
        {
            return from.Year == to.Year ? from.ToString("yyyy", ci) : $"{from.ToString("yyyy", ci)}/{to.ToString("yyyy", ci)}";
        }
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            return from.Year == to.Year && from.Month == to.Month ? from.ToString("yyyy-MM", ci) : $"{from.ToString("yyyy-MM", ci)}/{to.ToString("yyyy-MM", ci)}";
        }
        return from == to ? from.ToString("yyyy-MM-dd", ci) : $"{from.ToString("yyyy-MM-dd", ci)}/{to.ToString("yyyy-MM-dd", ci)}";
    }
}
