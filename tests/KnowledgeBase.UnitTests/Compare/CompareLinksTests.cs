using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class CompareLinksTests
{
    [Fact]
    public void Without_parameters_it_is_the_picker() => Assert.Equal("/compare", Links.Compare());

    [Fact]
    public void Parameters_come_in_a_fixed_order_and_empty_ones_are_left_out() =>
        Assert.Equal(
            "/compare?left=a&right=b&flag=conflict&sort=left&after=x&left-after=y&right-after=z",
            Links.Compare(left: "a", right: "b", flag: "conflict", sort: "left", after: "x", leftAfter: "y", rightAfter: "z"));

    [Fact]
    public void One_document_preselects_the_picker() => Assert.Equal("/compare?left=usip", Links.Compare("usip"));

    [Fact]
    public void Values_are_escaped() => Assert.Equal("/compare?left=a%26b&right=c%3Dd", Links.Compare("a&b", "c=d", flag: ""));
}
