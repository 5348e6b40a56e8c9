using Bunit;
using KnowledgeBase.Web.Browse;

namespace KnowledgeBase.UnitTests.Browse;

public sealed class FilterFormTests : BunitContext
{
    [Fact]
    public void The_form_is_a_labelled_get_form_to_the_list_that_needs_no_script()
    {
        var form = Render<FilterForm>(p => p.Add(x => x.IdPrefix, "t").Add(x => x.Action, "/claims").Add(x => x.Label, "Filter claims"));

        var element = form.Find("form");
        Assert.Equal("get", element.GetAttribute("method"));
        Assert.Equal("/claims", element.GetAttribute("action"));
        Assert.Equal("Filter claims", element.GetAttribute("aria-label"));
        Assert.Equal("submit", form.Find("button").GetAttribute("type"));
        Assert.Empty(form.FindAll("input[name=after]"));
    }

    [Fact]
    public void The_page_size_is_kept_and_offered_even_when_it_is_not_a_usual_one()
    {
        var form = Render<FilterForm>(p => p.Add(x => x.IdPrefix, "t").Add(x => x.Action, "/claims").Add(x => x.Label, "F").Add(x => x.Size, 5));

        var select = form.Find("select[name=size]");
        Assert.Equal("t-size", select.Id);
        Assert.Equal(["5", "10", "20", "50", "100"], form.FindAll("select[name=size] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("5", form.Find("select[name=size] option[selected]").GetAttribute("value"));
        Assert.Equal("t-size", form.Find("label[for=t-size]").GetAttribute("for"));
    }

    [Fact]
    public void A_select_offers_an_empty_any_choice_and_selects_the_current_value()
    {
        var select = Render<FilterSelect>(p => p
            .Add(x => x.Id, "claims-flag")
            .Add(x => x.Name, "flag")
            .Add(x => x.Label, "Agreement")
            .Add(x => x.AnyText, "Any flag")
            .Add(x => x.Selected, "partial")
            .Add(x => x.Options, [("agree", "Sources agree"), ("partial", "Partly agree")]));

        Assert.Equal("Agreement", select.Find("label[for=claims-flag]").TextContent);
        var options = select.FindAll("option");
        Assert.Equal(["", "agree", "partial"], options.Select(o => o.GetAttribute("value") ?? ""));
        Assert.Equal("Any flag", options[0].TextContent);
        Assert.Equal(["partial"], select.FindAll("option[selected]").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void With_no_value_chosen_the_any_choice_is_selected()
    {
        var select = Render<FilterSelect>(p => p
            .Add(x => x.Id, "s")
            .Add(x => x.Name, "source")
            .Add(x => x.Label, "Source")
            .Add(x => x.AnyText, "Any source")
            .Add(x => x.Options, [("usip", "USIP")]));

        Assert.Equal("Any source", select.Find("option[selected]").TextContent);
    }
}
