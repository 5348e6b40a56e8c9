using System.Globalization;

namespace KnowledgeBase.Web.Shared;

/// <summary>Every internal URL is built here, so links and routes cannot drift apart.</summary>
public static class Links
{
    public static string Claim(long id, string slug) => $"/claims/{id.ToString(CultureInfo.InvariantCulture)}/{slug}";
    public static string Source(string slug) => $"/sources/{slug}";
    public static string Passage(string sourceSlug, long passageId) => $"/sources/{sourceSlug}#passage-{passageId.ToString(CultureInfo.InvariantCulture)}";
    public static string Footnote(string sourceSlug, int number) => $"/sources/{sourceSlug}#footnote-{number.ToString(CultureInfo.InvariantCulture)}";
    public static string Topic(string slug) => $"/topics/{slug}";
    public static string TopicPage(string slug, string? after) => after is null ? Topic(slug) : $"/topics/{slug}?after={Uri.EscapeDataString(after)}";

    // Accounts
    public const string SignInPage = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string AccessDenied = "/account/access-denied";
    public const string AdminUsers = "/admin/users";

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string SignIn(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || returnUrl == "/" ? SignInPage : $"{SignInPage}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string AdminUsersPage(string? after) => after is null ? AdminUsers : $"{AdminUsers}?after={Uri.EscapeDataString(after)}";
    public static string AdminUser(string id) => $"{AdminUsers}/{Uri.EscapeDataString(id)}";
}
