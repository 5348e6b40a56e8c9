using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Search;

namespace KnowledgeBase.UnitTests.Search;

public sealed class SearchSnippetTests : BunitContext
{
    private const char S = Highlight.Start;
    private const char E = Highlight.Stop;

    [Fact]
    public void Matches_are_wrapped_in_mark_and_the_rest_is_plain_text()
    {
        var snippet = Render<SearchSnippet>(p => p.Add(s => s.Text, $"deployed to the {S}Kursk{E} region"));

        var mark = Assert.Single(snippet.FindAll("mark.search-match"));
        Assert.Equal("Kursk", mark.TextContent);
        Assert.Equal("deployed to the Kursk region", snippet.Nodes.Select(n => n.TextContent).Aggregate("", string.Concat));
    }

    [Fact]
    public void Markup_in_the_text_is_escaped_inside_and_outside_matches()
    {
        var snippet = Render<SearchSnippet>(p => p.Add(s => s.Text, $"<script>alert(1)</script> {S}<b>Kursk</b>{E} <img src=x onerror=alert(2)>"));

        Assert.Empty(snippet.FindAll("script"));
        Assert.Empty(snippet.FindAll("b"));
        Assert.Empty(snippet.FindAll("img"));
        Assert.Equal("<b>Kursk</b>", snippet.Find("mark").TextContent);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", snippet.Markup);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", snippet.Markup);
    }

    [Fact]
    public void Stray_markers_produce_no_markup_and_no_control_characters()
    {
        var snippet = Render<SearchSnippet>(p => p.Add(s => s.Text, $"a{E} b {S}c"));

        Assert.Equal("c", Assert.Single(snippet.FindAll("mark")).TextContent);
        Assert.DoesNotContain(S, snippet.Markup);
        Assert.DoesNotContain(E, snippet.Markup);
    }
}

public sealed class SearchResultTests : BunitContext
{
    private const char S = Highlight.Start;
    private const char E = Highlight.Stop;

    private static readonly ClaimResult Kursk = new(
        42,
        Seed.Claims.TroopsInKursk,
        $"About 8,000 of the North Korean troops in Russia have been deployed to Russia's {S}Kursk{E} region.",
        "about 8,000 troops",
        AgreementFlag.Agree,
        ["USIP", "MP-IDSA"],
        new QuoteMatch(7, Seed.MpIdsa.Slug, "MP-IDSA", "previous paragraph.\n\nIt said ", $"8,000 soldiers were stationed in the {S}Kursk{E} region", " of Russia. Next"));

    [Fact]
    public void The_result_links_the_claim_and_shows_flag_figure_and_documents()
    {
        var result = Render<SearchResult>(p => p.Add(r => r.Result, Kursk));

        var link = result.Find("h3 a");
        Assert.Equal($"/claims/42/{Seed.Claims.TroopsInKursk}", link.GetAttribute("href"));
        Assert.Equal("Kursk", link.QuerySelector("mark")!.TextContent);
        Assert.Equal("result-42", result.Find("article").GetAttribute("aria-labelledby"));
        Assert.Equal("Sources agree", result.Find(".agreement-label").TextContent);
        Assert.Equal("about 8,000 troops", result.Find(".figure-chip").TextContent);
        Assert.Equal("Cited by USIP, MP-IDSA", result.Find(".claim-card-sources").TextContent);
    }

    [Fact]
    public void The_matching_quote_is_shown_in_its_own_paragraphs_context_with_a_link_to_the_passage()
    {
        var result = Render<SearchResult>(p => p.Add(r => r.Result, Kursk));

        var contexts = result.FindAll(".quote-context").Select(c => c.TextContent).ToList();
        Assert.Equal(["…It said ", " of Russia. Next…"], contexts);
        Assert.Equal("8,000 soldiers were stationed in the Kursk region", result.Find(".search-quote-exact").TextContent);
        Assert.Equal("Kursk", result.Find(".search-quote-exact mark").TextContent);
        Assert.Equal($"/sources/{Seed.MpIdsa.Slug}#passage-7", result.Find("figcaption a").GetAttribute("href"));
        Assert.Contains("Quote from MP-IDSA", result.Find("figcaption").TextContent);
    }

    [Fact]
    public void A_claim_found_by_its_statement_alone_shows_no_quote()
    {
        var result = Render<SearchResult>(p => p.Add(r => r.Result, Kursk with { Quote = null, Figure = null }));

        Assert.Empty(result.FindAll("figure"));
        Assert.Empty(result.FindAll(".figure-chip"));
    }
}
