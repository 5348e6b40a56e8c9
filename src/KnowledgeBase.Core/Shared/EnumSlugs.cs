using System.Text;

namespace KnowledgeBase.Core.Shared;

/// <summary>
/// An enum's slugs as URLs, seed files and the API spell them: the member's name in lower kebab case
/// (SingleSource is "single-source", SupportsInPart "supports-in-part"). Renaming a member therefore changes a public
/// value; EnumSlugsTests pins every slug so such a rename cannot pass unnoticed.
/// </summary>
public static class EnumSlugs
{
    /// <summary>The member's slug: AgreementFlag.SingleSource.ToSlug() is "single-source".</summary>
    public static string ToSlug<T>(this T value)
        where T : struct, Enum =>
        Table<T>.Slugs.TryGetValue(value, out var slug) ? slug : throw new ArgumentOutOfRangeException(nameof(value));

    /// <summary>Parses a slug, ignoring case.</summary>
    public static bool TryParse<T>(string? slug, out T value)
        where T : struct, Enum
    {
        foreach (var (candidate, candidateSlug) in Table<T>.Slugs)
        {
            if (string.Equals(candidateSlug, slug, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Parses a slug read back from storage; one that is no member's is corrupt data ("Unknown agreement flag 'x'.").</summary>
    public static T Parse<T>(string slug)
        where T : struct, Enum =>
        TryParse(slug, out T value) ? value : throw new InvalidOperationException($"Unknown {KebabCase(typeof(T).Name).Replace('-', ' ')} '{slug}'.");

    private static string KebabCase(string name)
    {
        var slug = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && slug.Length > 0)
            {
                slug.Append('-');
            }
            slug.Append(char.ToLowerInvariant(c));
        }
        return slug.ToString();
    }

    /// <summary>Each enum's slugs, worked out once.</summary>
    private static class Table<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Slugs =
            Enum.GetValues<T>().ToDictionary(value => value, value => KebabCase(value.ToString()));
    }
}
