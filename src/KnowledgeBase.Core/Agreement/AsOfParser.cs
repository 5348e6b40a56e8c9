using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// Proposes the <see cref="AsOf"/> of a passage from its words, given the document's publication date (a partial
/// ISO date): "7 November" or "on November 7" (a day), "In October 2024", "late October" (a month or part of one),
/// "in 2022", "since 2022", "this year", "so far this year", "last year", "last month", and "so far", "to date",
/// "currently" (up to the time of writing). A month without a year is the latest one not after publication. The
/// earliest time expression in the text wins (the longest one where two start together); without one, the
/// publication date is the default. The editor confirms the proposal.
/// </summary>
public static partial class AsOfParser
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December";

    public static AsOf Propose(string text, string published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fallback = AsOf.Published(published);
        var (pubFrom, pubTo) = (fallback.From, fallback.To);

        var candidates = new List<(Match Match, Func<Match, (DateOnly From, DateOnly To)> Period)>();
        void Add(Regex pattern, Func<Match, (DateOnly, DateOnly)> period) =>
            candidates.AddRange(pattern.Matches(text).Select(m => (m, period)));

        Add(DayMonth(), m => Day(m, pubTo));
        Add(MonthDay(), m => Day(m, pubTo));
        Add(PartOfMonth(), m =>
        {
            var (from, to) = MonthOf(m, pubTo);
            return m.Groups["part"].Value.ToLowerInvariant() switch
            {
                "early" => (from, from.AddDays(9)),
                "mid" => (from.AddDays(10), from.AddDays(19)),
                _ => (from.AddDays(20), to),
            };
        });
        Add(MonthYear(), m =>
        {
            var (from, to) = MonthOf(m, pubTo);
            return m.Groups["since"].Success ? (from, pubTo) : (from, to);
        });
        Add(Year(), m =>
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var from = new DateOnly(year, 1, 1);
            return m.Groups["since"].Success ? (from, pubTo) : (from, new DateOnly(year, 12, 31));
        });
        Add(ThisYear(), _ => (new DateOnly(pubTo.Year, 1, 1), pubTo));
        Add(LastYear(), _ => (new DateOnly(pubTo.Year - 1, 1, 1), new DateOnly(pubTo.Year - 1, 12, 31)));
        Add(LastMonth(), _ =>
        {
            var from = new DateOnly(pubFrom.Year, pubFrom.Month, 1).AddMonths(-1);
            return (from, from.AddMonths(1).AddDays(-1));
        });
        Add(UpToNow(), _ => (pubFrom, pubTo));

        if (candidates.Count == 0)
        {
            return fallback;
        }
        var (match, period) = candidates.OrderBy(c => c.Match.Index).ThenByDescending(c => c.Match.Length).First();
        var (start, end) = period(match);
        return new AsOf(start, end, match.Value.Trim());
    }

    private static (DateOnly, DateOnly) Day(Match m, DateOnly pubTo)
    {
        var (from, _) = MonthOf(m, pubTo);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var date = from.AddDays(Math.Clamp(day, 1, DateTime.DaysInMonth(from.Year, from.Month)) - 1);
        return (date, date);
    }

    /// <summary>The named month; without a year, the latest such month not after publication.</summary>
    private static (DateOnly From, DateOnly To) MonthOf(Match m, DateOnly pubTo)
    {
        var month = DateTime.ParseExact(m.Groups["m"].Value, "MMMM", CultureInfo.InvariantCulture).Month;
        var year = m.Groups["y"].Success
            ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)
            : month > pubTo.Month ? pubTo.Year - 1 : pubTo.Year;
        var from = new DateOnly(year, month, 1);
        return (from, from.AddMonths(1).AddDays(-1));
    }

    [GeneratedRegex(WholeWords.Start + "so far this year|earlier this year|this year" + WholeWords.End, WholeWords.Options)]
    private static partial Regex ThisYear();

    [GeneratedRegex(WholeWords.Start + "last year|the previous year" + WholeWords.End, WholeWords.Options)]
    private static partial Regex LastYear();

    [GeneratedRegex(WholeWords.Start + "last month" + WholeWords.End, WholeWords.Options)]
    private static partial Regex LastMonth();

    [GeneratedRegex(WholeWords.Start + "so far|to date|currently|at present|presently" + WholeWords.End, WholeWords.Options)]
    private static partial Regex UpToNow();

    // Month names are matched capitalised only, so that the verb "may" is not read as May.
    [GeneratedRegex(@"\b(?:(?i:on)\s+)?(?<d>\d{1,2})\s+(?<m>" + Month + @")(?:,?\s+(?<y>\d{4}))?\b")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:(?i:on)\s+)?(?<m>" + Month + @")\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,\s*(?<y>\d{4})\b)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<part>(?i:early|mid|late))[- ](?<m>" + Month + @")(?:\s+(?<y>\d{4}))?\b")]
    private static partial Regex PartOfMonth();

    [GeneratedRegex(@"\b(?:(?<since>(?i:since))\s+|(?i:in|during|by)\s+)?(?<m>" + Month + @")(?:\s+(?<y>\d{4}))?\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?:(?<since>since)|in|during|by)\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Year();
}
