using Bunit;
using Bunit.Rendering;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Compare;
using static KnowledgeBase.UnitTests.Compare.CompareFixtures;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class PassagePanelTests : BunitContext
{
    private IRenderedComponent<ContainerFragment> RenderPanel(
        CompareSource source, IReadOnlyList<CitationView> passages, string side = "left", bool showPlainSupport = true, bool showSourceName = true) =>
        Render(b => b.AddContent(0, PassagePanel.Render(source, passages, side, showPlainSupport, showSourceName)));

    [Fact]
    public void The_panel_is_a_section_labelled_with_its_document_and_side()
    {
        var panel = RenderPanel(Idsa, [IdsaPays], "right");

        var section = panel.Find("section");
        Assert.Equal("MP-IDSA (right document)", section.GetAttribute("aria-label"));
        Assert.Contains("passage-panel-right", section.ClassList);
        Assert.Contains("passage-panel-named", section.ClassList);
    }

    [Fact]
    public void The_quote_shows_whole_words_of_context_around_the_marked_passage()
    {
        var panel = RenderPanel(Usip, [UsipPays]);

        var parts = panel.Find("blockquote").Children.ToList();
        Assert.Equal(["span", "mark", "span"], parts.Select(e => e.LocalName).ToList());
        Assert.Equal("…Korea’s intelligence agency, ", parts[0].TextContent);
        Assert.Equal(". These cash flows could…", parts[2].TextContent);
    }

    [Fact]
    public void A_document_that_does_not_cite_the_claim_says_so()
    {
        var panel = RenderPanel(Idsa, []);

        Assert.Equal("MP-IDSA does not cite this claim.", panel.Find(".passage-panel-empty").TextContent);
        Assert.Empty(panel.FindAll("figure"));
    }

    [Fact]
    public void In_a_single_document_list_plain_support_and_the_name_are_left_out_but_other_stances_stay()
    {
        var panel = RenderPanel(Usip, [UsipPays, UsipPays with { Id = 44, Stance = Stance.Mentions }], showPlainSupport: false, showSourceName: false);

        Assert.Empty(panel.FindAll("h4"));
        Assert.DoesNotContain("passage-panel-named", panel.Find("section").ClassList);
        Assert.Equal(["Mentions"], panel.FindAll(".stance").Select(s => s.TextContent).ToList());
    }

    [Fact]
    public void A_figure_is_shown_as_written_and_no_arithmetic_is_read_out_of_it()
    {
        var panel = RenderPanel(Usip, [
            UsipPays with { Figure = "a great many, perhaps", Derivation = null },
            UsipPays with { Id = 44, Figure = "$2,000 per soldier per month × 10,000 soldiers", Derivation = null },
        ]);

        Assert.Equal(["a great many, perhaps", "$2,000 per soldier per month × 10,000 soldiers"], panel.FindAll(".compared-figure .figure-chip").Select(c => c.TextContent).ToList());
        Assert.Empty(panel.FindAll(".derived-figure"));
    }

    [Fact]
    public void The_footnote_links_to_its_place_in_the_document_and_names_the_outlet_and_the_cited_work()
    {
        var panel = RenderPanel(Idsa, [IdsaPays with { Footnote = IdsaPays.Footnote! with { Url = "https://www.koreaherald.com/view.php?ud=1" } }]);

        var footnote = panel.Find(".compared-footnote");
        var links = footnote.QuerySelectorAll("a").ToList();
        Assert.Equal($"/sources/{Idsa.Slug}#footnote-11", links[0].GetAttribute("href"));
        Assert.Equal("[11] (footnote in MP-IDSA)", links[0].TextContent);
        Assert.Equal("https://www.koreaherald.com/view.php?ud=1", links[1].GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", links[1].GetAttribute("rel"));
        Assert.Equal("The Korea Herald", panel.Find(".compared-outlet").TextContent);
        Assert.Equal($"/sources/{Idsa.Slug}#passage-402", panel.Find("blockquote").GetAttribute("cite"));
        Assert.Equal("Read in MP-IDSA, passage in context →", panel.Find(".compared-passage-link").TextContent);
    }

    [Fact]
    public void Text_from_the_database_is_shown_as_text_and_cannot_open_an_element_or_leave_an_attribute()
    {
        const string Hostile = "<script>alert(1)</script>\" onmouseover=\"x";
        var footnote = IdsaPays.Footnote! with { Text = Hostile, Outlet = Hostile, Url = $"https://example.org/?q={Hostile}" };
        var panel = RenderPanel(Usip with { ShortName = Hostile }, [UsipPays with
        {
            Exact = Hostile, Attribution = Hostile, Figure = Hostile, Prefix = Hostile, Suffix = Hostile, Footnote = footnote,
        }]);

        Assert.Empty(panel.FindAll("script"));
        Assert.Empty(panel.FindAll("[onmouseover]"));
        Assert.Equal(Hostile, panel.Find("mark.quote-exact").TextContent);
        Assert.Equal([QuoteContext.Before(Hostile), QuoteContext.After(Hostile)], panel.FindAll(".quote-context").Select(c => c.TextContent).ToList());
        Assert.Equal(Hostile, panel.Find(".compared-attribution").TextContent);
        Assert.Equal(Hostile, panel.Find(".compared-footnote-text").TextContent);
        Assert.Equal(Hostile, panel.Find(".compared-outlet").TextContent);
        Assert.Equal(footnote.Url, panel.Find(".compared-footnote a[rel]").GetAttribute("href"));
        Assert.Equal($"{Hostile} (left document)", panel.Find("section").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_footnote_text_and_the_link_to_the_cited_work_are_apart()
    {
        var panel = RenderPanel(Idsa, [IdsaPays with { Footnote = IdsaPays.Footnote! with { Url = "https://example.org/a" } }]);

        Assert.EndsWith("The Korea Herald, 3 November 2024. cited work", panel.Find(".compared-footnote").TextContent, StringComparison.Ordinal);
    }
}
