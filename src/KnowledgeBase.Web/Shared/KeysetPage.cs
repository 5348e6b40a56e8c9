namespace KnowledgeBase.Web.Shared;

/// <summary>A keyset page: the rows, and the key to continue after (null on the last page).</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, long? NextAfter);
