using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class CitationCardTests : BunitContext
{
    private static readonly SourceSummary Idsa = new(
        2,
        Seed.MpIdsa.Slug,
        "South Korea's Response to North Korean Troops in the Russia-Ukraine War",
        "MP-IDSA",
        ["Ranjit Kumar Dhawan"],
        "Manohar Parrikar Institute for Defence Studies and Analyses",
        "2024-12-05",
        "commentary");

    private static readonly CitationView Kursk = new(
        Id: 17,
        Position: 0,
        Stance: Stance.Supports,
        Attribution: "Washington estimates",
        Figure: "an estimated 8,000 soldiers",
        PassageId: 93,
        Exact: "an estimated 8,000 North Korean soldiers",
        Prefix: "  Choe Son Hui. In October 2024, ",
        Suffix: " were reported to have been   ",
        Start: 1163,
        End: 1203,
        Source: Idsa,
        Footnote: new FootnoteView(5, "Yonhap, \"Some 8,000 N. Korean Troops in Russia's Kursk Region\", The Korea Herald.", "Yonhap", "Some 8,000 N. Korean Troops", "The Korea Herald", "2024-11-01", null));

    [Fact]
    public void Prefix_exact_and_suffix_are_separate_elements_with_the_exact_quote_marked()
    {
        var card = Render<CitationCard>(p => p.Add(c => c.Citation, Kursk));

        var quote = card.Find("blockquote.citation-quote");
        var parts = quote.Children.ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal("span", parts[0].LocalName);
        Assert.Equal("…Choe Son Hui. In October 2024, ", parts[0].TextContent);
        Assert.Equal("mark", parts[1].LocalName);
        Assert.Contains("quote-exact", parts[1].ClassList);
        Assert.Equal("an estimated 8,000 North Korean soldiers", parts[1].TextContent);
        Assert.Equal("span", parts[2].LocalName);
        Assert.Equal(" were reported to have been…", parts[2].TextContent);
        Assert.Equal(2, quote.QuerySelectorAll(".quote-context").Length);
    }

    private static string Text(IRenderedComponent<CitationCard> card, string selector) =>
        System.Text.RegularExpressions.Regex.Replace(card.Find(selector).TextContent, @"\s+", " ").Trim();

    [Fact]
    public void Voice_certainty_as_of_time_roots_and_the_stated_figure_are_shown()
    {
        var card = Render<CitationCard>(p => p.Add(c => c.Citation, Kursk));

        var terms = card.FindAll("dl.citation-facts dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(["Whose words", "How sure", "As of", "Rests on", "Figure as stated", "Footnote"], terms);
        Assert.Equal("an estimated 8,000 soldiers", card.Find(".figure-chip").TextContent);
        Assert.Equal("Yonhap, Washington", Text(card, ".citation-roots"));
    }

    [Fact]
    public void Values_no_editor_confirmed_are_marked_as_proposed_with_what_they_were_read_from()
    {
        var card = Render<CitationCard>(p => p.Add(c => c.Citation, Kursk));

        Assert.Equal("Attributed to a named party: Washington estimates (proposed, not yet confirmed)", Text(card, ".citation-voice"));
        Assert.StartsWith("Estimated, from “an estimated”", Text(card, ".citation-certainty"), StringComparison.Ordinal);
        Assert.EndsWith("(proposed, not yet confirmed)", Text(card, ".citation-certainty"), StringComparison.Ordinal);
        Assert.Equal(
            "5 December 2024, the document's publication date (a default: the passage names no time) (proposed, not yet confirmed)",
            Text(card, ".citation-as-of"));
    }

    [Fact]
    public void Confirmed_values_are_shown_as_the_editor_set_them()
    {
        var citation = Kursk with
        {
            Voice = Voice.Own,
            Certainty = Certainty.Reported,
            AsOfFrom = new DateOnly(2024, 10, 1),
            AsOfTo = new DateOnly(2024, 10, 31),
            AsOfWords = "In October 2024",
        };

        var card = Render<CitationCard>(p => p.Add(c => c.Citation, citation));

        Assert.Equal("The document's own words: Washington estimates", Text(card, ".citation-voice"));
        Assert.Equal("Reported", Text(card, ".citation-certainty"));
        Assert.Equal("October 2024, from “In October 2024”", Text(card, ".citation-as-of"));
        Assert.Empty(card.FindAll(".proposed"));
    }

    [Fact]
    public void The_footnote_number_links_to_the_footnote_on_the_source_page()
    {
        var card = Render<CitationCard>(p => p.Add(c => c.Citation, Kursk));

        var footnote = card.Find("dd.citation-footnote");
        var link = footnote.QuerySelector("a")!;
        Assert.Equal($"/sources/{Seed.MpIdsa.Slug}#footnote-5", link.GetAttribute("href"));
        Assert.Equal("[5]", link.TextContent);
        Assert.Contains("Some 8,000 N. Korean Troops in Russia's Kursk Region", footnote.TextContent);
    }

    [Fact]
    public void A_footnote_with_a_url_links_to_the_cited_work_with_nofollow()
    {
        var citation = Kursk with { Footnote = Kursk.Footnote! with { Url = "https://www.koreaherald.com/x" } };

        var card = Render<CitationCard>(p => p.Add(c => c.Citation, citation));

        var links = card.Find("dd.citation-footnote").QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.Equal("https://www.koreaherald.com/x", links[1].GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", links[1].GetAttribute("rel"));
        Assert.Equal("The Korea Herald", links[1].TextContent);
    }

    [Fact]
    public void Read_in_context_links_to_the_passage_on_the_source_page()
    {
        var card = Render<CitationCard>(p => p.Add(c => c.Citation, Kursk));

        var link = card.Find(".citation-card-actions a");
        Assert.Equal("Read in context", link.TextContent);
        Assert.Equal($"/sources/{Seed.MpIdsa.Slug}#passage-93", link.GetAttribute("href"));
    }

    [Fact]
    public void The_header_names_the_source_its_stance_and_its_date()
    {
        var card = Render<CitationCard>(p => p.Add(c => c.Citation, Kursk));

        Assert.Equal("citation-17", card.Find("article").Id);
        Assert.Equal("Citation from MP-IDSA", card.Find("article").GetAttribute("aria-label"));
        Assert.Equal("Supports", card.Find(".stance").TextContent);
        Assert.Contains("stance-supports", card.Find(".stance").ClassList);
        var title = card.Find("a.citation-card-source");
        Assert.Equal($"/sources/{Seed.MpIdsa.Slug}", title.GetAttribute("href"));
        Assert.Equal(Idsa.Title, title.TextContent);
        var byline = card.Find(".citation-card-byline").TextContent;
        Assert.Contains("MP-IDSA", byline);
        Assert.Contains("Ranjit Kumar Dhawan", byline);
        Assert.Contains("5 December 2024", byline);
    }

    [Fact]
    public void A_citation_without_attribution_figure_or_footnote_shows_only_its_evidence()
    {
        var citation = Kursk with { Attribution = null, Figure = null, Footnote = null, Stance = Stance.SupportsInPart };

        var card = Render<CitationCard>(p => p.Add(c => c.Citation, citation));

        Assert.Equal(["Whose words", "How sure", "As of"], card.FindAll("dl.citation-facts dt").Select(dt => dt.TextContent));
        Assert.Empty(card.FindAll(".citation-footnote"));
        Assert.Equal("Supports in part", card.Find(".stance").TextContent);
        Assert.Contains("stance-supports-in-part", card.Find(".stance").ClassList);
    }

    [Fact]
    public void The_context_shown_stops_at_the_quotes_own_paragraph()
    {
        var citation = Kursk with { Prefix = "end of the last paragraph.\n\nIn October 2024, ", Suffix = " were stationed.\n\nNext paragraph" };

        var card = Render<CitationCard>(p => p.Add(c => c.Citation, citation));

        var context = card.FindAll(".quote-context");
        Assert.Equal("…In October 2024, ", context[0].TextContent);
        Assert.Equal(" were stationed.…", context[1].TextContent);
    }

    [Fact]
    public void A_quote_at_the_start_of_its_paragraph_shows_no_leading_ellipsis()
    {
        var citation = Kursk with { Prefix = "previous paragraph.\n\n" };

        var card = Render<CitationCard>(p => p.Add(c => c.Citation, citation));

        Assert.Equal("", card.FindAll(".quote-context")[0].TextContent);
    }
}
