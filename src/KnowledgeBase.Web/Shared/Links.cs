using System.Globalization;

namespace KnowledgeBase.Web.Shared;

/// <summary>Every internal URL is built here, so links and routes cannot drift apart.</summary>
public static class Links
{
    public static string Claim(long id, string slug) => $"/claims/{id.ToString(CultureInfo.InvariantCulture)}/{slug}";
    public static string Source(string slug) => $"/sources/{slug}";
    public static string Passage(string sourceSlug, long passageId) => $"/sources/{sourceSlug}#passage-{passageId.ToString(CultureInfo.InvariantCulture)}";
    public static string Footnote(string sourceSlug, int number) => $"/sources/{sourceSlug}#footnote-{number.ToString(CultureInfo.InvariantCulture)}";
    public static string Topic(string slug) => $"/topics/{slug}";
    public static string TopicPage(string slug, string? after) => after is null ? Topic(slug) : $"/topics/{slug}?after={Uri.EscapeDataString(after)}";

    /// <summary>
    /// The compare view of two documents. Parameters left null are left out, in a fixed order, so each view has one
    /// URL; <paramref name="after"/> pages the shared claims, <paramref name="leftAfter"/> and
    /// <paramref name="rightAfter"/> the claims only one side makes.
    /// </summary>
    public static string Compare(
        string? left = null, string? right = null, string? flag = null, string? sort = null,
        string? after = null, string? leftAfter = null, string? rightAfter = null)
    {
        var query = new (string Name, string? Value)[]
        {
            ("left", left), ("right", right), ("flag", flag), ("sort", sort),
            ("after", after), ("left-after", leftAfter), ("right-after", rightAfter),
        }
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}")
            .ToList();
        return query.Count == 0 ? "/compare" : "/compare?" + string.Join("&", query);
    }
}
