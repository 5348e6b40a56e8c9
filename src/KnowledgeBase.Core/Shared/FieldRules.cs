using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Shared;

/// <summary>Format rules every writer of the knowledge base applies at its edge: seed files, editors, the API.</summary>
public static partial class FieldRules
{
    /// <summary>Lowercase letters and digits in words joined by single hyphens: "troops-in-kursk".</summary>
    public static bool IsSlug(string? s) => s is not null && SlugPattern().IsMatch(s);

    /// <summary>An absolute http or https URL; javascript:, data:, vbscript:, file: and relative URLs are refused.</summary>
    public static bool IsHttpUrl(string? url) =>
        url is not null
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// Why PostgreSQL would refuse the text, or null if it can store it: it rejects NUL characters in text, and UTF-16
    /// with a lone surrogate cannot be encoded as UTF-8 at all.
    /// </summary>
    public static string? UnstorableText(string? text)
    {
        if (text is null)
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return $"contains a NUL character (position {i + 1}); remove it.";
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return $"contains a broken character (a lone surrogate at position {i + 1}); retype the text around it.";
            }
            if (char.IsLowSurrogate(c))
            {
                return $"contains a broken character (a lone surrogate at position {i + 1}); retype the text around it.";
            }
        }
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
