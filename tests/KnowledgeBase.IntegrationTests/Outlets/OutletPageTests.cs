using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KnowledgeBase.IntegrationTests.Browse;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Outlets;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Outlets;

[Collection(AppCollection.Name)]
public sealed partial class OutletPageTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);

    private Task<List<(string Outlet, string SourceSlug, int Number)>> FootnotesAsync() =>
        app.QueryAsync(async db => (await db.Footnotes
                .Where(f => f.Cites.Outlet != null)
                .Select(f => new { Outlet = f.Cites.Outlet!, f.Source!.Slug, f.Number })
                .ToListAsync())
            .Select(f => (f.Outlet, f.Slug, f.Number))
            .ToList());

    [Fact]
    public async Task The_outlets_index_lists_every_cited_outlet_with_its_footnote_and_claim_counts_most_relied_on_first()
    {
        var footnotes = await FootnotesAsync();
        var claims = await ClaimFacts.LoadAsync(app);

        var html = await _client.GetPageAsync(Links.Outlets());

        var rows = OutletRow().Matches(html).Select(m => (
            Href: m.Groups[1].Value,
            Name: m.Groups[2].Value,
            Footnotes: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
            Claims: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture))).ToList();
        var outlets = footnotes.Select(f => f.Outlet).Distinct().ToList();
        Assert.Equal(outlets.Count, rows.Count);
        foreach (var outlet in outlets)
        {
            var row = Assert.Single(rows, r => r.Name == outlet);
            Assert.Equal(Links.Outlet(OutletSlug.From(outlet)), row.Href);
            Assert.Equal(footnotes.Count(f => f.Outlet == outlet), row.Footnotes);
            Assert.Equal(claims.Count(c => c.Outlets.Contains(outlet)), row.Claims);
        }
        Assert.Equal(rows.Select(r => r.Claims).OrderDescending(), rows.Select(r => r.Claims));
        Assert.Equal("The Korea Times", rows[0].Name);
    }

    [Fact]
    public async Task The_outlets_index_names_each_wire_agency_as_one_independent_root_with_the_papers_that_printed_it()
    {
        var yonhap = await app.QueryAsync(async db => new
        {
            Footnotes = await db.Footnotes.Where(f => f.Cites.Authors == "Yonhap")
                .GroupBy(f => f.Cites.Outlet!).Select(g => new { Outlet = g.Key, Count = g.Count() }).ToListAsync(),
            Claims = await db.Citations.Where(c => c.Passage!.Footnote!.Cites.Authors == "Yonhap").Select(c => c.ClaimId).Distinct().CountAsync(),
        });
        Assert.True(yonhap.Footnotes.Count >= 2, "The seed prints Yonhap copy in two papers.");

        var document = new HtmlParser().ParseDocument(await _client.GetPageAsync(Links.Outlets()));

        var roots = document.QuerySelectorAll(".root-list li").Select(li => Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();
        var through = yonhap.Footnotes.OrderByDescending(f => f.Count).ThenBy(f => f.Outlet).Select(f => $"{f.Outlet} ({f.Count})");
        Assert.Equal(
            $"Yonhap, a wire agency: {yonhap.Footnotes.Sum(f => f.Count)} footnotes through {string.Join(" and ", through)}; {yonhap.Claims} claims rest on it.",
            roots[0]);
        Assert.Equal(
            yonhap.Footnotes.Select(f => Links.Outlet(OutletSlug.From(f.Outlet))).Order(),
            document.QuerySelectorAll(".root-list li:first-child a").Select(a => a.GetAttribute("href")).Order());
        // An agency cited under its own name is its own root, printed through no paper.
        Assert.Contains(roots, r => r.StartsWith("Associated Press, a wire agency: 1 footnote; ", StringComparison.Ordinal));
        Assert.Contains("independent roots (they cite", document.QuerySelector(".roots")!.TextContent);
    }

    [Fact]
    public async Task A_paper_printing_agency_copy_says_which_of_its_footnotes_rest_on_the_agency()
    {
        var counts = await app.QueryAsync(async db => new
        {
            Yonhap = await db.Footnotes.CountAsync(f => f.Cites.Outlet == "The Korea Times" && f.Cites.Authors == "Yonhap"),
            All = await db.Footnotes.CountAsync(f => f.Cites.Outlet == "The Korea Times"),
        });
        Assert.InRange(counts.Yonhap, 1, counts.All - 1);

        var korea = new HtmlParser().ParseDocument(await _client.GetPageAsync(Links.Outlet("the-korea-times")));
        var aljazeera = new HtmlParser().ParseDocument(await _client.GetPageAsync(Links.Outlet("al-jazeera")));

        Assert.StartsWith(
            $"{counts.Yonhap} of the {counts.All} footnotes credit Yonhap: they rest on that wire agency's copy",
            Regex.Replace(korea.QuerySelector(".outlet-root")!.TextContent, @"\s+", " ").Trim());
        Assert.Null(aljazeera.QuerySelector(".outlet-root"));
    }

    [Fact]
    public async Task An_outlet_page_lists_its_footnotes_linked_to_their_place_in_the_document()
    {
        var footnotes = (await FootnotesAsync()).Where(f => f.Outlet == "The Korea Times").ToList();

        var html = await _client.GetPageAsync(Links.Outlet(Seed.Outlets.TheKoreaTimes));

        Assert.Matches("<h1[^>]*>The Korea Times</h1>", html);
        Assert.NotEmpty(footnotes);
        foreach (var f in footnotes)
        {
            Assert.Contains($"href=\"{Links.Footnote(f.SourceSlug, f.Number)}\"", html);
            Assert.Contains($"MP-IDSA, footnote {f.Number}<", html);
        }
        Assert.Equal(footnotes.Count, FootnoteLink().Count(html));
        Assert.Contains($"{footnotes.Count} footnotes in 1 document cite The Korea Times", html);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task The_footnotes_of_an_outlet_page_through_every_one_once_in_order(int pageSize)
    {
        string[] spellings = ["The Korea Times"];
        var (all, end) = await app.QueryAsync(db => OutletQueries.FootnotesAsync(db, spellings, null, CancellationToken.None, pageSize: 1000));
        Assert.Null(end);
        Assert.True(all.Count > 4, "the seed data should give the outlet several pages");

        var walked = new List<OutletFootnote>();
        OutletFootnoteCursor? after = null;
        do
        {
            var (page, next) = await app.QueryAsync(db => OutletQueries.FootnotesAsync(db, spellings, after, CancellationToken.None, pageSize));
            Assert.InRange(page.Count, 1, pageSize);
            walked.AddRange(page);
            // Through the address, as a reader's link carries it.
            after = next is null ? null : OutletFootnoteCursor.Decode(next.Encode());
            Assert.Equal(next, after);
        }
        while (after is not null);
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task A_later_page_of_footnotes_lists_those_after_its_cursor_and_links_back_to_the_first()
    {
        string[] spellings = ["The Korea Times"];
        var (first, next) = await app.QueryAsync(db => OutletQueries.FootnotesAsync(db, spellings, null, CancellationToken.None, pageSize: 3));
        var (rest, _) = await app.QueryAsync(db => OutletQueries.FootnotesAsync(db, spellings, next, CancellationToken.None, pageSize: 1000));

        var html = await _client.GetPageAsync(Links.Outlet(Seed.Outlets.TheKoreaTimes, footnotesAfter: next!.Encode()));

        Assert.Equal(rest.Count, FootnoteLink().Count(html));
        Assert.DoesNotContain($"href=\"{Links.Footnote(first[0].SourceSlug, first[0].Number)}\"", html, StringComparison.Ordinal);
        Assert.Contains("Footnotes citing The Korea Times (continued)", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(Links.Outlet(Seed.Outlets.TheKoreaTimes))}\" rel=\"first\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_footnotes_cursor_this_site_did_not_make_is_a_bad_request()
    {
        using var response = await _client.GetAsync(new Uri(Links.Outlet(Seed.Outlets.TheKoreaTimes, footnotesAfter: "not-a-cursor"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("footnotes cursor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Seed.Outlets.TheKoreaTimes, "The Korea Times", 100)]
    [InlineData(Seed.Outlets.TheKoreaTimes, "The Korea Times", 3)]
    [InlineData("kcna", "KCNA", 1)]
    [InlineData(Seed.Outlets.KoreaJoongAngDaily, "Korea JoongAng Daily", 4)]
    public async Task An_outlet_page_lists_every_claim_resting_on_its_footnotes_once(string slug, string outlet, int size)
    {
        var expected = (await ClaimFacts.LoadAsync(app)).Where(c => c.Outlets.Contains(outlet)).Select(c => c.Id).Order().ToList();

        var (ids, pages) = await ListPages.WalkAsync(_client, Links.Outlet(slug, size: size));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
        Assert.Equal((expected.Count + size - 1) / size, pages);
    }

    [Fact]
    public async Task The_outlet_slug_matches_whatever_the_case_of_the_address()
    {
        var html = await _client.GetPageAsync("/outlets/The-Korea-Times");

        Assert.Matches("<h1[^>]*>The Korea Times</h1>", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/outlets/{Seed.Outlets.TheKoreaTimes}\"", html);
    }

    [Theory]
    [InlineData("/outlets/no-such-outlet")]
    [InlineData("/outlets/the-korea")]
    [InlineData("/outlets/-")]
    public async Task An_unknown_outlet_is_a_404(string url)
    {
        var (status, body) = await ListPages.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("could not find", body);
    }

    [Theory]
    [InlineData($"/outlets/{Seed.Outlets.TheKoreaTimes}?after=abc", "page cursor")]
    [InlineData($"/outlets/{Seed.Outlets.TheKoreaTimes}?size=500", "page size")]
    public async Task Bad_parameters_on_an_outlet_page_get_a_400(string url, string message)
    {
        var (status, body) = await ListPages.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body);
    }

    [GeneratedRegex(@"<th scope=""row""[^>]*><a href=""([^""]+)""[^>]*>([^<]+)</a></th>\s*<td class=""number""[^>]*>([0-9,]+)</td>\s*<td class=""number""[^>]*>([0-9,]+)</td>")]
    private static partial Regex OutletRow();

    [GeneratedRegex(@"class=""outlet-footnote-link"" href=""/sources/")]
    private static partial Regex FootnoteLink();
}
