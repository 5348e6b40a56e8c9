namespace KnowledgeBase.Core.Search;

/// <summary>
/// PostgreSQL full-text search: claims, passages and sources each carry a stored generated <c>tsvector</c> column
/// (a shadow property, so the domain classes stay plain) with a GIN index. Weights rank a match in a claim's own
/// statement (A) above one in a quote (B), and that above one in the quote's surrounding words (D).
/// </summary>
public static class FullText
{
    /// <summary>The shadow property (column <c>search_vector</c>) on claims, passages and sources.</summary>
    public const string VectorProperty = "SearchVector";

    /// <summary>The text search configuration of every vector and query: stemming and stop words for English.</summary>
    public const string Config = "english";

    /// <summary>A claim's statement, weight A.</summary>
    internal const string ClaimVectorSql = "setweight(to_tsvector('english', statement), 'A')";

    /// <summary>A passage's exact quote (weight B) and the words either side of it (weight D).</summary>
    internal const string PassageVectorSql =
        "setweight(to_tsvector('english', exact), 'B') || setweight(to_tsvector('english', prefix || ' ' || suffix), 'D')";
}
