using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace KnowledgeBase.IntegrationTests.Browse;

/// <summary>Reads keyset-paged list pages the way a crawler would: the claims listed, and the rel="next" link.</summary>
internal static partial class ListPages
{
    /// <summary>The ids of the claim cards on a page, in page order.</summary>
    public static List<long> ClaimIds(string html) =>
        ClaimCard().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The pager's next link, or null on the last page.</summary>
    public static string? NextLink(string html) => NextAnchor().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? FirstLink(string html) => FirstAnchor().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? Canonical(string html) => CanonicalLink().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Follows rel="next" from <paramref name="url"/> to the last page; returns every claim id seen and the page count.</summary>
    public static async Task<(List<long> Ids, int Pages)> WalkAsync(HttpClient client, string url, int maxPages = 100)
    {
        var ids = new List<long>();
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            Assert.True(++pages <= maxPages, $"more than {maxPages} pages from {url}");
            var html = await client.GetPageAsync(next);
            ids.AddRange(ClaimIds(html));
            next = NextLink(html);
        }
        return (ids, pages);
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex(@"<article class=""claim-card"" aria-labelledby=""claim-(\d+)""")]
    private static partial Regex ClaimCard();

    [GeneratedRegex(@"<a href=""([^""]+)"" rel=""next""")]
    private static partial Regex NextAnchor();

    [GeneratedRegex(@"<a href=""([^""]+)"" rel=""first""")]
    private static partial Regex FirstAnchor();

    [GeneratedRegex(@"<link rel=""canonical"" href=""([^""]+)""")]
    private static partial Regex CanonicalLink();
}
