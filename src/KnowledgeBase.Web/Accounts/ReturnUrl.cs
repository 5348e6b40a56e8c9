namespace KnowledgeBase.Web.Accounts;

/// <summary>Where to go after signing in or out: only ever a path on this site (no open redirects).</summary>
public static class ReturnUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2000
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && !url.Contains('\\', StringComparison.Ordinal);

    /// <summary>The URL when it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
