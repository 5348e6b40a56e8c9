using System.Globalization;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Web.Shared;

/// <summary>Every internal URL is built here, so links and routes cannot drift apart.</summary>
public static class Links
{
    public const string SearchPath = "/search";

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

    public static string Sources(string? after = null) => WithQuery("/sources", ("after", after));
    public static string Topic(string slug) => $"/topics/{slug}";
    public static string TopicPage(string slug, string? after) => WithQuery(Topic(slug), ("after", after));

    /// <summary>A topic page with its filters and keyset cursor; defaults are left out, so each page has one URL.</summary>
    public static string TopicPage(string slug, TopicFilter filter, string? after = null) =>
        WithQuery(Topic(slug), ("flag", filter.Flag?.ToSlug()), ("source", filter.Source), ("size", SizeOrNull(filter.Size)), ("after", after));

    /// <summary>The all-claims list; parameters in a fixed order and defaults left out, so each page has one URL.</summary>
    public static string Claims(ClaimListFilter filter, string? after = null) =>
        WithQuery(
            "/claims",
            ("flag", filter.Flag?.ToSlug()),
            ("topic", filter.Topic),
            ("source", filter.Source),
            ("roots", filter.SingleRoot ? BrowseParameters.SingleRoot : null),
            ("sort", filter.Sort == ClaimSort.Newest ? null : filter.Sort.ToSlug()),
            ("size", SizeOrNull(filter.Size)),
            ("after", after));

    public static string Outlets() => "/outlets";

    /// <summary>An outlet's page: <paramref name="after"/> pages its claims, <paramref name="footnotesAfter"/> its footnotes.</summary>
    public static string Outlet(string slug, string? after = null, int size = BrowseParameters.DefaultSize, string? footnotesAfter = null) =>
        WithQuery($"/outlets/{Uri.EscapeDataString(slug)}", ("size", SizeOrNull(size)), ("after", after), ("footnotes-after", footnotesAfter));

    /// <summary>A search: text, optional filters (topic slug, flag slug, source slug) and an optional page cursor.</summary>
    public static string Search(string? q = null, string? topic = null, string? flag = null, string? source = null, string? after = null) =>
        WithQuery(SearchPath, ("q", q), ("topic", topic), ("flag", flag), ("source", source), ("after", after));

    /// <summary>
    /// The compare view of two documents. <paramref name="after"/> pages the shared claims, <paramref name="leftAfter"/>
    /// and <paramref name="rightAfter"/> the claims only one side makes.
    /// </summary>
    public static string Compare(
        string? left = null, string? right = null, string? flag = null, string? sort = null,
        string? after = null, string? leftAfter = null, string? rightAfter = null) =>
        WithQuery("/compare", ("left", left), ("right", right), ("flag", flag), ("sort", sort),
            ("after", after), ("left-after", leftAfter), ("right-after", rightAfter));

