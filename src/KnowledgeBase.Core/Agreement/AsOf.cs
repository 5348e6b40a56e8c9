using System.Globalization;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// The time a passage describes: a day or a period, from <see cref="From"/> to <see cref="To"/> inclusive, with the
/// words that say so ("In October 2024", "so far"). When the passage names no time, it is the document's publication
/// date and <see cref="IsDefault"/> is set, so pages can say the time is assumed, not stated.
/// </summary>
public sealed record AsOf(DateOnly From, DateOnly To, string Words, bool IsDefault = false)
{
    /// <summary>The default: the period a partial ISO publication date covers ("2024-11" is the whole of November).</summary>
    public static AsOf Published(string partialIsoDate)
    {
        var (from, to) = Period(partialIsoDate);
        return new AsOf(from, to, "", IsDefault: true);
    }

    /// <summary>The first and last day of a partial ISO date: "2024" a year, "2024-11" a month, "2024-12-05" a day.</summary>
    public static (DateOnly From, DateOnly To) Period(string partialIsoDate)
    {
        ArgumentNullException.ThrowIfNull(partialIsoDate);
        var text = partialIsoDate.Trim();
        if (!PartialDate.IsValid(text))
        {
            throw new FormatException($"\"{partialIsoDate}\" is not a date such as 2024, 2024-11 or 2024-12-05.");
        }
        var from = DateOnly.ParseExact(text, text.Length switch { 4 => "yyyy", 7 => "yyyy-MM", _ => "yyyy-MM-dd" }, CultureInfo.InvariantCulture);
        var to = text.Length switch { 4 => from.AddYears(1).AddDays(-1), 7 => from.AddMonths(1).AddDays(-1), _ => from };
        return (from, to);
    }

    /// <summary>Whether the two describe overlapping times: then they speak of the same moment and can contradict.</summary>
    public bool Overlaps(AsOf other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From <= other.To && other.From <= To;
    }

    /// <summary>"7 November 2024", "October 2024", "2023", "1 January–30 November 2024".</summary>
    public string Describe()
    {
        var ci = CultureInfo.InvariantCulture;
        if (From == To)
        {
            return From.ToString("d MMMM yyyy", ci);
        }
        if (From.Day == 1 && To == From.AddMonths(1).AddDays(-1))
        {
            return From.ToString("MMMM yyyy", ci);
        }
        if (From.DayOfYear == 1 && To == From.AddYears(1).AddDays(-1))
        {
            return From.ToString("yyyy", ci);
        }
        return From.Year == To.Year
            ? $"{From.ToString("d MMMM", ci)}–{To.ToString("d MMMM yyyy", ci)}"
            : $"{From.ToString("d MMMM yyyy", ci)}–{To.ToString("d MMMM yyyy", ci)}";
    }
}
