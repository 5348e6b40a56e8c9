using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Agreement;

/// <summary>A seeded app of its own: these tests add documents and cite them in seeded claims, which the shared app's tests count.</summary>
public sealed class MoreVoicesApp : KnowledgeBaseApp;

/// <summary>
/// A document added beside the two seeded ones, cited through the API: the claim page, the compare page and the API
/// then name every voice, and say when two documents rest on one upstream agency (issue 13).
/// </summary>
public sealed class MoreVoicesOverHttpTests(MoreVoicesApp app) : IClassFixture<MoreVoicesApp>
{
    private const string ZelenskyySentence =
        "Ukrainian President Volodymyr Zelenskyy said there were possibly up to 12,000 North Korean troops in Russia.";

    private readonly HttpClient _pages = PageClient.For(app);

    private async Task<HttpClient> EditorAsync() => ApiClient.For(app).WithToken((await app.ApiTokenAsync(Roles.Editor)).Token);

    /// <summary>Adds a news report by <paramref name="shortName"/>; returns its slug.</summary>
    private async Task<string> AddReportAsync(string shortName, string title, string published, string body, Dictionary<int, CitedWork>? footnotes = null)
    {
        var slug = $"report-{Guid.NewGuid():N}"[..15];
        await app.CreateSourceAsync(new SourceDraft
        {
            Slug = slug,
            Title = title,
            ShortName = shortName,
            Publisher = shortName + " Service",
            Kind = "report",
            Published = published,
            BodyMarkdown = body,
            Footnotes = footnotes ?? [],
        });
        return slug;
    }

    private async Task<IDocument> PageAsync(string url) => new HtmlParser().ParseDocument(await _pages.GetPageAsync(url));

    private async Task<string> ClaimRationaleAsync(long id, string slug) =>
        (await PageAsync(Links.Claim(id, slug))).QuerySelector("section.claim-agreement p.rationale")!.TextContent;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_third_document_cited_through_the_api_is_named_in_the_rationale_and_compared_pairwise()
    {
        var slug = await AddReportAsync("World Wire", "Zelenskyy puts North Korean troops in Russia at up to 12,000", "2024-10-22", $"{ZelenskyySentence} He spoke in Kyiv.\n");
        var troops = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var before = await ClaimRationaleAsync(troops.Id, troops.Slug);
        Assert.Contains("USIP", before, StringComparison.Ordinal);
        Assert.Contains("MP-IDSA", before, StringComparison.Ordinal);
        Assert.DoesNotContain("World Wire", before, StringComparison.Ordinal);
        var compareBefore = await PageAsync(Links.Compare(Seed.Usip.Slug, slug));
        Assert.Null(compareBefore.GetElementById($"shared-{troops.Id}"));
        Assert.NotNull(compareBefore.GetElementById($"only-left-{troops.Id}"));

        var client = await EditorAsync();
        using var current = await client.GetAsync(new Uri($"/api/v1/claims/{troops.Id}", UriKind.Relative));
        using var add = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/claims/{troops.Id}/citations", UriKind.Relative))
        {
            Content = JsonContent.Create(new { source = slug, quote = ZelenskyySentence.TrimEnd('.'), attribution = "Zelenskyy", stance = "supports", figure = "up to 12,000 troops" }),
        };
        add.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        using var added = await client.SendAsync(add);
        var claim = await JsonAsync(added, HttpStatusCode.Created);

        // Every voice is named, on the page and in the API alike.
        var rationale = await ClaimRationaleAsync(troops.Id, troops.Slug);
        foreach (var name in new[] { "USIP", "MP-IDSA", "World Wire (", "citing Zelenskyy", "up to 12,000 troops" })
        {
            Assert.Contains(name, rationale, StringComparison.Ordinal);
        }
        Assert.Equal(rationale, claim.GetProperty("agreement").GetProperty("rationale").GetString());
        var read = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{troops.Id}");
        Assert.Equal(rationale, read.GetProperty("agreement").GetProperty("rationale").GetString());
        Assert.Equal(3, read.GetProperty("citations").GetArrayLength());

        // The compare page now holds the claim as shared, with a verdict for USIP and World Wire alone.
        var compare = await PageAsync(Links.Compare(Seed.Usip.Slug, slug));
        Assert.Null(compare.GetElementById($"only-left-{troops.Id}"));
        var row = compare.GetElementById($"shared-{troops.Id}")!;
        Assert.Contains("MP-IDSA", row.QuerySelector(".compare-row-header > .compare-row-rationale")!.TextContent, StringComparison.Ordinal);
        var pair = row.QuerySelector(".compare-row-pair")!;
        Assert.Contains("USIP and World Wire alone:", pair.TextContent, StringComparison.Ordinal);
        Assert.NotNull(pair.QuerySelector(".agreement"));
        var pairRationale = pair.QuerySelector(".compare-row-rationale")!.TextContent;
        Assert.Contains("USIP", pairRationale, StringComparison.Ordinal);
        Assert.Contains("World Wire", pairRationale, StringComparison.Ordinal);
        Assert.DoesNotContain("MP-IDSA", pairRationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_documents_resting_on_Yonhap_are_not_independent_confirmation()
    {
        // A news report crediting Yonhap, and MP-IDSA's sentence on the first clashes, whose footnote 8 is Yonhap copy.
        const string Headline = "Ukraine's Zelenskyy Confirms First Combat Engagement with N. Korean Troops";
        var slug = await AddReportAsync(
            "Korea Wire", "Ukraine reports first clashes with North Korean troops", "2024-11-06",
            $"Ukrainian forces have clashed with North Korean troops for the first time.[^1]\n\n[^1]: Yonhap, \"{Headline}\", The Korea Times, 6 November 2024.\n",
            new() { [1] = new CitedWork { Authors = "Yonhap", Title = Headline, Outlet = "The Korea Times", Published = "2024-11-06" } });
        var client = await EditorAsync();
        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), new
        {
            statement = $"Ukraine reported its first clashes with North Korean troops ({Guid.NewGuid():N}).",
            topics = new[] { Seed.Topics.TroopDeployment },
            citations = new object[]
            {
                new { source = slug, quote = "Ukrainian forces have clashed with North Korean troops for the first time", stance = "supports", footnote = 1 },
                new { source = Seed.MpIdsa.Slug, quote = "Ukraine confirmed to have had first clashes with the North Korean soldiers", stance = "supports", footnote = 8 },
            },
        });
        var claim = await JsonAsync(created, HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetInt64();

        const string NotIndependent = "Korea Wire and MP-IDSA both rest on Yonhap, so they are not independent confirmation.";
        var rationale = await ClaimRationaleAsync(id, claim.GetProperty("slug").GetString()!);
        Assert.EndsWith(NotIndependent, rationale, StringComparison.Ordinal);
        var read = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{id}");
        Assert.Equal(rationale, read.GetProperty("agreement").GetProperty("rationale").GetString());

        var row = (await PageAsync(Links.Compare(slug, Seed.MpIdsa.Slug))).GetElementById($"shared-{id}")!;
        Assert.Contains(NotIndependent, row.QuerySelector(".compare-row-pair .compare-row-rationale")!.TextContent, StringComparison.Ordinal);
    }
}
