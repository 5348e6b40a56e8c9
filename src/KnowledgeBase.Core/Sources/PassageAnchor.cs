namespace KnowledgeBase.Core.Sources;

/// <summary>
/// Where a quote sits in a document's canonical text, in the shape of the W3C Web Annotation TextQuoteSelector
/// (exact, prefix, suffix) and TextPositionSelector (start, end: UTF-16 offsets, end exclusive).
/// </summary>
public sealed record TextAnchor(int Start, int End, string Exact, string Prefix, string Suffix)
{
    /// <summary>How much context is kept on each side, as annotation tools usually keep.</summary>
    public const int ContextLength = 32;

    public static TextAnchor At(string text, int start, int end) => new(
        start,
        end,
        text[start..end],
        text[Math.Max(0, start - ContextLength)..start],
        text[end..Math.Min(text.Length, end + ContextLength)]);
}

/// <summary>What happened to a citation's passage when its source's text changed.</summary>
public enum AnchorStatus
{
    /// <summary>The same words at the same place.</summary>
    Exact,

    /// <summary>The same words, found elsewhere (text was added or removed before them).</summary>
    Moved,

    /// <summary>Only an approximate match was found (the words were edited); an editor must review it.</summary>
    Fuzzy,

    /// <summary>Nothing close enough was found; the citation keeps its old quote and waits for an editor.</summary>
    Orphaned,
}
