using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class UpstreamRootsTests
{
    [Fact]
    public void A_footnote_crediting_a_wire_agency_rests_on_the_agency_not_the_paper() =>
        Assert.Equal(["Yonhap"], UpstreamRoots.Propose(null, "Yonhap", "The Korea Times"));

    [Fact]
    public void A_footnote_by_a_named_reporter_rests_on_its_outlet() =>
        Assert.Equal(["The Korea Herald"], UpstreamRoots.Propose(null, "Kim Arin", "The Korea Herald"));

    [Fact]
    public void A_named_attribution_is_a_root_without_its_reporting_verb() =>
        Assert.Equal(["Yonhap", "Washington"], UpstreamRoots.Propose("Washington estimates", "Yonhap", "The Korea Herald"));

    [Theory]
    [InlineData("a recent poll")]
    [InlineData("a survey reported in November 2024")]
    [InlineData("")]
    public void An_indefinite_attribution_names_no_root(string attribution) =>
        Assert.Empty(UpstreamRoots.Propose(attribution));

    [Fact]
    public void A_name_with_its_abbreviation_is_the_same_root_as_the_abbreviation()
    {
        Assert.Equal(UpstreamRoots.Key("NIS"), UpstreamRoots.Key("the South Korean National Intelligence Service (NIS)"));
        Assert.Equal(UpstreamRoots.Key("The Associated Press"), UpstreamRoots.Key("associated press"));
        Assert.NotEqual(UpstreamRoots.Key("Yonhap"), UpstreamRoots.Key("The Korea Times"));
    }
}
