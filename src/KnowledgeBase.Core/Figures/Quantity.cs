using System.Globalization;

namespace KnowledgeBase.Core.Figures;

/// <summary>
/// One measured amount inside a figure: "about 10,000 troops", "$2,000 per soldier per month", "82% oppose".
/// A point has <see cref="Value"/>; a bound or a vague amount ("thousands", "a majority") has <see cref="Low"/>
/// and/or <see cref="High"/> instead.
/// </summary>
public sealed record Quantity
{
    /// <summary>The words as written, e.g. "approximately 10,000 troops".</summary>
    public required string Text { get; init; }

    /// <summary>What a percentage measures ("support", "oppose"); null for counts and money.</summary>
    public string? Label { get; init; }

    public decimal? Value { get; init; }
    public decimal? Low { get; init; }
    public decimal? High { get; init; }

    /// <summary>Qualified by "about", "approximately", "an estimated" and the like.</summary>
    public bool Approximate { get; init; }

    /// <summary>True when the amount is a quantity word rather than a number ("thousands", "a majority").</summary>
    public bool Vague { get; init; }

    /// <summary>"USD", "percent", or the counted noun ("troops").</summary>
    public required string Unit { get; init; }

    /// <summary>A rate's denominator: "soldier" in "per soldier per month".</summary>
    public string? Per { get; init; }

    /// <summary>"day", "week", "month" or "year" for amounts over time.</summary>
    public string? Period { get; init; }

    /// <summary>How many <see cref="Per"/> units the rate applies to ("× 10,000 soldiers"), so it can become a total.</summary>
    public decimal? Multiplier { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// A rate multiplied by a count ("× 10,000 soldiers"): arithmetic, not the source's words. A figure as stated has
    /// no such part; a derivation is spelled out as a <see cref="FigureDerivation"/> whose inputs say where they come from.
    /// </summary>
    public bool IsDerived => Multiplier is not null;

    public bool IsMoney => Unit == Units.Usd;
    public bool IsPercent => Unit == Units.Percent;
    public bool IsCount => !IsMoney && !IsPercent;

    /// <summary>A compact rendering of the amount alone, e.g. "$240M", "≈10,000", "> 50%", "2,000–99,999".</summary>
    public string FormatAmount()
    {
        if (Value is { } v)
        {
            return (Approximate ? "≈" : "") + FormatNumber(v, Unit);
        }
        return (Low, High) switch
        {
            ({ } lo, { } hi) => $"{FormatNumber(lo, Unit)}–{FormatNumber(hi, Unit)}",
            ({ } lo, null) => $"> {FormatNumber(lo, Unit)}",
            (null, { } hi) => $"< {FormatNumber(hi, Unit)}",
            _ => Text,
        };
    }

    public static string FormatNumber(decimal value, string unit)
    {
        var ci = CultureInfo.InvariantCulture;
        if (unit == Units.Percent)
        {
            return decimal.Round(value, 1).ToString("0.#", ci) + "%";
        }
        if (unit == Units.Usd)
        {
            return value switch
            {
                >= 1_000_000_000m => "$" + (value / 1_000_000_000m).ToString("0.##", ci) + "B",
                >= 1_000_000m => "$" + (value / 1_000_000m).ToString("0.##", ci) + "M",
                _ => "$" + value.ToString("#,0.##", ci),
            };
        }
        return value.ToString("#,0.##", ci);
    }
}

public static class Units
{
    public const string Usd = "USD";
    public const string Percent = "percent";
}
