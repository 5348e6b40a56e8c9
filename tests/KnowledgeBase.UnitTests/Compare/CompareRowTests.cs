using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Compare;
using static KnowledgeBase.UnitTests.Compare.CompareFixtures;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class CompareRowTests : BunitContext
{
    private IRenderedComponent<CompareRow> RenderRow(CompareRowData row) =>
        Render<CompareRow>(p => p.Add(r => r.Row, row).Add(r => r.Left, Usip).Add(r => r.Right, Idsa));

    [Fact]
    public void The_statement_links_to_the_claim_and_the_row_is_a_fragment_target()
    {
        var row = RenderRow(Pays);

        var article = row.Find("article.compare-row");
        Assert.Equal("shared-12", article.Id);
        Assert.Equal("shared-12-statement", article.GetAttribute("aria-labelledby"));
        var link = row.Find("h3#shared-12-statement a");
        Assert.Equal($"/claims/12/{Seed.Claims.RussiaPaysNorthKorea}", link.GetAttribute("href"));
        Assert.Equal("Russia is paying North Korea for the troops it has sent.", link.TextContent);
    }

    [Fact]
    public void The_flag_is_a_badge_with_its_word_and_the_rationale_follows_it()
    {
        var row = RenderRow(Pays);

        Assert.Contains("compare-row-partial", row.Find("article").ClassList);
        Assert.Equal("Partly agree", row.Find(".compare-row-verdict .agreement-label").TextContent);
        Assert.Contains("$240M a year", row.Find(".compare-row-rationale").TextContent);
        Assert.Empty(row.FindAll(".compare-row-override"));
    }

    [Fact]
    public void Both_quotes_stand_side_by_side_left_document_first()
    {
        var row = RenderRow(Pays);

        var panels = row.FindAll(".compare-row-sides > section.passage-panel");
        Assert.Equal(2, panels.Count);
        Assert.Contains("passage-panel-left", panels[0].ClassList);
        Assert.Contains("passage-panel-right", panels[1].ClassList);
        Assert.Equal("USIP", panels[0].QuerySelector(".passage-panel-name")!.TextContent);
        Assert.Equal("MP-IDSA", panels[1].QuerySelector(".passage-panel-name")!.TextContent);
        Assert.Equal(UsipPays.Exact, panels[0].QuerySelector("mark.quote-exact")!.TextContent);
        Assert.Equal("$200m A Year", panels[1].QuerySelector("mark.quote-exact")!.TextContent);
    }

    [Fact]
    public void Each_side_shows_its_figure_as_stated_and_apart_from_it_the_editors_stored_derivation()
    {
        var row = RenderRow(Pays);

        var panels = row.FindAll(".compare-row-sides > section.passage-panel");
        Assert.Equal("$2,000 per soldier per month", panels[0].QuerySelector(".compared-figure .figure-chip")!.TextContent);
        Assert.Equal(
            "$2,000 per soldier per month (USIP, this quote, South Korea’s intelligence agency) × approximately 10,000 troops (USIP, claim troops-sent-to-russia, Washington estimates): $2,000 × 10,000 × 12 = $240M a year",
            panels[0].QuerySelector(".derived-figure")!.TextContent);
        Assert.Equal("Derived (editor's arithmetic)", panels[0].QuerySelector(".derived-figure")!.PreviousElementSibling!.TextContent);
        Assert.Equal("$200m a year", panels[1].QuerySelector(".compared-figure .figure-chip")!.TextContent);
        Assert.Null(panels[1].QuerySelector(".derived-figure"));
    }

    [Fact]
    public void Each_passage_links_to_its_highlighted_place_in_its_own_document()
    {
        var row = RenderRow(Pays);

        var links = row.FindAll("a.compared-passage-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/sources/{Seed.Usip.Slug}#passage-301", $"/sources/{Seed.MpIdsa.Slug}#passage-402"], links);
        var quotes = row.FindAll("blockquote.compared-quote").Select(q => q.GetAttribute("cite")).ToList();
        Assert.Equal(links, quotes);
    }

    [Fact]
    public void The_footnote_links_to_the_note_and_names_the_cited_outlet()
    {
        var row = RenderRow(Pays);

        var right = row.FindAll(".compare-row-sides > section.passage-panel")[1];
        var footnote = right.QuerySelector("dd.compared-footnote")!;
        Assert.Equal($"/sources/{Seed.MpIdsa.Slug}#footnote-11", footnote.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("[11]", footnote.QuerySelector("a")!.TextContent);
        Assert.Contains("The Korea Herald, 3 November 2024", footnote.TextContent);
        Assert.Equal("The Korea Herald", right.QuerySelector("dd.compared-outlet")!.TextContent);
        Assert.Null(row.FindAll(".compare-row-sides > section.passage-panel")[0].QuerySelector("dd.compared-footnote"));
    }

    [Fact]
    public void Stances_and_attribution_are_shown_per_passage()
    {
        var row = RenderRow(Pays);

        var stances = row.FindAll(".compared-stance .stance").Select(s => s.TextContent).ToList();
        Assert.Equal(["Supports", "Supports in part"], stances);
        Assert.Equal("South Korea’s intelligence agency", row.Find(".compared-attribution").TextContent);
    }

    [Fact]
    public void A_side_with_several_passages_lists_them_all_and_says_how_many()
    {
        var second = UsipPays with { Id = 43, PassageId = 302, Exact = "totaling $20 million each month", Figure = null, Attribution = null };

        var row = RenderRow(Pays with { Left = [UsipPays, second] });

        var left = row.FindAll(".compare-row-sides > section.passage-panel")[0];
        Assert.Equal(2, left.QuerySelectorAll("figure.compared-passage").Length);
        Assert.Equal("2 passages", left.QuerySelector(".passage-panel-count")!.TextContent);
        Assert.Equal(["citation-41", "citation-43"], left.QuerySelectorAll("figure.compared-passage").Select(f => f.Id).ToList());
    }

    [Fact]
    public void An_editors_override_is_marked_on_the_badge_with_its_reason()
    {
        var row = RenderRow(Pays with { Agreement = AgreementFlag.Agree, OverrideAgreement = AgreementFlag.Agree, OverrideReason = "Both figures are estimates of the same payments." });

        Assert.Equal("(editor's judgement)", row.Find(".agreement-overridden").TextContent.Trim());
        Assert.Contains("Both figures are estimates of the same payments.", row.Find(".compare-row-override").TextContent);
    }

    [Fact]
    public void A_contradicting_passage_says_so()
    {
        var row = RenderRow(Pays with { Agreement = AgreementFlag.Conflict, Right = [IdsaPays with { Stance = Stance.Contradicts }] });

        Assert.Contains("compare-row-conflict", row.Find("article").ClassList);
        Assert.Equal("Sources conflict", row.Find(".agreement-label").TextContent);
        Assert.Contains("stance-contradicts", row.FindAll(".compared-stance .stance")[1].ClassList);
    }
}
