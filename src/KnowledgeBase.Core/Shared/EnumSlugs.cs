namespace KnowledgeBase.Core.Shared;

/// <summary>Parses an enum from the slug its own ToSlug function gives (flags, stances: "single-source", "supports-in-part").</summary>
public static class EnumSlugs
{
    public static bool TryParse<T>(string? slug, Func<T, string> toSlug, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(toSlug);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(toSlug(candidate), slug, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
