using System.Globalization;

namespace KnowledgeBase.Core.Figures;

public enum FigureMatch
{
    /// <summary>The units or periods differ in a way no arithmetic reconciles.</summary>
    Incomparable,

    /// <summary>The same amount (within rounding of an approximate figure).</summary>
    Same,

    /// <summary>One is vaguer but contains the other: "thousands" and 10,000; "a majority" and 82%.</summary>
    Vaguer,

    /// <summary>Same direction and order of magnitude, different amounts: $240M vs $200M a year.</summary>
    Different,

    /// <summary>Amounts too far apart to be the same fact told differently (more than a factor of two).</summary>
    Contradictory,
}

/// <summary>A quantity brought to a comparable total: rates multiplied out, periods made yearly.</summary>
public sealed record NormalizedQuantity(Quantity Source, decimal? Value, decimal? Low, decimal? High, string? Period, string? Per, string? Derivation)
{
    /// <summary>How it reads in a rationale: the phrase, then its derivation when arithmetic was needed.</summary>
    public string Describe() => Derivation is null ? Source.Text : $"{Source.Text} ({Derivation})";
}

public sealed record FigureComparisonResult(FigureMatch Match, NormalizedQuantity Left, NormalizedQuantity Right)
{
    /// <summary>Relative difference of the two central values (0.17 for $240M vs $200M), when both have one.</summary>
    public decimal? RelativeDifference
    {
        get
        {
            var a = Left.Value ?? Mid(Left);
            var b = Right.Value ?? Mid(Right);
            return a is { } x && b is { } y && Math.Max(x, y) > 0 ? Math.Abs(x - y) / Math.Max(x, y) : null;
        }
    }

    /// <summary>
    /// For two percentages, the gap in percentage points (15.3 for 82% against two-thirds): shares are compared by
    /// their difference, since a relative difference of percentages ("19%") reads as if it were a share itself.
    /// </summary>
    public decimal? PercentagePoints
    {
        get
        {
            var a = Left.Value ?? Mid(Left);
            var b = Right.Value ?? Mid(Right);
            return Left.Source.IsPercent && Right.Source.IsPercent && a is { } x && b is { } y ? decimal.Round(Math.Abs(x - y), 1) : null;
        }
    }

    /// <summary>The gap as a rationale says it: "15.3 percentage points" for shares, "17%" otherwise.</summary>
    public string? DescribeGap() =>
        PercentagePoints is { } points ? points.ToString("0.#", CultureInfo.InvariantCulture) + " percentage points"
        : RelativeDifference is { } d ? (d * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
        : null;

    private static decimal? Mid(NormalizedQuantity q) => q.Low is { } l && q.High is { } h ? (l + h) / 2 : null;
}

/// <summary>Compares two quantities that claim to measure the same thing.</summary>
public static class FigureComparison
{
    /// <summary>Two point figures within this relative distance are the same figure.</summary>
    private const decimal SameTolerance = 0.02m;
    private const decimal ApproximateTolerance = 0.05m;

    public static NormalizedQuantity Normalize(Quantity q)
    {
        decimal? value = q.Value, low = q.Low, high = q.High;
        var per = q.Per;
        var period = q.Period;
        var steps = new List<string>();
        var ci = CultureInfo.InvariantCulture;

        if (q.Multiplier is { } n && per is not null)
        {
            value *= n; low *= n; high *= n;
            steps.Add(n.ToString("#,0", ci));
            per = null;
        }
        if (period is not null && period != "year")
        {
            var factor = period switch { "day" => 365m, "week" => 52m, "month" => 12m, _ => 1m };
            value *= factor; low *= factor; high *= factor;
            steps.Add(factor.ToString("0", ci));
            period = "year";
        }
        // The arithmetic spelled out, as a reader would check it: "$2,000 × 10,000 × 12 = $240M a year".
        string? derivation = null;
        if (steps.Count > 0 && q.Value is { } original && value is { } total)
        {
            derivation = $"{Quantity.FormatNumber(original, q.Unit)} × {string.Join(" × ", steps)} = {Quantity.FormatNumber(total, q.Unit)}{(period is null ? "" : " a year")}";
        }
        return new NormalizedQuantity(q, value, low, high, period, per, derivation);
    }

    public static FigureComparisonResult Compare(Quantity left, Quantity right)
    {
        var a = Normalize(left);
        var b = Normalize(right);
        return new FigureComparisonResult(Match(a, b), a, b);
    }

    private static FigureMatch Match(NormalizedQuantity a, NormalizedQuantity b)
    {
        var unitsAgree = (a.Source.IsMoney && b.Source.IsMoney)
            || (a.Source.IsPercent && b.Source.IsPercent)
            || (a.Source.IsCount && b.Source.IsCount);
        if (!unitsAgree || a.Period != b.Period || a.Per != b.Per)
        {
            return FigureMatch.Incomparable;
        }

        var (aLow, aHigh) = Range(a);
        var (bLow, bHigh) = Range(b);

        if (a.Value is { } x && b.Value is { } y)
        {
            var tolerance = a.Source.Approximate || b.Source.Approximate ? ApproximateTolerance : SameTolerance;
            var max = Math.Max(Math.Abs(x), Math.Abs(y));
            if (max == 0 || Math.Abs(x - y) / max <= tolerance)
            {
                return FigureMatch.Same;
            }
            return WithinFactorOfTwo(x, y) ? FigureMatch.Different : FigureMatch.Contradictory;
        }

        if (aLow == bLow && aHigh == bHigh)
        {
            return FigureMatch.Same;
        }
        if (aLow <= bHigh && bLow <= aHigh)
        {
            return FigureMatch.Vaguer;
        }
        // Disjoint: how far apart are the nearest ends?
        var (near1, near2) = aHigh < bLow ? (aHigh, bLow) : (bHigh, aLow);
        return WithinFactorOfTwo(near1, near2) ? FigureMatch.Different : FigureMatch.Contradictory;
    }

    private static (decimal Low, decimal High) Range(NormalizedQuantity q) => q.Value is { } v
        ? (v, v)
        : (q.Low ?? 0m, q.High ?? decimal.MaxValue);

    private static bool WithinFactorOfTwo(decimal x, decimal y)
    {
        var (small, large) = x < y ? (x, y) : (y, x);
        return small > 0 && large <= small * 2;
    }
}
