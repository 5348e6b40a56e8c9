using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;

namespace KnowledgeBase.Web.Claims;

/// <summary>One source's figure for a claim, as the comparison chart draws it: a row named after the source.</summary>
/// <param name="Name">The row's name: the source's short name, e.g. "USIP".</param>
/// <param name="Note">What tells two rows of the same source apart, e.g. "citation 3"; null when nothing is needed.</param>
/// <param name="When">The time the figure describes; when the rows of an axis describe different times, the chart orders them in time.</param>
public sealed record FigureSeries(string Name, string? Note, Figure Figure, AsOf? When = null)
{
    /// <summary>The rows for a claim's citations: one per citation that states a figure, in citation order.</summary>
    /// <param name="when">The as-of time of a citation, stored or proposed; none when unknown.</param>
    public static IReadOnlyList<FigureSeries> FromCitations(IEnumerable<CitationView> citations, Func<CitationView, AsOf?>? when = null)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var rows = new List<(string Name, int Position, Figure Figure, AsOf? When)>();
        var position = 0;
        foreach (var citation in citations)
        {
            position++;
            if (TryParse(citation.Figure) is { } figure)
            {
                rows.Add((citation.Source.ShortName, position, figure, when?.Invoke(citation)));
            }
        }
        // A note only where a source speaks more than once: which of the claim's citations the row is.
        return rows
            .Select(r => new FigureSeries(
                r.Name,
                rows.Count(o => o.Name == r.Name) == 1 ? null : $"citation {r.Position.ToString(CultureInfo.InvariantCulture)}",
                r.Figure,
                r.When))
            .ToList();
    }

    public string Label => Note is null ? Name : $"{Name} ({Note})";

    private static Figure? TryParse(string? text)
    {
        try
        {
            return Figure.ParseOptional(text);
        }
        catch (FigureFormatException)
        {
            // Seed validation refuses such figures; a page still never fails over one.
            return null;
        }
    }
}

/// <summary>One quantity placed on an axis. Positions run from 0 (left end of the axis) to 1 (right end).</summary>
/// <param name="Stated">The words as the source states them: "$2,000 per soldier per month".</param>
/// <param name="Shown">The amount on this axis's terms: "$240M a year", "≈10,000", or the words of a vague amount.</param>
/// <param name="Derivation">The arithmetic when the amount had to be brought to the axis's terms.</param>
/// <param name="Reading">How a vague amount is read on the scale: "2,000–99,999" for "thousands"; null otherwise.</param>
/// <param name="IsRange">A range or vague amount ("thousands", "a majority", "more than 50%"), drawn as a band.</param>
/// <param name="ContinuesBeyond">The band runs on past the right end of the axis (it is open-ended or larger than the scale).</param>
/// <param name="Time">The time the figure describes, on an axis whose rows differ in time; else null.</param>
/// <param name="Row">The row's vertical place in row heights from the top: consecutive rows, or spaced by time on an axis over time.</param>
public sealed record ScaleMarker(
    string Name,
    string? Note,
    string Stated,
    string Shown,
    string? Derivation,
    string? Reading,
    bool Approximate,
    bool IsRange,
    double From,
    double To,
    bool ContinuesBeyond,
    AsOf? Time = null,
    double Row = 0)
{
    /// <summary>The time in full, for the table and the description: "October 2024", "5 December 2024 (publication date)".</summary>
    public string? When => Time is null ? null : Time.IsDefault ? $"{Time.Describe()} (publication date)" : Time.Describe();

    /// <summary>The time as the chart's narrow label column fits it: "Oct 2024", "5 Dec 2024 (pub.)".</summary>
    public string? WhenBrief => Time is null
        ? null
        : CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(n => n.Length > 3)
            .Aggregate(Time.Describe(), (text, month) => text.Replace(month, month[..3], StringComparison.Ordinal))
            + (Time.IsDefault ? " (pub.)" : "");

    /// <summary>The row's name with its note: "MP-IDSA (citation 3)".</summary>
    public string Label => Note is null ? Name : $"{Name} ({Note})";
}

public sealed record ScaleTick(double Position, string Label);

/// <summary>One axis: the quantities that measure the same thing in the same terms, and the scale they share.</summary>
/// <param name="Unit">The <see cref="Quantity.Unit"/> numbers on this axis are formatted with: "USD", "percent" or "" for counts.</param>
/// <param name="OverTime">Its figures describe different times: rows run down in time order, spaced by the time between them.</param>
public sealed record FigureAxis(string Title, string Unit, decimal Maximum, IReadOnlyList<ScaleMarker> Markers, IReadOnlyList<ScaleTick> Ticks, bool OverTime = false)
{
    /// <summary>An axis compares only when at least two figures stand on it.</summary>
    public bool Compares => Markers.Count >= 2;

    /// <summary>How many row heights the rows take, from the top of the first to the bottom of the last.</summary>
    public double Rows => Markers.Count == 0 ? 0 : Markers.Max(m => m.Row) + 1;
}

