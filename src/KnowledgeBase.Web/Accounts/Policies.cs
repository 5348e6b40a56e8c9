using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// The authorization policies every write path uses, by name: <c>[Authorize(Policy = Policies.Editor)]</c> on a page,
/// <c>.RequireAuthorization(Policies.Editor)</c> on an endpoint, and
/// <c>IAuthorizationService.AuthorizeAsync(user, Policies.Editor)</c> inside a handler that writes.
/// </summary>
public static class Policies
{
    /// <summary>Editors and administrators: adding and editing sources, claims, citations.</summary>
    public const string Editor = "Editor";

    /// <summary>Administrators only: managing accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>
    /// The write API: an Editor or Admin, authenticated by an API token only (a browser's sign-in cookie never
    /// authorizes an API write, so no other site can make one with a visitor's session). The API adds it, with its
    /// token scheme (<c>ApiServices.AddApi</c>).
    /// </summary>
    public const string ApiEditor = "ApiEditor";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
