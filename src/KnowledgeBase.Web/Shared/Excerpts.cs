using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Web.Shared;

/// <summary>Long document text shown in a list: cut at a word boundary, so the list names the words and the page shows them whole.</summary>
public static class Excerpts
{
    public static string Of(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextValues.Excerpt(text.Trim().ReplaceLineEndings(" "), max);
    }
}
