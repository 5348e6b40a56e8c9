using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Accounts;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/topics", true)]
    [InlineData("/claims/12/x?after=abc#passage-3", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/a\\b", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("topics", false)]
    [InlineData("/top\nics", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_paths_on_this_site_are_return_urls(string? url, bool local)
    {
        Assert.Equal(local, ReturnUrl.IsLocal(url));
        Assert.Equal(local ? url : "/", ReturnUrl.OrHome(url));
    }

    [Theory]
    [InlineData("Ada Lovelace", true)]
    [InlineData("Zoë 😀 中文", true)]
    [InlineData("nul\0byte", false)]
    [InlineData("bell\u0007", false)]
    public void Text_must_be_storable(string text, bool clean) =>
        Assert.Equal(clean, TextRules.IsClean(text));

    [Fact]
    public void Text_with_a_lone_surrogate_is_not_storable()
    {
        // Built at run time: attribute arguments cannot hold lone surrogates (they become U+FFFD).
        foreach (var text in new[] { "lone " + (char)0xD800 + " high", "lone " + (char)0xDC00 + " low", "ends high " + (char)0xD83D })
        {
            Assert.False(TextRules.IsClean(text), text);
        }
        Assert.True(TextRules.IsClean("pair " + (char)0xD83D + (char)0xDE00));
    }

    [Theory]
    [InlineData("ada@example.org", null)]
    [InlineData("ada.lovelace+kb@example.org", null)]
    [InlineData("", "Enter the email")]
    [InlineData("ada", "Enter an email address")]
    [InlineData("Ada <ada@example.org>", "Enter an email address")]
    [InlineData("o'brien@example.org", "Use only letters")]
    public void Emails_are_checked(string email, string? problem)
    {
        var message = UserAccounts.CheckEmail(email);

        if (problem is null)
        {
            Assert.Null(message);
        }
        else
        {
            Assert.StartsWith(problem, message);
        }
    }

    [Theory]
    [InlineData("editor", Roles.Editor)]
    [InlineData(" ADMIN ", Roles.Admin)]
    [InlineData("Reader", null)]
    [InlineData("root", null)]
    [InlineData(null, null)]
    public void Only_editor_and_admin_can_be_assigned(string? name, string? role) =>
        Assert.Equal(role, Roles.Parse(name));

    [Fact]
    public void Clients_are_limited_by_address_and_IPv6_clients_by_their_64_bit_network()
    {
        Assert.Equal("203.0.113.7", ClientKeys.For(IPAddress.Parse("203.0.113.7")));
        Assert.Equal("203.0.113.7", ClientKeys.For(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal(
            ClientKeys.For(IPAddress.Parse("2001:db8:1:2::1")),
            ClientKeys.For(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(
            ClientKeys.For(IPAddress.Parse("2001:db8:1:2::1")),
            ClientKeys.For(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("unknown", ClientKeys.For(null));
    }

    [Theory]
    [InlineData(null, "/account/sign-in")]
    [InlineData("/", "/account/sign-in")]
    [InlineData("/admin/users", "/account/sign-in?returnUrl=%2Fadmin%2Fusers")]
    [InlineData("/topics?after=a b", "/account/sign-in?returnUrl=%2Ftopics%3Fafter%3Da%20b")]
    public void The_sign_in_link_carries_the_way_back(string? returnUrl, string link) =>
        Assert.Equal(link, Links.SignIn(returnUrl));
}
