using KnowledgeBase.Core.Sources;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Sources;

namespace KnowledgeBase.UnitTests.Sources;

public sealed class SourceBodyTests
{
    private const string Markdown = """
        Troops were sent to Kursk, officials said.[^1] See [the Kursk report](https://example.org/kursk) for more.

        [^1]: Yonhap, "Troops in Kursk", 1 November 2024.
        """;

    private static readonly RenderedSource Rendered = SourceRenderer.Render(Markdown);

    private static CitedPassage Passage(long id, string quote, int? footnote, params ClaimLink[] claims)
    {
        var start = Rendered.CanonicalText.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"test text lacks “{quote}”");
        return new CitedPassage(id, start, start + quote.Length, quote, footnote, claims);
    }

    private static readonly ClaimLink Kursk = new(2, Seed.Claims.TroopsInKursk, "Troops were deployed to Kursk.");
    private static readonly ClaimLink Sent = new(1, "troops-sent", "Troops were sent.");

    [Fact]
    public void A_passage_starts_with_its_number_as_a_link_to_its_entry_in_the_list_of_cited_passages()
    {
        var html = SourceBody.Render("kursk-report", Rendered.Html, [Passage(41, "Troops were sent to Kursk", 1, Kursk, Sent)]);
        var body = SourceRenderer.ParseBody(html);

        var link = body.QuerySelector("a#passage-41")!;
        Assert.Equal("passage-anchor", link.ClassName);
        Assert.Equal("/sources/kursk-report#passage-41-claims", link.GetAttribute("href"));
        Assert.Equal("41", link.GetAttribute("data-passage"));
        Assert.Equal("1", link.GetAttribute("data-passage-number"));
        Assert.Equal("¶1", link.TextContent);
        Assert.Equal("Passage 1: the claims it backs", link.GetAttribute("aria-label"));
        Assert.Equal("mark", link.NextElementSibling!.LocalName);
        Assert.Equal("Passage 1 backs: Troops were deployed to Kursk. · Troops were sent.", link.NextElementSibling.GetAttribute("title"));
        Assert.Empty(body.QuerySelectorAll("span.passage-anchor"));
        Assert.Equal("passage-41-claims", SourceBody.ClaimsListId(41));
    }

    [Fact]
    public void A_passage_inside_a_link_keeps_a_plain_anchor_because_links_cannot_nest()
    {
        var html = SourceBody.Render("kursk-report", Rendered.Html, [Passage(7, "the Kursk report", null, Kursk)]);
        var body = SourceRenderer.ParseBody(html);

        var anchor = body.QuerySelector("#passage-7")!;
        Assert.Equal("span", anchor.LocalName);
        Assert.Empty(body.QuerySelectorAll("a a"));
    }

    [Fact]
    public void Each_footnote_lists_every_claim_resting_on_it_once()
    {
        var html = SourceBody.Render("kursk-report", Rendered.Html, [
            Passage(41, "Troops were sent to Kursk", 1, Kursk, Sent),
            Passage(42, "officials said", 1, Kursk),
        ]);
        var body = SourceRenderer.ParseBody(html);

        var note = body.QuerySelector("li#footnote-1 .footnote-claims")!;
        Assert.StartsWith("2 claims rest on this footnote", note.TextContent);
        Assert.Equal([$"/claims/2/{Seed.Claims.TroopsInKursk}", "/claims/1/troops-sent"], note.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["¶1", "¶2"], body.QuerySelectorAll("a.passage-anchor").Select(a => a.TextContent));
    }

    [Fact]
    public void Fragment_links_name_the_source_page_because_the_app_has_a_base_href()
    {
        var html = SourceBody.Render("kursk-report", Rendered.Html, []);
        var body = SourceRenderer.ParseBody(html);

        Assert.Equal("/sources/kursk-report#footnote-1", body.QuerySelector("a.footnote-ref")!.GetAttribute("href"));
        Assert.Equal("/sources/kursk-report#footnote-ref-1", body.QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
        Assert.Empty(body.QuerySelectorAll("a[href^='#']"));
        Assert.Equal("https://example.org/kursk", body.QuerySelector("a[rel]")!.GetAttribute("href"));
    }

    [Fact]
    public void A_marker_the_editors_restored_is_bracketed_titled_and_named_so_and_its_note_says_why()
    {
        var rendered = SourceRenderer.Render("""
            The author's own marker.[^1] A sentence whose marker the editors put back.[^2]

            [^1]: Yonhap, "One", 1 November 2024.

            [^2]: Yonhap, "Two", 2 November 2024.
            """);
        var body = SourceRenderer.ParseBody(SourceBody.Render("kursk-report", rendered.Html, [], restoredMarkers: [2]));

        var markers = body.QuerySelectorAll("a.footnote-ref");
        Assert.Equal(["1", "[2]"], markers.Select(m => m.TextContent));
        Assert.False(markers[0].ClassList.Contains("footnote-ref-restored"));
        Assert.Null(markers[0].GetAttribute("title"));
        Assert.Equal("Footnote 1", markers[0].GetAttribute("aria-label"));
        Assert.True(markers[1].ClassList.Contains("footnote-ref-restored"));
        Assert.Equal("Footnote 2: marker restored by the editors (see the editorial note)", markers[1].GetAttribute("title"));
        Assert.Equal("Footnote 2, marker restored by the editors", markers[1].GetAttribute("aria-label"));
        Assert.Equal("/sources/kursk-report#footnote-2", markers[1].GetAttribute("href"));
        Assert.Null(body.QuerySelector("li#footnote-1 .footnote-marker-restored"));
        Assert.Contains("the editors' judgement", body.QuerySelector("li#footnote-2 .footnote-marker-restored")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_quote_repeating_the_running_text_is_an_aside_labelled_pull_quote_and_any_other_stays_a_quote()
    {
        var rendered = SourceRenderer.Render("""
            > The greatest threat is technology.

            The greatest threat is technology such as missiles. Seoul could align its arms sales.

            > Seoul could align its arms sales.

            > A block quotation the text does not repeat.
            """);
        var body = SourceRenderer.ParseBody(SourceBody.Render("usip", rendered.Html, []));

        var asides = body.QuerySelectorAll("aside.pull-quote");
        Assert.Equal(2, asides.Length);
        foreach (var aside in asides)
        {
            Assert.Equal("Pull quote", aside.GetAttribute("aria-label"));
            Assert.Equal("Pull quote", aside.QuerySelector(".pull-quote-label")!.TextContent);
            Assert.NotNull(aside.QuerySelector("blockquote"));
        }
        Assert.Equal("The greatest threat is technology.", asides[0].QuerySelector("blockquote")!.TextContent.Trim());
        var plain = Assert.Single(body.QuerySelectorAll("blockquote"), q => q.Closest("aside") is null);
        Assert.Equal("A block quotation the text does not repeat.", plain.TextContent.Trim());
    }
}
