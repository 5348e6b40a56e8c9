using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Figures;

/// <summary>
/// Turns an editor's figure phrase into quantities. The grammar is small on purpose, so that a phrase that is not
/// understood is refused rather than guessed at:
/// <code>
/// figure    := part (";" part)*
/// part      := [qualifier] amount [words] ("per" noun | period)* ["×" number noun] ["as of" date]
/// qualifier := about | approximately | around | roughly | some | an estimated | nearly | almost
///            | over | more than | at least | up to | fewer than | less than | only
/// amount    := ["$"] number [% | percent | m | million | bn | billion | k | thousand]
///            | thousands | hundreds | dozens | tens of thousands | (a) majority | most | minority
///            | half | two-thirds | one-third | a third | three-quarters | a quarter
/// period    := per/a/each (day|week|month|year) | daily | weekly | monthly | annually | yearly
/// </code>
/// </summary>
public static partial class FigureParser
{
    /// <summary>Ten trillion: larger than any figure a policy analysis quotes.</summary>
    public const decimal MaxNumber = 10_000_000_000_000m;

    public static Figure Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new FigureFormatException(text, "the figure is empty");
        }
        return new Figure(text.Trim(), parts.Select(p => ParsePart(p, text)).ToArray());
    }

    private static Quantity ParsePart(string part, string whole)
    {
        var rest = Normalize(part);
        bool approximate = false;
        string? bound = null;

        var qualifier = QualifierPattern().Match(rest);
        if (qualifier.Success)
        {
            var q = qualifier.Groups["q"].Value;
            if (q is "over" or "more than" or "at least")
            {
                bound = "low";
            }
            else if (q is "up to" or "fewer than" or "less than")
            {
                bound = "high";
            }
            else if (q != "only")
            {
                approximate = true;
            }
            rest = rest[qualifier.Length..];
        }

        DateOnly? asOf = null;
        var asOfMatch = AsOfPattern().Match(rest);
        if (asOfMatch.Success)
        {
            asOf = ParseAsOf(asOfMatch.Groups["date"].Value, whole);
            rest = rest[..asOfMatch.Index].TrimEnd();
        }

        decimal? multiplier = null;
        var times = MultiplierPattern().Match(rest);
        if (times.Success)
        {
            multiplier = ParseNumber(times.Groups["n"].Value, 1m, whole);
            rest = rest[..times.Index].TrimEnd();
        }

        decimal? value = null, low = null, high = null;
        bool vague = false;
        string unit;

        var number = NumberPattern().Match(rest);
        var word = VagueAmountPattern().Match(rest);
        if (number.Success)
        {
            var amount = ParseNumber(number.Groups["n"].Value, Scale(number.Groups["scale"].Value), whole);
            bool money = number.Groups["cur"].Success;
            bool percent = number.Groups["scale"].Value is "%" or "percent";
            unit = money ? Units.Usd : percent ? Units.Percent : "";
            switch (bound)
            {
                case "low": low = amount; break;
                case "high": high = amount; break;
                default: value = amount; break;
            }
            rest = rest[number.Length..].Trim();
        }
        else if (word.Success)
        {
            (low, high, value, unit) = VagueAmount(word.Groups["w"].Value);
            if (bound is not null && value is { } point)
            {
                // "more than half", "up to two-thirds": the word gives the bound, not the amount.
                low = bound == "low" ? point : null;
                high = bound == "high" ? point : null;
                value = null;
            }
            vague = value is null;
            approximate |= value is not null;
            rest = rest[word.Length..].Trim();
        }
        else
        {
            throw new FigureFormatException(whole, $"no amount in \"{part}\" (expected a number such as 10,000, $2,000, 13% or a word such as thousands or majority)");
        }

        string? per = null;
        string? period = null;
        foreach (Match m in RatePattern().Matches(rest))
        {
            var noun = m.Groups["noun"].Success ? m.Groups["noun"].Value : m.Groups["adverb"].Value;
            var asPeriod = PeriodOf(noun);
            if (asPeriod is not null)
            {
                period = asPeriod;
            }
            else if (m.Groups["per"].Value == "per")
            {
                per = Singular(noun);
            }
            else
            {
                continue;
            }
            rest = rest.Replace(m.Value, " ", StringComparison.Ordinal);
        }
        var words = TextValues.Squeeze(rest);
        if (words.StartsWith("of ", StringComparison.Ordinal))
        {
            words = words[3..];
        }

        string? label = null;
        if (unit == Units.Percent)
        {
            label = words.Length > 0 ? words : null;
        }
        else if (unit.Length == 0)
        {
            if (words.Length == 0)
            {
                throw new FigureFormatException(whole, $"\"{part}\" says how many but not of what (e.g. \"10,000 troops\")");
            }
            unit = words;
        }

        if (multiplier is not null && per is null)
        {
            throw new FigureFormatException(whole, $"\"{part}\" multiplies an amount that is not a per-unit rate");
        }

        return new Quantity
        {
            Text = part.Trim(),
            Label = label,
            Value = value,
            Low = low,
            High = high,
            Approximate = approximate,
            Vague = vague,
            Unit = unit,
            Per = per,
            Period = period,
            Multiplier = multiplier,
            AsOf = asOf,
        };
    }

    private static string Normalize(string s) =>
        TextValues.Squeeze(s.Replace('\u00A0', ' ').Replace('’', '\'').ToLowerInvariant());

    /// <summary>
    /// A number times its scale, at most <see cref="MaxNumber"/>: an amount × a multiplier × 365 (per day to per year)
    /// then stays within decimal's range (about 7.9 × 10^28), so comparing figures never overflows.
    /// </summary>
    private static decimal ParseNumber(string digits, decimal scale, string whole)
    {
        var plain = digits.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number > MaxNumber / scale)
        {
            throw new FigureFormatException(whole, $"{digits}{(scale == 1m ? "" : " × " + scale.ToString("#,0", CultureInfo.InvariantCulture))} is too large (figures go up to {MaxNumber.ToString("#,0", CultureInfo.InvariantCulture)})");
        }
        return number * scale;
    }

    private static decimal Scale(string suffix) => suffix switch
    {
        "k" or "thousand" => 1_000m,
        "m" or "million" => 1_000_000m,
        "bn" or "billion" => 1_000_000_000m,
        _ => 1m,
    };

    private static (decimal? Low, decimal? High, decimal? Value, string Unit) VagueAmount(string word) => word switch
    {
        "dozens" => (24m, 99m, null, ""),
        "hundreds" => (200m, 999m, null, ""),
        "thousands" => (2_000m, 99_999m, null, ""),
        "tens of thousands" => (20_000m, 99_999m, null, ""),
        "majority" or "a majority" or "most" => (50m, 100m, null, Units.Percent),
        "minority" or "a minority" => (0m, 50m, null, Units.Percent),
        "half" or "one-half" => (null, null, 50m, Units.Percent),
        "two-thirds" => (null, null, 66.7m, Units.Percent),
        "one-third" or "a third" => (null, null, 33.3m, Units.Percent),
        "three-quarters" => (null, null, 75m, Units.Percent),
        "a quarter" or "one-quarter" => (null, null, 25m, Units.Percent),
        _ => throw new InvalidOperationException(word),
    };

    private static string? PeriodOf(string noun) => noun switch
    {
        "day" or "daily" => "day",
        "week" or "weekly" => "week",
        "month" or "monthly" => "month",
        "year" or "yearly" or "annually" or "annum" => "year",
        _ => null,
    };

    private static string Singular(string noun) =>
        noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1] : noun;

    private static DateOnly ParseAsOf(string date, string whole)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(date, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FigureFormatException(whole, $"\"{date}\" is not an ISO date");
    }

    /// <summary>A whole number as figures print it: "10000" or with thousands separators, "10,000".</summary>
    private const string WholeNumber = @"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+";

    [GeneratedRegex(@"^(?<q>about|approximately|around|roughly|some|an estimated|estimated|nearly|almost|over|more than|at least|up to|fewer than|less than|only)\b\s*")]
    private static partial Regex QualifierPattern();

    [GeneratedRegex(@"^(?<cur>\$|us\$)?\s*(?<n>(?:" + WholeNumber + @")(?:\.[0-9]+)?)\s*(?<scale>%|percent\b|m\b|million\b|bn\b|billion\b|k\b|thousand\b)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<w>tens of thousands|thousands|hundreds|dozens|a majority|majority|most|a minority|minority|one-half|half|two-thirds|one-third|a third|three-quarters|one-quarter|a quarter)\b")]
    private static partial Regex VagueAmountPattern();

    [GeneratedRegex(@"(?:^|\s)(?:(?<per>per|a|an|each|every)\s+(?<noun>[a-z-]+)|(?<adverb>daily|weekly|monthly|annually|yearly))\b")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"\s*[×x*]\s*(?<n>" + WholeNumber + @")\s+[a-z-]+\s*$")]
    private static partial Regex MultiplierPattern();

    [GeneratedRegex(@"\s*\bas of\s+(?<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*$")]
    private static partial Regex AsOfPattern();
}

/// <summary>A figure phrase the grammar does not understand; the message says why.</summary>
public sealed class FigureFormatException(string figure, string reason)
    : FormatException($"Figure \"{figure}\": {reason}.")
{
    public string Figure { get; } = figure;
    public string Reason { get; } = reason;
}
