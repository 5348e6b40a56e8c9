using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Testing.Schemas;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Exports;

[Collection(AppCollection.Name)]
public sealed class ExportTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = ApiClient.For(app);

    private async Task<(string Body, HttpResponseMessage Response)> GetAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return (body, response);
    }

    [Fact]
    public async Task Claims_csv_has_one_row_per_citation_and_parses()
    {
        var (body, response) = await GetAsync("/exports/claims.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = CsvReader.FromText(body, new CsvReaderOptions { AllowLineBreaksInQuotes = true });
        var headers = reader.Headers.ToList();
        Assert.Equal(
            ["claim_id", "slug", "statement", "flag", "claim_figure", "source", "stance", "quote", "footnote", "figure",
             "attribution", "outlet", "claim_url", "passage_url", "voice", "certainty", "as_of", "as_of_words", "derived"],
            headers);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(headers.Count, reader.FieldCount);
            rows.Add(headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }
        var citations = await app.QueryAsync(db => db.Citations.CountAsync());
        Assert.Equal(citations, rows.Count);
        Assert.Equal(Seed.ClaimCount, rows.Select(r => r["claim_id"]).Distinct().Count());
        var idsa = rows.Single(r => r["slug"] == Seed.Claims.RussiaPaysNorthKorea && r["source"] == Seed.MpIdsa.Slug);
        Assert.Equal("partial", idsa["flag"]);
        Assert.Equal("11", idsa["footnote"]);
        Assert.False(string.IsNullOrEmpty(idsa["quote"]));
        var quote = await app.QueryAsync(db => db.Citations.Where(c => c.Claim!.Slug == Seed.Claims.RussiaPaysNorthKorea && c.Passage!.Source!.ShortName == "MP-IDSA")
            .Select(c => c.Passage!.Exact).SingleAsync());
        Assert.Equal(quote, idsa["quote"]);
        Assert.Equal("The Korea Herald", idsa["outlet"]);
        var usip = rows.Single(r => r["slug"] == Seed.Claims.RussiaPaysNorthKorea && r["source"] == Seed.Usip.Slug);
        Assert.Equal("South Korea’s intelligence agency", usip["attribution"]);
        // Both addresses are absolute and lead to the claim and to the highlighted passage.
        var claimUrl = new Uri(idsa["claim_url"]);
        var passageUrl = new Uri(idsa["passage_url"]);
        Assert.True(claimUrl.IsAbsoluteUri && passageUrl.IsAbsoluteUri);
        Assert.Contains(Seed.Claims.RussiaPaysNorthKorea, (await PageClient.For(app).GetPageAsync(claimUrl.PathAndQuery)), StringComparison.Ordinal);
        var source = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await PageClient.For(app).GetPageAsync(passageUrl.AbsolutePath));
        var anchor = source.GetElementById(passageUrl.Fragment[1..]);
        Assert.Equal("passage-anchor", anchor?.ClassName);
        var marked = source.QuerySelectorAll("mark.passage")
            .Where(m => m.GetAttribute("data-passages")!.Split(' ').Contains(anchor!.GetAttribute("data-passage")));
        Assert.Equal(idsa["quote"], string.Concat(marked.Select(m => m.TextContent)));
    }

    [Fact]
    public async Task Claims_json_lists_every_claim_with_citations()
    {
        var (body, _) = await GetAsync("/exports/claims.json");
        var claims = JsonDocument.Parse(body).RootElement;
        Assert.Equal(Seed.ClaimCount, claims.GetArrayLength());
        var kursk = claims.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == Seed.Claims.TroopsInKursk);
        Assert.Equal("agree", kursk.GetProperty("agreement").GetString());
        Assert.True(kursk.GetProperty("citations").GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData("csl-json", "application/vnd.citationstyles.csl+json")]
    [InlineData("bibtex", "application/x-bibtex")]
    [InlineData("ris", "application/x-research-info-systems")]
    public async Task Source_references_cover_the_document_and_its_27_footnotes(string format, string mediaType)
    {
        var (body, response) = await GetAsync($"/exports/sources/{Seed.MpIdsa.Slug}/references/{format}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var count = format switch
        {
            "csl-json" => JsonDocument.Parse(body).RootElement.GetArrayLength(),
            "bibtex" => body.Split('\n').Count(l => l.StartsWith('@')),
            _ => body.Split("\r\n").Count(l => l.StartsWith("TY  - ", StringComparison.Ordinal)),
        };
        Assert.Equal(28, count);
    }

    [Fact]
    public async Task One_footnote_and_the_whole_knowledge_base()
    {
        var (one, _) = await GetAsync($"/exports/sources/{Seed.MpIdsa.Slug}/footnotes/11/csl-json");
        var item = Assert.Single(JsonDocument.Parse(one).RootElement.EnumerateArray());
        Assert.Equal($"{Seed.MpIdsa.Slug}-fn11", item.GetProperty("id").GetString());
        Assert.Equal("article-newspaper", item.GetProperty("type").GetString());

        var (all, _) = await GetAsync("/exports/references/ris");
        var footnotes = await app.QueryAsync(db => db.Footnotes.CountAsync());
        Assert.Equal(footnotes + 2, all.Split("\r\n").Count(l => l.StartsWith("TY  - ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/exports/references/csl-json")]
    [InlineData($"/exports/sources/{Seed.Usip.Slug}/references/csl-json")]
    [InlineData($"/exports/sources/{Seed.MpIdsa.Slug}/references/csl-json")]
    [InlineData($"/exports/sources/{Seed.MpIdsa.Slug}/footnotes/11/csl-json")]
    public async Task Csl_json_exports_validate_against_the_csl_data_schema(string url)
    {
        var (body, _) = await GetAsync(url);
        Assert.Empty(CslDataSchema.Validate(body));
    }

    [Theory]
    [InlineData("ris")]
    [InlineData("bibtex")]
    [InlineData("csl-json")]
    public async Task The_streamed_whole_knowledge_base_is_every_document_s_references_in_id_order(string format)
    {
        var (all, response) = await GetAsync($"/exports/references/{format}");
        var type = response.Content.Headers.ContentType!.ToString();
        var slugs = await app.QueryAsync(db => db.Sources.OrderBy(s => s.Id).Select(s => s.Slug).ToListAsync());
        var parts = new List<string>();
        foreach (var slug in slugs)
        {
            parts.Add((await GetAsync($"/exports/sources/{slug}/references/{format}")).Body);
        }
        if (format == "csl-json")
        {
            // One array, written an item at a time: the same items as the documents' arrays end to end.
            var items = parts.SelectMany(p => JsonDocument.Parse(p).RootElement.EnumerateArray().Select(e => e.GetRawText()));
            Assert.Equal(items, JsonDocument.Parse(all).RootElement.EnumerateArray().Select(e => e.GetRawText()));
        }
        else
        {
            Assert.Equal(string.Concat(parts), all);
        }
        Assert.StartsWith(format switch { "ris" => "application/x-research-info-systems", "bibtex" => "application/x-bibtex", _ => "application/vnd.citationstyles.csl+json" }, type, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exports/references/endnote", HttpStatusCode.BadRequest)]
    [InlineData("/exports/sources/no-such-source/references/ris", HttpStatusCode.NotFound)]
    [InlineData($"/exports/sources/{Seed.MpIdsa.Slug}/footnotes/99/ris", HttpStatusCode.NotFound)]
    public async Task Bad_export_requests_are_problems(string url, HttpStatusCode status) =>
        await _client.GetProblemAsync(url, status);

    [Fact]
    public async Task Claim_pages_embed_schema_org_claim_json_ld()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var page = await PageClient.For(app).GetPageAsync($"/claims/{claim.Id}/{claim.Slug}");
        const string open = "<script type=\"application/ld+json\">";
        var start = page.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "no JSON-LD");
        start += open.Length;
        var json = page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)];
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Claim", data.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        var citations = await app.QueryAsync(db => db.Citations.CountAsync(c => c.ClaimId == claim.Id));
        Assert.Equal(citations, data.GetProperty("appearance").GetArrayLength());
        Assert.All(data.GetProperty("appearance").EnumerateArray(), a =>
        {
            Assert.Equal("CreativeWork", a.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrEmpty(a.GetProperty("text").GetString()));
            Assert.StartsWith("http", a.GetProperty("url").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Claim_and_source_pages_name_their_json_in_the_api()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var claimPage = parser.ParseDocument(await PageClient.For(app).GetPageAsync($"/claims/{claim.Id}/{claim.Slug}"));
        var sourcePage = parser.ParseDocument(await PageClient.For(app).GetPageAsync($"/sources/{Seed.Usip.Slug}"));
        var claimJson = claimPage.QuerySelector("head link[rel=alternate][type='application/json']")?.GetAttribute("href");
        var sourceJson = sourcePage.QuerySelector("head link[rel=alternate][type='application/json']")?.GetAttribute("href");
        Assert.Equal($"/api/v1/claims/{claim.Id}", claimJson);
        Assert.Equal($"/api/v1/sources/{Seed.Usip.Slug}", sourceJson);
        // The claim's "Cite this claim" box links it too, and both answer the thing their page shows.
        Assert.Contains(claimPage.QuerySelectorAll(".cite-claim a"), a => a.GetAttribute("href") == claimJson);
        Assert.Equal(claim.Slug, (await _client.GetJsonAsync(claimJson!)).GetProperty("slug").GetString());
        Assert.Equal("USIP", (await _client.GetJsonAsync(sourceJson!)).GetProperty("shortName").GetString());
    }

    [Fact]
    public async Task Source_and_home_pages_link_to_the_downloads()
    {
        var source = await PageClient.For(app).GetPageAsync($"/sources/{Seed.Usip.Slug}");
        Assert.Contains($"/exports/sources/{Seed.Usip.Slug}/references/bibtex", source, StringComparison.Ordinal);
        var home = await PageClient.For(app).GetPageAsync("/");
        Assert.Contains("/exports/claims.csv", home, StringComparison.Ordinal);
        Assert.Contains("/exports/references/csl-json", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_footnote_on_the_source_page_links_its_reference_in_each_format()
    {
        var html = await PageClient.For(app).GetPageAsync($"/sources/{Seed.MpIdsa.Slug}");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var notes = page.QuerySelectorAll(".source-body li[id^='footnote-']");
        Assert.Equal(Seed.MpIdsa.FootnoteCount, notes.Length);
        var mediaTypes = new Dictionary<string, string>
        {
            ["BibTeX"] = "application/x-bibtex",
            ["RIS"] = "application/x-research-info-systems",
            ["CSL-JSON"] = "application/vnd.citationstyles.csl+json",
        };
        foreach (var note in notes)
        {
            var number = note.Id!["footnote-".Length..];
            var cite = note.QuerySelector("p.footnote-cite");
            Assert.NotNull(cite);
            Assert.StartsWith("Cite: BibTeX", cite.TextContent, StringComparison.Ordinal);
            var links = cite.QuerySelectorAll("a").ToList();
            Assert.Equal(["BibTeX", "RIS", "CSL-JSON"], links.Select(a => a.FirstChild!.TextContent));
            // Screen readers hear which footnote each link belongs to.
            Assert.All(links, a => Assert.EndsWith($"reference of footnote {number}", a.TextContent, StringComparison.Ordinal));
            // A client of its own per footnote: 81 downloads stay under the anonymous rate limit.
            var client = ApiClient.For(app);
            foreach (var link in links)
            {
                var href = link.GetAttribute("href")!;
                Assert.StartsWith($"/exports/sources/{Seed.MpIdsa.Slug}/footnotes/{number}/", href, StringComparison.Ordinal);
                using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {href} answered {(int)response.StatusCode}");
                Assert.Equal(mediaTypes[link.FirstChild!.TextContent], response.Content.Headers.ContentType?.MediaType);
                Assert.Contains($"{Seed.MpIdsa.Slug}-fn{number}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }
}
