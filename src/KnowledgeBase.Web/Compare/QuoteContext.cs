using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Web.Compare;

/// <summary>
/// The words shown around a quote. The stored prefix and suffix are a fixed number of characters
/// (<see cref="TextAnchor.ContextLength"/>), so they may start or end mid-word and may reach into the next
/// paragraph; a reader gets whole words of the quote's own paragraph, with an ellipsis only where it was cut.
/// </summary>
public static class QuoteContext
{
    public static string Before(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var paragraphs = prefix.Split("\n\n");
        var own = paragraphs[^1];
        // Shorter than the stored length, or stopped by a paragraph break: the context starts where its paragraph does.
        var whole = paragraphs.Length > 1 || prefix.Length < TextAnchor.ContextLength;
        if (!whole && own.Length > 0 && !char.IsWhiteSpace(own[0]) && own.IndexOf(' ', StringComparison.Ordinal) is var space and > 0)
        {
            own = own[(space + 1)..];
        }
        own = own.TrimStart();
        return own.Length == 0 ? "" : whole ? own : "…" + own;
    }

    public static string After(string suffix)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        var paragraphs = suffix.Split("\n\n");
        var own = paragraphs[0];
        var whole = paragraphs.Length > 1 || suffix.Length < TextAnchor.ContextLength;
        if (!whole && own.Length > 0 && !char.IsWhiteSpace(own[^1]) && own.LastIndexOf(' ') is var space and > 0)
        {
            own = own[..space];
        }
        own = own.TrimEnd();
        return own.Length == 0 ? "" : whole ? own : own + "…";
    }
}
