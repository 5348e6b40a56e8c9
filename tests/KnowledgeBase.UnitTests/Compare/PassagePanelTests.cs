using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Web.Compare;
using static KnowledgeBase.UnitTests.Compare.CompareFixtures;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class PassagePanelTests : BunitContext
{
    [Fact]
    public void The_panel_is_a_section_labelled_with_its_document_and_side()
    {
        var panel = Render<PassagePanel>(p => p.Add(x => x.Source, Idsa).Add(x => x.Passages, [IdsaPays]).Add(x => x.Side, "right"));

        var section = panel.Find("section");
        Assert.Equal("MP-IDSA (right document)", section.GetAttribute("aria-label"));
        Assert.Contains("passage-panel-right", section.ClassList);
        Assert.Contains("passage-panel-named", section.ClassList);
    }

    [Fact]
    public void The_quote_shows_whole_words_of_context_around_the_marked_passage()
    {
        var panel = Render<PassagePanel>(p => p.Add(x => x.Source, Usip).Add(x => x.Passages, [UsipPays]));

        var parts = panel.Find("blockquote").Children.ToList();
        Assert.Equal(["span", "mark", "span"], parts.Select(e => e.LocalName).ToList());
        Assert.Equal("…Korea’s intelligence agency, ", parts[0].TextContent);
        Assert.Equal(". These cash flows could…", parts[2].TextContent);
    }

    [Fact]
    public void A_document_that_does_not_cite_the_claim_says_so()
    {
        var panel = Render<PassagePanel>(p => p.Add(x => x.Source, Idsa).Add(x => x.Passages, []));

        Assert.Equal("MP-IDSA does not cite this claim.", panel.Find(".passage-panel-empty").TextContent);
        Assert.Empty(panel.FindAll("figure"));
    }

    [Fact]
    public void In_a_single_document_list_plain_support_and_the_name_are_left_out_but_other_stances_stay()
    {
        var panel = Render<PassagePanel>(p => p
            .Add(x => x.Source, Usip)
            .Add(x => x.Passages, [UsipPays, UsipPays with { Id = 44, Stance = Stance.Mentions }])
            .Add(x => x.ShowSourceName, false)
            .Add(x => x.ShowPlainSupport, false));

        Assert.Empty(panel.FindAll("h4"));
        Assert.DoesNotContain("passage-panel-named", panel.Find("section").ClassList);
        Assert.Equal(["Mentions"], panel.FindAll(".stance").Select(s => s.TextContent).ToList());
    }

    [Fact]
    public void A_figure_is_shown_as_written_and_no_arithmetic_is_read_out_of_it()
    {
        var panel = Render<PassagePanel>(p => p.Add(x => x.Source, Usip).Add(x => x.Passages, [
            UsipPays with { Figure = "a great many, perhaps", Derivation = null },
            UsipPays with { Id = 44, Figure = "$2,000 per soldier per month × 10,000 soldiers", Derivation = null },
        ]));

        Assert.Equal(["a great many, perhaps", "$2,000 per soldier per month × 10,000 soldiers"], panel.FindAll(".compared-figure .figure-chip").Select(c => c.TextContent).ToList());
        Assert.Empty(panel.FindAll(".derived-figure"));
    }
}
