using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Shared;

public sealed class BrowseLinksTests
{
    [Fact]
    public void The_unfiltered_claims_list_is_plain_claims() =>
        Assert.Equal("/claims", Links.Claims(new ClaimListFilter()));

    [Fact]
    public void Claims_list_parameters_come_in_a_fixed_order_with_defaults_left_out()
    {
        var filter = new ClaimListFilter(AgreementFlag.SingleSource, Seed.Topics.TroopDeployment, Seed.Usip.Slug, ClaimSort.Agreement, 5);

        Assert.Equal(
            $"/claims?flag=single-source&topic={Seed.Topics.TroopDeployment}&source={Seed.Usip.Slug}&sort=agreement&size=5&after=abc",
            Links.Claims(filter, "abc"));
        Assert.Equal("/claims?sort=oldest", Links.Claims(new ClaimListFilter(Sort: ClaimSort.Oldest, Size: 20)));
    }

    [Fact]
    public void Values_are_escaped() =>
        Assert.Equal("/claims?topic=a%26b%3Dc&after=x%2By", Links.Claims(new ClaimListFilter(Topic: "a&b=c"), "x+y"));

    [Fact]
    public void A_topic_page_keeps_its_filters_and_cursor()
    {
        Assert.Equal($"/topics/{Seed.Topics.AidToUkraine}", Links.TopicPage(Seed.Topics.AidToUkraine, new TopicFilter()));
        Assert.Equal(
            $"/topics/{Seed.Topics.AidToUkraine}?flag=partial&source={Seed.Usip.Slug}&size=10&after=QQ",
            Links.TopicPage(Seed.Topics.AidToUkraine, new TopicFilter(AgreementFlag.Partial, Seed.Usip.Slug, 10), "QQ"));
    }

    [Fact]
    public void Outlet_links_escape_the_slug_and_keep_the_page()
    {
        Assert.Equal("/outlets", Links.Outlets());
        Assert.Equal($"/outlets/{Seed.Outlets.TheKoreaTimes}", Links.Outlet(Seed.Outlets.TheKoreaTimes));
        Assert.Equal($"/outlets/{Seed.Outlets.TheKoreaTimes}?size=5&after=QQ", Links.Outlet(Seed.Outlets.TheKoreaTimes, "QQ", 5));
        Assert.Equal("/outlets/%EC%97%B0%ED%95%A9", Links.Outlet("연합"));
    }
}
