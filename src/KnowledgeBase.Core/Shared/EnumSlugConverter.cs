using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgeBase.Core.Shared;

/// <summary>
/// An enum stored as its slug (flags, stances, anchor statuses, revision actions, …), so the database reads as the
/// seed files and the API do. A stored value that is no member's slug is corrupt data: reading it throws.
/// </summary>
public sealed class EnumSlugConverter<T>() : ValueConverter<T, string>(value => value.ToSlug(), slug => EnumSlugs.Parse<T>(slug))
    where T : struct, Enum
{
    public static readonly EnumSlugConverter<T> Instance = new();
}
