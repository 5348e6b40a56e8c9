using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.About;

namespace KnowledgeBase.UnitTests.About;

public sealed class AboutTheFlagsTests
{
    private static readonly AngleSharp.Html.Dom.IHtmlDocument Page = new HtmlParser().ParseDocument(AboutTheFlags.Html);

    [Theory]
    [InlineData(AgreementFlag.Conflict, "Sources conflict")]
    [InlineData(AgreementFlag.Timeline, "Changed over time")]
    [InlineData(AgreementFlag.Partial, "Partly agree")]
    [InlineData(AgreementFlag.Agree, "Sources agree")]
    [InlineData(AgreementFlag.SingleSource, "Single source")]
    public void Each_flag_has_an_entry_a_badge_can_link_to(AgreementFlag flag, string label)
    {
        var entry = Page.GetElementById(AboutTheFlags.SectionId(flag));

        Assert.NotNull(entry);
        Assert.Equal("LI", entry.TagName);
        Assert.StartsWith(label, entry.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/about/flags#flag-{flag.ToSlug()}", AboutTheFlags.Link(flag));
    }

    [Fact]
    public void The_text_opens_with_the_page_heading_and_explains_independent_roots()
    {
        Assert.Equal("About the flags", Assert.Single(Page.QuerySelectorAll("h1")).TextContent);
        Assert.Contains("both on Yonhap", Page.GetElementById(AboutTheFlags.IndependentRootsId)?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_missing_a_flag_fails_loudly_rather_than_leave_a_badge_linking_nowhere()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AboutTheFlags.Render("## About\n\n- **Sources agree**: all say so.\n"));

        Assert.Contains("Changed over time", error.Message, StringComparison.Ordinal);
    }
}
