using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Shared;

/// <summary>How optional text is normalised wherever it is stored or compared, and how counts are written.</summary>
public static partial class TextValues
{
    /// <summary>A count with its noun, regular plural: "1 claim", "12,000 footnotes".</summary>
    public static string Counted(int count, string noun) =>
        $"{count.ToString("#,0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>The text trimmed, or null when it is null, empty or only white space (what an optional field stores).</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Text echoed back in a message or a label: whole up to <paramref name="max"/> characters, else its first
    /// <paramref name="keep"/> characters (<paramref name="max"/> unless given) and "…".
    /// </summary>
    public static string Shorten(string text, int max, int? keep = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..(keep ?? max)] + "…";
    }

    /// <summary>
    /// Text cut at a word boundary to at most <paramref name="max"/> characters and "…", so it names whole words; mid-word
    /// only when the last boundary would keep less than half.
    /// </summary>
    public static string Excerpt(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)] + "…";
    }

    /// <summary>Items as a sentence lists them: "A", "A and B", "A, B and C".</summary>
    public static string Listed(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
    }

    /// <summary>The text with its first letter upper case: a phrase made a sentence.</summary>
    public static string Capitalized(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Every run of white space (line breaks included) as one space, and none at either end.</summary>
    public static string Squeeze(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
