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

    public const string SearchPath = "/search";

    /// <summary>A search: text, optional filters (topic slug, flag slug, source slug) and an optional page cursor.</summary>
    public static string Search(string? q = null, string? topic = null, string? flag = null, string? source = null, string? after = null)
    {
        var query = new List<string>(5);
        Add("q", q);
        Add("topic", topic);
        Add("flag", flag);
        Add("source", source);
        Add("after", after);
        return query.Count == 0 ? SearchPath : $"{SearchPath}?{string.Join('&', query)}";

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
    }
}
