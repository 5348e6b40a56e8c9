using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class AgreementBadgeTests : BunitContext
{
    [Theory]
    [InlineData(AgreementFlag.SingleSource, "single-source", "①", "Single source")]
    [InlineData(AgreementFlag.Agree, "agree", "✓", "Sources agree")]
    [InlineData(AgreementFlag.Partial, "partial", "≈", "Partly agree")]
    [InlineData(AgreementFlag.Conflict, "conflict", "✗", "Sources conflict")]
    [InlineData(AgreementFlag.Timeline, "timeline", "↻", "Changed over time")]
    public void A_badge_shows_an_icon_and_a_word_and_carries_the_flag_class(AgreementFlag flag, string slug, string icon, string label)
    {
        var badge = Render(b => b.AddContent(0, AgreementBadge.Of(flag)));

        var root = badge.Find("a.agreement");
        Assert.Contains($"agreement-{slug}", root.ClassList);
        Assert.Equal($"/about/flags#flag-{slug}", root.GetAttribute("href"));
        Assert.Equal(flag.Explanation(), root.GetAttribute("title"));
        var iconElement = badge.Find(".agreement-icon");
        Assert.Equal(icon, iconElement.TextContent);
        Assert.Equal("true", iconElement.GetAttribute("aria-hidden"));
        Assert.Equal(label, badge.Find(".agreement-label").TextContent);
        Assert.Empty(badge.FindAll(".agreement-overridden"));
        Assert.DoesNotContain("editor's judgement", badge.Markup);
    }

    [Fact]
    public void Every_flag_has_a_badge_in_every_setting()
    {
        // The badges are built together, once: a flag without an icon, label or explanation would break them all.
        foreach (var flag in Enum.GetValues<AgreementFlag>())
        {
            foreach (var (overridden, linked) in new[] { (false, false), (false, true), (true, false), (true, true) })
            {
                var markup = AgreementBadge.Of(flag, overridden, linked).Value;
                Assert.Contains($"agreement-{flag.ToSlug()}", markup, StringComparison.Ordinal);
                Assert.Contains(flag.ToLabel(), markup, StringComparison.Ordinal);
                Assert.Equal(overridden, markup.Contains("editor&#x27;s judgement", StringComparison.Ordinal) || markup.Contains("editor's judgement", StringComparison.Ordinal));
                Assert.Equal(linked, markup.StartsWith("<a ", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void An_overridden_flag_says_it_is_the_editors_judgement()
    {
        var badge = Render(b => b.AddContent(0, AgreementBadge.Of(AgreementFlag.Agree, overridden: true)));

        Assert.Equal("(editor's judgement)", badge.Find(".agreement-overridden").TextContent.Trim());
        Assert.Equal("Sources agree", badge.Find(".agreement-label").TextContent);
    }

    [Fact]
    public void A_badge_inside_another_link_is_no_link_itself()
    {
        var badge = Render(b => b.AddContent(0, AgreementBadge.Of(AgreementFlag.Timeline, linked: false)));

        Assert.Empty(badge.FindAll("a"));
        Assert.Equal("Changed over time", badge.Find("span.agreement .agreement-label").TextContent);
        Assert.Equal(AgreementFlag.Timeline.Explanation(), badge.Find("span.agreement").GetAttribute("title"));
    }
}