/// <summary>
/// Puts every source's figure for a claim on a shared, zero-based linear scale, so a reader sees at a glance how
/// far apart they are. Figures are normalized first (<see cref="FigureComparison.Normalize"/>): "$2,000 per soldier
/// per month × 10,000 soldiers" stands at $240M a year beside "$200m a year". Quantities that measure different
/// things (shares with different labels, money and counts, rates per different units) get separate axes.
/// Points stand for exact or approximate amounts; bands for ranges and vague words ("thousands": 2,000–99,999,
/// "a majority": 50–100%). The scale is sized to the points and lower bounds, so a vague upper end does not squash
/// the precise figures; a band that runs past it is marked as continuing.
/// </summary>
public static class FigureScale
{
    /// <summary>Head room above the largest amount, so the largest point is not drawn on the axis's end.</summary>
    private const decimal HeadRoom = 1.2m;

    /// <summary>On an axis over time, the first and last rows stand this many row heights apart per row in between, at most.</summary>
    private const double TimeSpread = 2d;

    /// <summary>Nice axis lengths within a decade, each with how many equal divisions it has.</summary>
    private static readonly (decimal Mantissa, int Divisions)[] NiceLengths =
        [(1m, 4), (1.5m, 3), (2m, 4), (2.5m, 5), (3m, 3), (4m, 4), (5m, 5), (6m, 3), (8m, 4)];

    public static IReadOnlyList<FigureAxis> Build(IEnumerable<FigureSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var entries = series
            .SelectMany(s => s.Figure.Parts.Select(q => (Series: s, Normalized: FigureComparison.Normalize(q))))
            .ToList();
        return entries
            .GroupBy(e => AxisKey.Of(e.Normalized))
            .Select(g => BuildAxis(g.Key, g.Select(e => (e.Series, e.Normalized)).ToList()))
            .ToList();
    }

    private static FigureAxis BuildAxis(AxisKey key, List<(FigureSeries Series, NormalizedQuantity Quantity)> entries)
    {
        var maximum = key.Kind == QuantityKind.Percent ? 100m : LinearMaximum(entries.Select(e => e.Quantity));
        var divisions = key.Kind == QuantityKind.Percent ? 4 : DivisionsOf(maximum);
        var ticks = Enumerable.Range(0, divisions + 1)
            .Select(i => maximum * i / divisions)
            .Select(v => new ScaleTick(Position(v, maximum), FormatTick(v, key)))
            .ToList();
        var markers = entries.Select(e => Marker(e.Series, e.Quantity, maximum, key)).ToList();
        var times = entries.Select(e => e.Series.When).ToList();
        if (!DiffersInTime(times))
        {
            return new FigureAxis(Title(key, entries), key.Unit, maximum, markers.Select((m, i) => m with { Row = i }).ToList(), ticks);
        }
        // Earliest first; a figure of unknown time goes last, unplaced in time.
        var order = Enumerable.Range(0, markers.Count).OrderBy(i => times[i] is null).ThenBy(i => times[i]?.From).ThenBy(i => times[i]?.To).ToList();
        var rows = TimeRows(order.Select(i => times[i]).ToList());
        var timed = order.Select((i, at) => markers[i] with { Time = times[i], Row = rows[at] }).ToList();
        return new FigureAxis(Title(key, entries), key.Unit, maximum, timed, ticks, OverTime: true);
    }

    /// <summary>Whether two of the figures describe times that do not overlap, so reading them as one moment would mislead.</summary>
    private static bool DiffersInTime(List<AsOf?> times)
    {
        var known = times.OfType<AsOf>().ToList();
        return known.Any(a => known.Any(b => !a.Overlaps(b)));
    }

    /// <summary>
    /// Rows in time order, spaced in proportion to the time between the middles of their periods, at least one row
    /// apart so labels never collide. Rows without a time follow the last, one row apart.
    /// </summary>
    internal static IReadOnlyList<double> TimeRows(IReadOnlyList<AsOf?> ordered)
    {
        var known = ordered.OfType<AsOf>().Select(Middle).ToList();
        var first = known.Count == 0 ? 0 : known.Min();
        var span = known.Count == 0 ? 0 : known.Max() - first;
        var height = (ordered.Count - 1) * TimeSpread;
        var rows = new List<double>();
        foreach (var when in ordered)
        {
            var proportional = when is null || span == 0 ? 0 : (Middle(when) - first) / span * height;
            rows.Add(rows.Count == 0 ? 0 : Math.Max(rows[^1] + 1, when is null ? 0 : proportional));
        }
        return rows;

        static double Middle(AsOf a) => (a.From.DayNumber + a.To.DayNumber) / 2d;
    }

