using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Shared;

public sealed class PagerTests : BunitContext
{
    private static readonly ClaimListFilter Filter = new(AgreementFlag.Partial, Seed.Topics.TroopDeployment, Seed.Usip.Slug, ClaimSort.Oldest, 5);

    private IRenderedComponent<Pager> RenderPager(string? next, bool continued) =>
        Render<Pager>(p => p
            .Add(x => x.Href, after => Links.Claims(Filter, after))
            .Add(x => x.Next, next)
            .Add(x => x.Continued, continued));

    [Fact]
    public void The_next_link_carries_the_cursor_and_the_filters()
    {
        var pager = RenderPager("CURSOR-1", continued: false);

        var next = pager.Find("a[rel=next]");
        Assert.Equal(
            $"/claims?flag=partial&topic={Seed.Topics.TroopDeployment}&source={Seed.Usip.Slug}&sort=oldest&size=5&after=CURSOR-1",
            next.GetAttribute("href"));
        Assert.Equal("Next page", next.TextContent);
    }

    [Fact]
    public void The_first_page_has_no_first_link()
    {
        var pager = RenderPager("CURSOR-1", continued: false);

        Assert.Empty(pager.FindAll("a[rel=first]"));
    }

    [Fact]
    public void A_later_page_links_to_the_first_page_with_the_same_filters_and_no_cursor()
    {
        var pager = RenderPager("CURSOR-2", continued: true);

        var first = pager.Find("a[rel=first]");
        Assert.Equal($"/claims?flag=partial&topic={Seed.Topics.TroopDeployment}&source={Seed.Usip.Slug}&sort=oldest&size=5", first.GetAttribute("href"));
        Assert.Equal("First page", first.TextContent);
        Assert.Single(pager.FindAll("a[rel=next]"));
    }

    [Fact]
    public void The_last_page_has_no_next_link()
    {
        var pager = RenderPager(next: null, continued: true);

        Assert.Empty(pager.FindAll("a[rel=next]"));
        Assert.Single(pager.FindAll("a[rel=first]"));
    }

    [Fact]
    public void A_single_page_list_renders_no_pager_at_all()
    {
        var pager = RenderPager(next: null, continued: false);

        Assert.Empty(pager.FindAll("nav"));
        Assert.Empty(pager.FindAll("a"));
    }

    [Fact]
    public void The_pager_is_a_labelled_navigation_landmark()
    {
        var pager = Render<Pager>(p => p
            .Add(x => x.Href, after => Links.Claims(Filter, after))
            .Add(x => x.Next, "C")
            .Add(x => x.Label, "Pages of claims"));

        Assert.Equal("Pages of claims", pager.Find("nav.pager").GetAttribute("aria-label"));
    }
}
