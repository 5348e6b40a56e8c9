using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Web.Browse;

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

    /// <summary>A topic page with its filters and keyset cursor; defaults are left out, so each page has one URL.</summary>
    public static string TopicPage(string slug, TopicFilter filter, string? after = null) =>
        Topic(slug) + Query(
            ("flag", filter.Flag?.ToSlug()),
            ("source", filter.Source),
            ("size", SizeOrNull(filter.Size)),
            ("after", after));

    /// <summary>The all-claims list; parameters in a fixed order and defaults left out, so each page has one URL.</summary>
    public static string Claims(ClaimListFilter filter, string? after = null) =>
        "/claims" + Query(
            ("flag", filter.Flag?.ToSlug()),
            ("topic", filter.Topic),
            ("source", filter.Source),
            ("sort", filter.Sort == ClaimSort.Newest ? null : filter.Sort.ToSlug()),
            ("size", SizeOrNull(filter.Size)),
            ("after", after));

    public static string Outlets() => "/outlets";

    public static string Outlet(string slug, string? after = null, int size = BrowseParameters.DefaultSize) =>
        $"/outlets/{Uri.EscapeDataString(slug)}" + Query(("size", SizeOrNull(size)), ("after", after));

    private static string? SizeOrNull(int size) =>
        size == BrowseParameters.DefaultSize ? null : size.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }
}