    private static ScaleMarker Marker(FigureSeries series, NormalizedQuantity q, decimal maximum, AxisKey key)
    {
        var source = q.Source;
        if (q.Value is { } value)
        {
            var at = Position(value, maximum);
            // A word amount ("two-thirds") keeps its words beside the number it is read as.
            var shown = Amount(value, source.Approximate, key);
            if (!source.Text.Any(char.IsDigit))
            {
                shown = $"{shown} (“{source.Text}”)";
            }
            return new ScaleMarker(series.Name, series.Note, source.Text, shown, q.Derivation, null, source.Approximate, false, at, at, false);
        }
        var from = q.Low is { } low ? Position(low, maximum) : 0d;
        var beyond = q.High is not { } high || high > maximum;
        var to = q.High is { } h && h <= maximum ? Position(h, maximum) : 1d;
        // A vague word reads best as itself; a bound as the normalized bound ("> $1M a year").
        var bounds = BoundText(q, key);
        return source.Vague
            ? new ScaleMarker(series.Name, series.Note, source.Text, source.Text, q.Derivation, bounds, source.Approximate, true, from, to, beyond)
            : new ScaleMarker(series.Name, series.Note, source.Text, bounds, q.Derivation, null, source.Approximate, true, from, to, beyond);
    }

    /// <summary>The axis length: a nice round number at least <see cref="HeadRoom"/> times the largest reliable amount.</summary>
    internal static decimal LinearMaximum(IEnumerable<NormalizedQuantity> quantities)
    {
        // Points and lower bounds are what the figures assert; a vague word's upper end (99,999 for "thousands") is
        // only the edge of its meaning, so it counts only when nothing else gives the scale a size.
        var list = quantities.ToList();
        var reliable = list.Select(q => q.Value ?? q.Low).OfType<decimal>().ToList();
        if (reliable.Count == 0)
        {
            reliable = list.Where(q => q.High is not null).Select(q => q.High!.Value).ToList();
        }
        var largest = reliable.Count == 0 ? 0m : reliable.Max();
        return NiceCeiling(largest * HeadRoom);
    }

    /// <summary>The smallest nice length (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) not below <paramref name="value"/>.</summary>
    internal static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 1m;
        }
        var decade = 1m;
        while (decade * 10 <= value)
        {
            decade *= 10;
        }
        while (decade > value)
        {
            decade /= 10;
        }
        foreach (var (mantissa, _) in NiceLengths)
        {
            if (mantissa * decade >= value)
            {
                return mantissa * decade;
            }
        }
        return 10 * decade;
    }

    private static int DivisionsOf(decimal maximum)
    {
        var decade = 1m;
        while (decade * 10 <= maximum)
        {
            decade *= 10;
        }
        while (decade > maximum)
        {
            decade /= 10;
        }
        var mantissa = maximum / decade;
        return NiceLengths.FirstOrDefault(n => n.Mantissa == mantissa) is { Divisions: > 0 } nice ? nice.Divisions : 4;
    }

    private static double Position(decimal value, decimal maximum) =>
        maximum <= 0 ? 0d : Math.Clamp((double)(value / maximum), 0d, 1d);

    private static string Amount(decimal value, bool approximate, AxisKey key) =>
        (approximate ? "≈" : "") + Quantity.FormatNumber(value, key.Unit) + Terms(key);

    private static string BoundText(NormalizedQuantity q, AxisKey key) => (q.Low, q.High) switch
    {
        ({ } lo, { } hi) => $"{Quantity.FormatNumber(lo, key.Unit)}–{Quantity.FormatNumber(hi, key.Unit)}{Terms(key)}",
        ({ } lo, null) => $"more than {Quantity.FormatNumber(lo, key.Unit)}{Terms(key)}",
        (null, { } hi) => $"up to {Quantity.FormatNumber(hi, key.Unit)}{Terms(key)}",
        _ => q.Source.Text,
    };

    private static string Terms(AxisKey key) =>
        (key.Per is null ? "" : $" per {key.Per}") + (key.Period is null ? "" : $" a {key.Period}");

    private static string FormatTick(decimal value, AxisKey key) => Quantity.FormatNumber(value, key.Unit);

    private static string Title(AxisKey key, List<(FigureSeries Series, NormalizedQuantity Quantity)> entries) => key.Kind switch
    {
        QuantityKind.Money => "US dollars" + Terms(key),
        QuantityKind.Percent => key.Label is null ? "Percent" : $"Percent: {key.Label}",
        _ => "Number of " + string.Join(" or ", entries.Select(e => e.Quantity.Source.Unit).Distinct(StringComparer.OrdinalIgnoreCase)) + Terms(key),
    };

    private enum QuantityKind
    {
        Count,
        Money,
        Percent,
    }

    /// <summary>What makes two quantities comparable, as <see cref="FigureComparison"/> judges it.</summary>
    private sealed record AxisKey(QuantityKind Kind, string? Label, string? Period, string? Per)
    {
        public string Unit => Kind switch { QuantityKind.Money => Units.Usd, QuantityKind.Percent => Units.Percent, _ => "" };

        public static AxisKey Of(NormalizedQuantity q) => new(
            q.Source.IsMoney ? QuantityKind.Money : q.Source.IsPercent ? QuantityKind.Percent : QuantityKind.Count,
            q.Source.IsPercent ? q.Source.Label?.ToLowerInvariant() : null,
            q.Period,
            q.Per);
    }
}
