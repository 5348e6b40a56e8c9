using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Sources;

[Collection(AppCollection.Name)]
public sealed class SourcePageTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);

    [Theory]
    [InlineData(Seed.Usip.Slug)]
    [InlineData(Seed.MpIdsa.Slug)]
    public async Task Every_cited_passage_is_marked_with_its_fragment_id(string slug)
    {
        var passageIds = await app.QueryAsync(db => db.Passages.Where(p => p.Source!.Slug == slug).Select(p => p.Id).ToListAsync());

        var html = await _client.GetPageAsync(Links.Source(slug));

        Assert.NotEmpty(passageIds);
        foreach (var id in passageIds)
        {
            Assert.Contains($"id=\"passage-{id}\"", html);
        }
    }

    [Fact]
    public async Task The_idsa_page_has_all_27_footnotes_and_footnote_11_lists_the_claim_resting_on_it()
    {
        var pay = await app.ClaimAsync(Seed.Claims.RussiaPaysNorthKorea);

        var html = await _client.GetPageAsync(Links.Source(Seed.MpIdsa.Slug));

        for (var n = 1; n <= Seed.MpIdsa.FootnoteCount; n++)
        {
            Assert.Contains($"id=\"footnote-{n}\"", html);
            Assert.Contains($"href=\"{Links.Footnote(Seed.MpIdsa.Slug, n)}\"", html);
        }
        Assert.Contains("$200m A Year", html);
        var footnote11 = html[html.IndexOf("id=\"footnote-11\"", StringComparison.Ordinal)..html.IndexOf("id=\"footnote-12\"", StringComparison.Ordinal)];
        Assert.Contains(Links.Claim(pay.Id, pay.Slug), footnote11);
    }

    [Fact]
    public async Task The_usip_page_shows_its_metadata_and_editorial_note()
    {
        var html = await _client.GetPageAsync(Links.Source(Seed.Usip.Slug));

        Assert.Contains("How Should Seoul Respond to North Korea's Soldiers in Russia?", html);
        Assert.Contains("Lami Kim", html);
        Assert.Contains("November 2024", html);
        Assert.Contains("Editorial note", html);
        Assert.Contains("Foreign Trade Act", html);
    }

    [Fact]
    public async Task The_sources_index_lists_both_documents()
    {
        var html = await _client.GetPageAsync("/sources");

        Assert.Contains(Links.Source(Seed.Usip.Slug), html);
        Assert.Contains(Links.Source(Seed.MpIdsa.Slug), html);
    }

    [Fact]
    public async Task Every_passage_number_is_a_link_to_its_entry_listing_the_claims_it_backs()
    {
        var citations = await app.QueryAsync(db => db.Citations
            .Where(c => c.Passage!.Source!.Slug == Seed.MpIdsa.Slug)
            .Select(c => new { c.PassageId, c.Claim!.Id, c.Claim.Slug }).ToListAsync());

        var html = await _client.GetPageAsync(Links.Source(Seed.MpIdsa.Slug));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        foreach (var passage in citations.GroupBy(c => c.PassageId))
        {
            var number = document.QuerySelector($"a.passage-anchor#passage-{passage.Key}");
            Assert.NotNull(number);
            Assert.Equal(Links.PassageClaims(Seed.MpIdsa.Slug, passage.Key), number!.GetAttribute("href"));
            var entry = document.QuerySelector($"li#passage-{passage.Key}-claims");
            Assert.NotNull(entry);
            var claimLinks = entry!.QuerySelectorAll(".cited-passage-claims a").Select(a => a.GetAttribute("href")).Order();
            Assert.Equal(passage.Select(c => Links.Claim(c.Id, c.Slug)).Order(), claimLinks);
            Assert.Equal(Links.Passage(Seed.MpIdsa.Slug, passage.Key), entry.QuerySelector("a.cited-passage-quote")!.GetAttribute("href"));
        }
        Assert.Empty(document.QuerySelectorAll(".source-body a[href^='#']"));
    }

    [Fact]
    public async Task The_previews_script_is_loaded_deferred_from_a_file_and_the_page_has_no_inline_script()
    {
        var html = await _client.GetPageAsync(Links.Source(Seed.Usip.Slug));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var script = Assert.Single(document.QuerySelectorAll("script[src*='source-previews']"));
        Assert.True(script.HasAttribute("defer"));
        Assert.Empty(document.QuerySelectorAll("script:not([src]):not([type='importmap'])"));
        using var response = await _client.GetAsync(new Uri(script.GetAttribute("src")!.Insert(0, "/"), UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("source-preview", await response.Content.ReadAsStringAsync());
    }
}
