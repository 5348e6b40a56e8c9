using System.Globalization;

namespace KnowledgeBase.Core.Shared;

/// <summary>How optional text is normalised wherever it is stored or compared, and how counts are written.</summary>
public static class TextValues
{
    /// <summary>A count with its noun, regular plural: "1 claim", "12,000 footnotes".</summary>
    public static string Counted(int count, string noun) =>
        $"{count.ToString("#,0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>The text trimmed, or null when it is null, empty or only white space (what an optional field stores).</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
