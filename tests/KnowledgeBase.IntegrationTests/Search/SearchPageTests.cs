using System.Net;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Search;

[Collection(AppCollection.Name)]
public sealed partial class SearchPageTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task Kursk_finds_the_8000_troops_claim_with_the_word_highlighted()
    {
        var kursk = await app.ClaimAsync(Seed.Claims.TroopsInKursk);

        var html = await _client.GetPageAsync(Links.Search("Kursk"));

        Assert.Contains(Links.Claim(kursk.Id, kursk.Slug), html);
        Assert.Contains("<mark class=\"search-match\"", html);
        Assert.Matches(@"<mark class=""search-match""[^>]*>Kursk</mark>", html);
        Assert.Contains("3 claims match", html); // with the surprise attack on Kursk and the combat predicted there
    }

    [Fact]
    public async Task Poll_finds_the_13_and_82_percent_claim_through_its_quote_in_context()
    {
        var claim = await app.ClaimAsync(Seed.Claims.PublicOpposesArmingUkraine);
        Assert.DoesNotContain("poll", claim.Statement, StringComparison.OrdinalIgnoreCase);

        var html = await _client.GetPageAsync(Links.Search("poll"));

        Assert.Contains(Links.Claim(claim.Id, claim.Slug), html);
        Assert.Contains("only 13 percent supported supplying arms to Ukraine, while 82 percent opposed it", html);
        Assert.Matches(@"<mark class=""search-match""[^>]*>poll</mark>", html);
    }

    [Fact]
    public async Task A_word_only_a_cited_quote_has_finds_the_claim_through_that_citation_and_links_its_passage()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        Assert.DoesNotContain("station", claim.Statement, StringComparison.OrdinalIgnoreCase);
        var passageId = await app.QueryAsync(db => db.Citations
            .Where(c => c.ClaimId == claim.Id && c.Passage!.Exact.Contains("stationed"))
            .Select(c => c.PassageId).SingleAsync());

        var html = await _client.GetPageAsync(Links.Search("stationed"));

        Assert.Contains(Links.Claim(claim.Id, claim.Slug), html);
        Assert.Contains(Links.Passage(Seed.MpIdsa.Slug, passageId), html);
        Assert.Matches(@"<mark class=""search-match""[^>]*>stationed</mark>", html);
        Assert.Contains("Quote from MP-IDSA", html);
    }

    [Fact]
    public async Task Matching_documents_are_listed_by_title_without_headlining_their_text()
    {
        var html = await _client.GetPageAsync(Links.Search("Seoul respond"));

        Assert.Contains("Documents that mention it", html);
        Assert.Contains($"href=\"{Links.Source(Seed.Usip.Slug)}\"", html);
        Assert.Matches(@"How Should <mark class=""search-match""[^>]*>Seoul</mark> <mark class=""search-match""[^>]*>Respond</mark>", html);
    }

    [Fact]
    public async Task The_flag_filter_narrows_the_results_to_that_flag()
    {
        var all = ClaimIds(await _client.GetPageAsync(Links.Search("troops")));
        var agreeing = ClaimIds(await _client.GetPageAsync(Links.Search("troops", flag: "agree")));
        var flags = await app.QueryAsync(db => db.Claims.Where(c => all.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Agreement));

        Assert.NotEmpty(agreeing);
        Assert.True(agreeing.Count < all.Count, "the filter should leave some claims out");
        Assert.Subset(all.ToHashSet(), agreeing.ToHashSet());
        Assert.Equal(all.Where(id => flags[id] == AgreementFlag.Agree).Order(), agreeing.Order());
    }

    [Fact]
    public async Task The_topic_and_source_filters_combine()
    {
        var all = ClaimIds(await _client.GetPageAsync(Links.Search("troops")));
        var expected = await app.QueryAsync(db => db.Claims
            .Where(c => all.Contains(c.Id)
                && c.Topics.Any(t => t.Slug == Seed.Topics.TroopDeployment)
                && c.Citations.Any(x => x.Passage!.Source!.Slug == Seed.Usip.Slug))
            .Select(c => c.Id).ToListAsync());

        var html = await _client.GetPageAsync(Links.Search("troops", topic: Seed.Topics.TroopDeployment, source: Seed.Usip.Slug));
        var filtered = ClaimIds(html);

        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < all.Count, "the filters should leave some claims out");
        Assert.Equal(expected.Order(), filtered.Order());
        Assert.Contains($"<option value=\"{Seed.Topics.TroopDeployment}\" selected", html);
        Assert.Contains($"<option value=\"{Seed.Usip.Slug}\" selected", html);
        Assert.Contains("Clear filters", html);
    }

    [Fact]
    public async Task With_a_source_filter_the_quote_shown_is_that_sources()
    {
        var html = await _client.GetPageAsync(Links.Search("Kursk", source: Seed.Usip.Slug));

        Assert.Contains("Quote from USIP", html);
        Assert.DoesNotContain("Quote from MP-IDSA", html);
    }

    [Theory]
    [InlineData("single-source")]
    [InlineData("agree")]
    [InlineData("partial")]
    [InlineData("timeline")]
    [InlineData("AGREE")]
    public async Task Every_flag_value_filters_to_claims_with_that_flag(string flag)
    {
        Assert.True(EnumSlugs.TryParse<AgreementFlag>(flag, out var parsed));

        var html = await _client.GetPageAsync(Links.Search("Korea", flag: flag));

        var ids = ClaimIds(html);
        Assert.NotEmpty(ids);
        var flags = await app.QueryAsync(db => db.Claims.Where(c => ids.Contains(c.Id)).Select(c => c.Agreement).Distinct().ToListAsync());
        Assert.Equal([parsed], flags);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=")]
    [InlineData("/search?q=%20%20%20")]
    public async Task An_empty_search_explains_what_can_be_searched_with_examples(string url)
    {
        var html = await _client.GetPageAsync(url);

        Assert.Contains("What you can search", html);
        Assert.Contains($"href=\"{Links.Search("Kursk")}\"", html);
        Assert.DoesNotContain("search-results", html);
    }

    [Theory]
    [InlineData("the of which")]
    [InlineData("&&& ||| !!")]
    [InlineData("-")]
    public async Task A_query_with_only_stop_words_or_symbols_gets_a_helpful_page(string q)
    {
        var html = await _client.GetPageAsync(Links.Search(q));

        Assert.Contains("Nothing to search for", html);
        Assert.Contains("Suggestions", html);
    }

    [Theory]
    [InlineData("zzyzxqv")]
    [InlineData("\"Kursk Seoul Trump sanctions\"")]
    public async Task A_query_that_matches_nothing_gets_suggestions_not_an_error(string q)
    {
        var html = await _client.GetPageAsync(Links.Search(q));

        Assert.Contains("No claim matches", html);
        Assert.Contains("Suggestions", html);
        Assert.Contains($"href=\"{Links.Search("Kursk")}\"", html);
    }

    [Fact]
    public async Task No_results_under_filters_offers_the_search_without_them()
    {
        var html = await _client.GetPageAsync(Links.Search("Kursk", flag: "conflict"));

        Assert.Contains("No claim matches “Kursk” with these filters", html);
        Assert.Contains($"href=\"{Links.Search("Kursk")}\"", html);
    }

    [Theory]
    [InlineData("/search?q=Kursk&flag=bogus", "not an agreement flag")]
    [InlineData("/search?q=Kursk&topic=no-such-topic", "no topic")]
    [InlineData("/search?q=Kursk&source=no-such-source", "no document")]
    [InlineData("/search?q=Kursk&after=abc", "page cursor")]
    [InlineData("/search?q=Kursk&after=MTI", "page cursor")]
    [InlineData("/search?flag=maybe", "not an agreement flag")]
    public async Task A_bad_filter_or_cursor_gets_a_400_with_a_clear_message(string url, string message)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_gets_a_400()
    {
        using var ok = await _client.GetAsync(new Uri(Links.Search(new string('a', 200)), UriKind.Relative));
        using var tooLong = await _client.GetAsync(new Uri(Links.Search(new string('a', 201)), UriKind.Relative));
        var body = await tooLong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("limited to 200", body);
    }

    [Fact]
    public async Task Markup_in_the_query_is_rendered_as_text()
    {
        using var response = await _client.GetAsync(new Uri(Links.Search("<script>alert('x')</script> Kursk"), UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", raw);
        Assert.Contains("&lt;script&gt;alert", raw);
    }

    [Theory]
    [InlineData("Kursk%00")]
    [InlineData("%01%02Kursk%03")]
    public async Task Control_characters_in_the_query_are_a_400_not_a_server_error(string q)
    {
        using var response = await _client.GetAsync(new Uri($"/search?q={q}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("control character", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_in_the_query_are_white_space()
    {
        var kursk = await app.ClaimAsync(Seed.Claims.TroopsInKursk);

        var html = await _client.GetPageAsync("/search?q=%09Kursk%0D%0A");

        Assert.Contains(Links.Claim(kursk.Id, kursk.Slug), html);
    }

    [Fact]
    public async Task Next_page_links_walk_every_result_once_in_rank_order()
    {
        var first = await _client.GetPageAsync(Links.Search("Korea"));
        var total = int.Parse(CountPattern().Match(first).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 20, $"the seed should give more than one page of 'Korea' results, got {total}");

        var seen = new List<long>(ClaimIds(first));
        var html = first;
        var pages = 1;
        while (NextPattern().Match(html) is { Success: true } next)
        {
            var url = WebUtility.HtmlDecode(next.Groups[1].Value);
            Assert.StartsWith("/search?q=Korea&after=", url);
            html = await _client.GetPageAsync(url);
            Assert.Contains("First page", html);
            Assert.DoesNotContain("Documents that mention it", html);
            seen.AddRange(ClaimIds(html));
            pages++;
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal((total + 19) / 20, pages);
    }

    [Fact]
    public async Task The_site_header_has_a_labelled_search_box_that_submits_to_the_search_page()
    {
        var html = await _client.GetPageAsync("/");

        Assert.Matches(@"<form class=""site-search"" role=""search"" aria-label=""Site"" action=""/search"" method=""get""", html);
        Assert.Contains("<label for=\"site-search-q\"", html);
        Assert.Contains("id=\"site-search-q\" type=\"search\" name=\"q\"", html);
    }

    private static List<long> ClaimIds(string html) =>
        ResultPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"<article class=""search-result"" aria-labelledby=""result-(\d+)""")]
    private static partial Regex ResultPattern();

    [GeneratedRegex(@"(\d+) claims? match")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"<a href=""([^""]+)"" rel=""next""")]
    private static partial Regex NextPattern();
}
