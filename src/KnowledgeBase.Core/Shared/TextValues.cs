namespace KnowledgeBase.Core.Shared;

/// <summary>How optional text is normalised wherever it is stored or compared.</summary>
public static class TextValues
{
    /// <summary>The text trimmed, or null when it is null, empty or only white space (what an optional field stores).</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
