using System.Globalization;

namespace KnowledgeBase.Web.Shared;

/// <summary>Every internal URL is built here, so links and routes cannot drift apart.</summary>
public static class Links
{
    public static string Claim(long id, string slug) => $"/claims/{id.ToString(CultureInfo.InvariantCulture)}/{slug}";
    public static string Source(string slug) => $"/sources/{slug}";
    public static string Passage(string sourceSlug, long passageId) => $"/sources/{sourceSlug}#passage-{passageId.ToString(CultureInfo.InvariantCulture)}";
    public static string Footnote(string sourceSlug, int number) => $"/sources/{sourceSlug}#footnote-{number.ToString(CultureInfo.InvariantCulture)}";
    /// <summary>
    /// A place on a source page. Never a bare "#id": under the app's &lt;base href="/"&gt; that would resolve to the
    /// home page.
    /// </summary>
    public static string SourceFragment(string sourceSlug, string id) => $"/sources/{sourceSlug}#{id}";

    /// <summary>A passage's entry in its source page's list of cited passages: the claims it backs.</summary>
    public static string PassageClaims(string sourceSlug, long passageId) => SourceFragment(sourceSlug, $"passage-{passageId.ToString(CultureInfo.InvariantCulture)}-claims");

    public static string Topic(string slug) => $"/topics/{slug}";
    public static string TopicPage(string slug, string? after) => after is null ? Topic(slug) : $"/topics/{slug}?after={Uri.EscapeDataString(after)}";
}
