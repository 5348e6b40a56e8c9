using Bunit;
using KnowledgeBase.Web.Compare;
using static KnowledgeBase.UnitTests.Compare.CompareFixtures;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class ComparePickerTests : BunitContext
{
    [Fact]
    public void It_is_a_get_form_to_the_compare_page_with_two_labelled_selects()
    {
        var picker = Render<ComparePicker>(p => p.Add(x => x.Sources, [Idsa, Usip]));

        var form = picker.Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/compare", form.GetAttribute("action"));
        Assert.Equal("Left document", picker.Find("label[for='compare-left']").TextContent);
        Assert.Equal("Right document", picker.Find("label[for='compare-right']").TextContent);
        Assert.Equal("left", picker.Find("select#compare-left").GetAttribute("name"));
        Assert.Equal("right", picker.Find("select#compare-right").GetAttribute("name"));
        Assert.Equal("submit", picker.Find("button").GetAttribute("type"));
    }

    [Fact]
    public void Every_document_is_an_option_on_both_sides_after_a_blank_choice()
    {
        var picker = Render<ComparePicker>(p => p.Add(x => x.Sources, [Idsa, Usip]));

        foreach (var select in picker.FindAll("select"))
        {
            var options = select.QuerySelectorAll("option");
            Assert.Equal(["", Idsa.Slug, Usip.Slug], options.Select(o => o.GetAttribute("value")).ToList());
            Assert.Equal("MP-IDSA: South Korea's Response to North Korean Troops in the Russia-Ukraine War (5 December 2024)", options[1].TextContent);
            Assert.True(options[0].HasAttribute("selected"));
        }
    }

    [Fact]
    public void The_chosen_documents_are_preselected()
    {
        var picker = Render<ComparePicker>(p => p.Add(x => x.Sources, [Idsa, Usip]).Add(x => x.Left, Usip.Slug).Add(x => x.Right, Idsa.Slug));

        Assert.Equal(Usip.Slug, picker.Find("select#compare-left option[selected]").GetAttribute("value"));
        Assert.Equal(Idsa.Slug, picker.Find("select#compare-right option[selected]").GetAttribute("value"));
    }
}
