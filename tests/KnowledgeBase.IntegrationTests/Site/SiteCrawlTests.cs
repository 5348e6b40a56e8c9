using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using Xunit.Abstractions;

namespace KnowledgeBase.IntegrationTests.Site;

/// <summary>
/// Crawls the seeded site from "/" as a browser without script would: every same-origin link (a, link, script) is
/// resolved against the page's &lt;base href&gt;, every page is fetched once, and the crawl fails on any answer other
/// than 200 (redirects included: internal links should name canonical addresses) and on any fragment whose id the
/// target page lacks. A bare "#id" on a page other than "/" is broken too: under &lt;base href="/"&gt; it leads to the
/// home page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SiteCrawlTests(KnowledgeBaseApp app, ITestOutputHelper output)
{
    /// <summary>A safety net against a runaway crawl (e.g. a cursor that never ends): the seed site has ~100 pages.</summary>
    private const int MaxPages = 1_000;

    private sealed record Link(string From, string Href, Uri Target);

    private sealed record Page(HttpStatusCode Status, HashSet<string> Ids);

    [Fact]
    public async Task Every_internal_link_and_fragment_of_the_seeded_site_resolves()
    {
        using var client = PageClient.For(app);
        var origin = client.BaseAddress!;
        var parser = new HtmlParser();
        var pages = new Dictionary<string, Page>(StringComparer.Ordinal);
        var links = new List<Link>();
        var problems = new List<string>();
        var external = 0;
        var queue = new Queue<Uri>([new Uri(origin, "/")]);

        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            var key = url.PathAndQuery;
            if (pages.ContainsKey(key))
            {
                continue;
            }
            // Each fetch from an address of its own: the pages link the API and the downloads, whose anonymous rate
            // limit is not what this crawl tests (ApiRateLimitTests does).
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(key, UriKind.Relative));
            request.Headers.Add(TestClientAddress.Header, ApiClient.NewAddress());
            using var response = await client.SendAsync(request);
            var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
            var ids = new HashSet<string>(StringComparer.Ordinal);
            pages[key] = new Page(response.StatusCode, ids);
            if (response.StatusCode != HttpStatusCode.OK || !isHtml)
            {
                continue;
            }

            using var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var element in document.QuerySelectorAll("[id]"))
            {
                ids.Add(element.Id!);
            }
            var baseUri = document.QuerySelector("base[href]") is { } b ? new Uri(url, b.GetAttribute("href")!) : url;
            foreach (var (element, href) in References(document))
            {
                if (!Uri.TryCreate(baseUri, href, out var target) || target.Scheme is not ("http" or "https"))
                {
                    continue;
                }
                if (target.Authority != origin.Authority)
                {
                    external++;
                    continue;
                }
                if (href.StartsWith('#') && target.PathAndQuery != key)
                {
                    problems.Add($"{key}: <{element.LocalName} href=\"{href}\"> leads to {target.PathAndQuery}, not to this page (the page has <base href>)");
                }
                links.Add(new Link(key, href, target));
                if (!pages.ContainsKey(target.PathAndQuery))
                {
                    queue.Enqueue(target);
                }
            }
        }

        foreach (var link in links)
        {
            var page = pages.GetValueOrDefault(link.Target.PathAndQuery);
            if (page is null)
            {
                problems.Add($"{link.From}: {link.Href} was never fetched (the crawl stopped at {MaxPages} pages)");
            }
            else if (page.Status != HttpStatusCode.OK)
            {
                problems.Add($"{link.From}: {link.Href} answered {(int)page.Status}");
            }
            else if (link.Target.Fragment.Length > 1 && !page.Ids.Contains(Uri.UnescapeDataString(link.Target.Fragment[1..])))
            {
                problems.Add($"{link.From}: {link.Href} names an id {link.Target.PathAndQuery} lacks");
            }
        }

        var htmlPages = pages.Values.Count(p => p.Ids.Count > 0);
        output.WriteLine($"Crawled {pages.Count} addresses ({htmlPages} HTML pages), checked {links.Count} internal links "
            + $"({links.Count(l => l.Target.Fragment.Length > 1)} with fragments), skipped {external} external links.");
        Assert.True(problems.Count == 0, $"{problems.Count} broken links:\n" + string.Join("\n", problems.Distinct().Take(50)));
        // The crawl reached the whole seeded site: every claim, both sources, the topics.
        Assert.True(htmlPages >= Seed.ClaimCount + Seed.SourceCount + Seed.TopicCount, $"only {htmlPages} HTML pages were reached");
    }

    /// <summary>Every address a page refers to: links, stylesheets and other &lt;link&gt;s, scripts, images.</summary>
    private static IEnumerable<(IElement Element, string Href)> References(IDocument document)
    {
        foreach (var e in document.QuerySelectorAll("a[href], link[href]"))
        {
            yield return (e, e.GetAttribute("href")!);
        }
        foreach (var e in document.QuerySelectorAll("script[src], img[src]"))
        {
            yield return (e, e.GetAttribute("src")!);
        }
    }
}
