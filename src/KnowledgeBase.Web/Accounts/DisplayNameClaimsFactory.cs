using System.Security.Claims;
using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Accounts;

/// <summary>Adds the account's display name to the sign-in cookie, so the header can show it without a query.</summary>
internal sealed class DisplayNameClaimsFactory(
    UserManager<EditorUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<EditorUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "kb:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EditorUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

public static class AccountClaims
{
    /// <summary>The name to show for a signed-in user: the display name, else the email.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaimsFactory.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    /// <summary>The user's role for display: Admin, Editor, or Reader (no role).</summary>
    public static string RoleName(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? Roles.Admin : user.IsInRole(Roles.Editor) ? Roles.Editor : Roles.Reader;
}
