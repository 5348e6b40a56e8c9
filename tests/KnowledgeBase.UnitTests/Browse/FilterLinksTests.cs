using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Web.Browse;

namespace KnowledgeBase.UnitTests.Browse;

public sealed class FilterLinksTests : BunitContext
{
    private static readonly FilterLink[] Choices =
    [
        new("All flags", "/claims", Current: false, Count: 1234),
        new("Partly agree", "/claims?flag=partial", Current: true, Count: 7, Flag: AgreementFlag.Partial),
        new("USIP", "/claims?source=usip", Current: false),
    ];

    private IRenderedComponent<FilterLinks> RenderLinks() =>
        Render<FilterLinks>(p => p.Add(x => x.Label, "Agreement").Add(x => x.Choices, Choices));

    [Fact]
    public void Each_choice_is_a_link_in_a_labelled_navigation()
    {
        var links = RenderLinks();

        Assert.Equal("Agreement", links.Find("nav").GetAttribute("aria-label"));
        Assert.Equal(["/claims", "/claims?flag=partial", "/claims?source=usip"], links.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Only_the_current_choice_is_marked_current_and_not_by_colour_alone()
    {
        var links = RenderLinks();

        var current = links.FindAll("a[aria-current]");
        Assert.Single(current);
        Assert.Equal("page", current[0].GetAttribute("aria-current"));
        Assert.Equal("/claims?flag=partial", current[0].GetAttribute("href"));
        Assert.Contains("current", current[0].ClassList);
    }

    [Fact]
    public void A_flag_choice_shows_the_flag_badge_with_its_word()
    {
        var links = RenderLinks();

        var badge = links.Find("a[href='/claims?flag=partial'] .agreement");
        Assert.Contains("agreement-partial", badge.ClassList);
        Assert.Equal("Partly agree", links.Find("a[href='/claims?flag=partial'] .agreement-label").TextContent);
    }

    [Fact]
    public void Counts_are_shown_when_known_and_formatted()
    {
        var links = RenderLinks();

        Assert.Equal("1,234", links.Find("a[href='/claims'] .filter-links-count").TextContent);
        Assert.Equal("7", links.Find("a[href='/claims?flag=partial'] .filter-links-count").TextContent);
        Assert.Empty(links.FindAll("a[href='/claims?source=usip'] .filter-links-count"));
        Assert.Equal("USIP", links.Find("a[href='/claims?source=usip']").TextContent.Trim());
    }
}
