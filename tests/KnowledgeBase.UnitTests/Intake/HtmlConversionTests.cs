using System.Text;
using KnowledgeBase.Core.Intake;

namespace KnowledgeBase.UnitTests.Intake;

/// <summary>Saved pages: each metadata style, footnote styles, and the furniture inside the article.</summary>
public class HtmlConversionTests
{
    private static ConvertedDocument Convert(string head, string body, string? url = null) =>
        DocumentConverter.Convert(Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"), url);

    private const string Article = "<article><p>Seoul weighs its options on the war in Ukraine, and its allies watch closely as the weeks go by.</p></article>";

    [Fact]
    public void Citation_meta_tags_win_over_the_others()
    {
        var doc = Convert("""
            <title>Page title | Site</title>
            <meta name="citation_title" content="Impacts of the War on the Regional Order">
            <meta name="citation_author" content="Kyunghan Lim"><meta name="citation_author" content="Jaeho Kim">
            <meta name="citation_publication_date" content="2022/06/30">
            <meta name="citation_journal_title" content="International Journal of Korean Unification Studies">
            <meta property="og:title" content="Something else">
            """, Article);
        var m = doc.Metadata;
        Assert.Equal("Impacts of the War on the Regional Order", m.Title);
        Assert.Equal(["Kyunghan Lim", "Jaeho Kim"], m.Authors);
        Assert.Equal("2022-06-30", m.Published);
        Assert.Equal("International Journal of Korean Unification Studies", m.Publisher);
        Assert.Equal("impacts-of-the-war-on-the-regional-order", doc.Slug);
    }

    [Fact]
    public void Dublin_core_meta_tags()
    {
        var m = Convert("""
            <meta name="DC.title" content="Seoul's Choices">
            <meta name="DC.creator" content="Lami Kim">
            <meta name="DC.date" content="2024-11-14">
            <meta name="DC.publisher" content="United States Institute of Peace">
            <meta name="DC.type" content="Analysis">
            """, Article).Metadata;
        Assert.Equal(("Seoul's Choices", "2024-11-14", "United States Institute of Peace", "analysis"), (m.Title, m.Published, m.Publisher, m.Kind));
        Assert.Equal(["Lami Kim"], m.Authors);
    }

    [Fact]
    public void Schema_org_json_ld_in_a_graph_with_an_author_list()
    {
        var m = Convert("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Not this"},
              {"@type":"NewsArticle","headline":"Troops in Kursk","datePublished":"2024-11-01T09:30:00+09:00",
               "author":[{"@type":"Person","name":"Seo Ji-eun"},{"@type":"Person","name":"Kim Arin"}],
               "publisher":{"@type":"Organization","name":"Korea JoongAng Daily"},"url":"https://example.org/troops"}]}
            </script>
            <script type="application/ld+json">{ not json</script>
            """, Article).Metadata;
        Assert.Equal(("Troops in Kursk", "2024-11-01", "Korea JoongAng Daily", "article", "https://example.org/troops"),
            (m.Title, m.Published, m.Publisher, m.Kind, m.Url));
        Assert.Equal(["Seo Ji-eun", "Kim Arin"], m.Authors);
    }

    [Fact]
    public void Open_graph_then_the_title_element_and_the_byline()
    {
        var m = Convert("""
            <title>How Should Seoul Respond? | United States Institute of Peace</title>
            <meta property="og:site_name" content="United States Institute of Peace">
            <meta property="article:published_time" content="2024-11-14T12:00:00Z">
            <meta property="article:author" content="https://www.facebook.com/someone">
            """, "<article><p class=\"byline\">By Lami Kim and Ankit Panda</p><p>Seoul weighs its options on the war in Ukraine, and its allies watch closely as the weeks go by.</p></article>").Metadata;
        Assert.Equal(("How Should Seoul Respond?", "United States Institute of Peace", "2024-11-14"), (m.Title, m.Publisher, m.Published));
        Assert.Equal(["Lami Kim", "Ankit Panda"], m.Authors);
    }

    [Fact]
    public void Footnote_links_and_a_footnotes_section_become_markdown_footnotes()
    {
        var doc = Convert("<title>Notes test</title>", """
            <article><h1>Notes test</h1>
            <p>The war has a profound impact on the region.<sup><a href="#fn1" id="fnref1">1</a></sup> Notably, <em>it</em> strengthened the alliance.<a href="#fn2"><sup>[2]</sup></a></p>
            <p>Also a <a href="https://example.org/x">web link</a> and a <strong>bold</strong> word, with an asterisk * in the text.</p>
            <section class="footnotes"><ol>
              <li id="fn1">Kyunghan Lim, "Impacts of the War", <em>Journal</em>, 2022. <a href="#fnref1">↩</a></li>
              <li id="fn2">"Treaty", KCNA, 20 June 2024. <a href="#fnref2">↩</a></li>
              <li id="fn3">Yonhap, "A note nobody points to", The Korea Times, 31 July 2024.</li>
            </ol></section></article>
            """);
        Assert.Equal(
            "The war has a profound impact on the region.[^1] Notably, *it* strengthened the alliance.[^2]\n\n"
            + "Also a [web link](https://example.org/x) and a **bold** word, with an asterisk \\* in the text.\n\n"
            + "[^1]: Kyunghan Lim, \"Impacts of the War\", *Journal*, 2022.\n\n"
            + "[^2]: \"Treaty\", KCNA, 20 June 2024.\n\n"
            + "[^3]: Yonhap, \"A note nobody points to\", The Korea Times, 31 July 2024.",
            doc.Body);
        Assert.Equal(2, doc.Markers);
        Assert.Equal([3], doc.Unplaced);
        Assert.Equal(("Kyunghan Lim", "Impacts of the War", "Journal", "2022"),
            (doc.Footnotes[0].Authors, doc.Footnotes[0].Title, doc.Footnotes[0].Outlet, doc.Footnotes[0].Published));
    }

    [Fact]
    public void Escaped_and_mangled_superscripts_in_a_page_are_repaired()
    {
        var doc = Convert("<title>T</title>", """
            <main><p>A sentence of the article that cites a note.&lt;sup&gt;1&lt;/sup&gt; And goes on.</p>
            <p><sup>&amp;</sup>lt;sup>1</sup> The note, "Its Title", Outlet, 2024.</p></main>
            """);
        Assert.Contains("cites a note.[^1] And goes on.", doc.Body, StringComparison.Ordinal);
        Assert.EndsWith("[^1]: The note, \"Its Title\", Outlet, 2024.", doc.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Furniture_inside_the_article_is_proposed_and_stays_in_the_text()
    {
        var doc = Convert("<title>Furniture</title>", """
            <header><nav>Home | About</nav></header>
            <article>
              <div class="share-tools"><a href="https://twitter.com/share">Share on X</a></div>
              <p>The first paragraph of the article says what happened, where it happened, and why it matters now.</p>
              <figure><img src="x.jpg"><figcaption>A soldier keeps watch. (Photo/Agency)</figcaption></figure>
              <div class="newsletter-signup"><p>Get our analysis in your inbox every week.</p></div>
              <aside><p>Related: other pieces</p></aside>
              <p>The second paragraph goes on with the argument, at some length, as articles do.</p>
            </article>
            <footer>© Site 2024</footer>
            """);
        Assert.Equal(["share buttons", "a subscription box", "a sidebar"], doc.Furniture.Select(f => f.Reason));
        Assert.DoesNotContain("Home | About", doc.Body, StringComparison.Ordinal);
        Assert.Contains("Only the page's <article> element is converted", doc.EditorialNote, StringComparison.Ordinal);
        Assert.Contains("*A soldier keeps watch. (Photo/Agency)*", doc.Body, StringComparison.Ordinal);
        Assert.All(doc.Furniture, f => Assert.Contains(f.Text, doc.Body, StringComparison.Ordinal));
        Assert.Equal(
            "The first paragraph of the article says what happened, where it happened, and why it matters now.\n\n"
            + "*A soldier keeps watch. (Photo/Agency)*\n\n"
            + "The second paragraph goes on with the argument, at some length, as articles do.",
            doc.BodyWithoutFurniture());
    }
}
