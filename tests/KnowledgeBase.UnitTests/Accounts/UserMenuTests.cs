using System.Security.Claims;
using Bunit;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.UnitTests.Accounts;

public sealed class UserMenuTests : BunitContext
{
    public UserMenuTests() => Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }

    private IRenderedComponent<UserMenu> RenderFor(ClaimsPrincipal user, string path = $"/topics/{Seed.Topics.TroopDeployment}")
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(path);
        var context = new DefaultHttpContext { User = user };
        return Render<UserMenu>(p => p.AddCascadingValue(context));
    }

    private static ClaimsPrincipal SignedIn(string name, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "x@example.org"), new Claim(DisplayNameClaimsFactory.DisplayNameClaim, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        authenticationType: "test"));

    [Fact]
    public void An_anonymous_visitor_sees_a_sign_in_link_that_comes_back_here()
    {
        var menu = RenderFor(new ClaimsPrincipal(new ClaimsIdentity()));

        var link = menu.Find("a");
        Assert.Equal("Sign in", link.TextContent);
        Assert.Equal($"/account/sign-in?returnUrl=%2Ftopics%2F{Seed.Topics.TroopDeployment}", link.GetAttribute("href"));
        Assert.Empty(menu.FindAll("form"));
    }

    [Fact]
    public void An_editor_sees_their_name_role_and_a_sign_out_form_with_a_token()
    {
        var menu = RenderFor(SignedIn("Grace Hopper", Roles.Editor));

        Assert.Contains("Grace Hopper", menu.Find(".user-name").TextContent);
        Assert.Contains("(Editor)", menu.Find(".user-name").TextContent);
        var form = menu.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/sign-out", form.GetAttribute("action"));
        Assert.Equal("test-token", menu.Find("input[name=__RequestVerificationToken]").GetAttribute("value"));
        Assert.Equal($"/topics/{Seed.Topics.TroopDeployment}", menu.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.DoesNotContain(menu.FindAll("a"), a => a.GetAttribute("href") == "/admin/users");
    }

    [Fact]
    public void An_admin_also_gets_the_users_link_and_leaves_admin_pages_for_home_on_sign_out()
    {
        var menu = RenderFor(SignedIn("Ada", Roles.Admin), "/admin/users");

        Assert.Contains(menu.FindAll("a"), a => a.GetAttribute("href") == "/admin/users");
        Assert.Equal("/", menu.Find("input[name=returnUrl]").GetAttribute("value"));
    }
}