    /// <summary>
    /// A fragment of the current page. The layout's &lt;base href="/"&gt; makes a bare "#id" mean the home page, so
    /// in-page links carry the page's own path and query.
    /// </summary>
    public static string Fragment(Microsoft.AspNetCore.Components.NavigationManager navigation, string id)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        var hash = here.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? here : here[..hash]) + "#" + id;
    }

    /// <summary>
    /// A path with its parameters in a fixed order, empty ones left out, so each view has exactly one URL.
    /// </summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = parameters
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}")
            .ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static string? SizeOrNull(int size) =>
        size == BrowseParameters.DefaultSize ? null : size.ToString(CultureInfo.InvariantCulture);

    // API and exports
    public const string ApiPrefix = "/api/v1";
    public const string ApiReference = "/api";
    public const string OpenApiDocument = "/openapi/v1.json";

    /// <summary>A claim and a document as the read API gives them (each page's JSON alternate).</summary>
    public static string ApiClaim(long id) => $"{ApiPrefix}/claims/{id.ToString(CultureInfo.InvariantCulture)}";
    public static string ApiSource(string slug) => $"{ApiPrefix}/sources/{slug}";

    /// <summary>The formats references download in.</summary>
    public static readonly IReadOnlyList<string> ReferenceFormats = ["csl-json", "bibtex", "ris"];

    /// <summary>Every document's and footnote's reference in a format: csl-json, bibtex or ris.</summary>
    public static string ExportReferences(string format) => $"/exports/references/{format}";
    public static string ExportSourceReferences(string sourceSlug, string format) => $"/exports/sources/{sourceSlug}/references/{format}";
    public static string ExportFootnoteReference(string sourceSlug, int number, string format) =>
        $"/exports/sources/{sourceSlug}/footnotes/{number.ToString(CultureInfo.InvariantCulture)}/{format}";

    /// <summary>Every claim as csv or json.</summary>
    public static string ExportClaims(string format) => $"/exports/claims.{format}";

    // Accounts
    public const string SignInPage = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string AccessDenied = "/account/access-denied";
    public const string AdminUsers = "/admin/users";

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string SignIn(string? returnUrl) => WithQuery(SignInPage, ("returnUrl", returnUrl == "/" ? null : returnUrl));

    public static string AdminUsersPage(string? after) => WithQuery(AdminUsers, ("after", after));
    public static string AdminUser(string id) => $"{AdminUsers}/{Uri.EscapeDataString(id)}";

    // Editing: sources, the review queue, history
    public const string NewSource = "/edit/sources/new";
    public const string ReviewQueue = "/edit/review";

    public static string EditSource(int id) => $"/edit/sources/{id.ToString(CultureInfo.InvariantCulture)}";
    public static string ReviewQueuePage(long? after) => WithQuery(ReviewQueue, ("after", after?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A claim's or a source's history ("claims" or "sources"), optionally paged and with two revisions to compare.</summary>
    public static string History(string kind, long id, int? from = null, int? to = null, int? before = null) =>
        WithQuery($"/history/{kind}/{id.ToString(CultureInfo.InvariantCulture)}",
            ("from", from?.ToString(CultureInfo.InvariantCulture)), ("to", to?.ToString(CultureInfo.InvariantCulture)),
            ("before", before?.ToString(CultureInfo.InvariantCulture)));

    public static string ClaimHistory(long id, int? from = null, int? to = null) => History("claims", id, from, to);
    public static string SourceHistory(int id, int? from = null, int? to = null) => History("sources", id, from, to);

    /// <summary>A source page after a save, with the counts the editor's message reports.</summary>
    public static string SourceSaved(string slug, KnowledgeBase.Core.Editing.ReanchorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return WithQuery(Source(slug), ("saved", "1"),
            ("exact", report.Exact.ToString(CultureInfo.InvariantCulture)), ("moved", report.Moved.ToString(CultureInfo.InvariantCulture)),
            ("fuzzy", report.Fuzzy.ToString(CultureInfo.InvariantCulture)), ("orphaned", report.Orphaned.ToString(CultureInfo.InvariantCulture)));
    }

    // Claim editing (branch claim-editor).
    public const string NewClaim = "/edit/claims/new";
    public static string EditClaim(long id) => $"/edit/claims/{id.ToString(CultureInfo.InvariantCulture)}";

    // Citing words selected on a source page (canonical offsets, see Core/Citing).
    public const string CiteSelectionPath = "/edit/cite";

    /// <summary>A new claim whose first citation quotes these words of a source.</summary>
    public static string NewClaimCiting(string sourceSlug, int start, int end) => Citing(NewClaim, sourceSlug, start, end);

    /// <summary>A claim with a citation of these words added.</summary>
    public static string EditClaimCiting(long id, string sourceSlug, int start, int end) => Citing(EditClaim(id), sourceSlug, start, end);

    /// <summary>The words, and the claims to add them to, found by their words (<paramref name="q"/>).</summary>
    public static string CiteSelection(string sourceSlug, int start, int end, string? q = null) => Citing(CiteSelectionPath, sourceSlug, start, end, q);

    private static string Citing(string path, string sourceSlug, int start, int end, string? q = null) =>
        WithQuery(path, ("source", sourceSlug), ("start", start.ToString(CultureInfo.InvariantCulture)), ("end", end.ToString(CultureInfo.InvariantCulture)), ("q", q));

    /// <summary>The claim page after a save: it shows that revision's number as a notice.</summary>
    public static string ClaimSaved(long id, string slug, int revision) =>
        WithQuery(Claim(id, slug), ("saved", revision.ToString(CultureInfo.InvariantCulture)));
}
