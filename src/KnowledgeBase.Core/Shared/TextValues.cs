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

    /// <summary>Every run of white space (line breaks included) as one space, and none at either end.</summary>
    public static string Squeeze(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
