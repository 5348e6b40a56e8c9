using System.Globalization;
using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// `token issue EMAIL --name NAME [--expires-days N]`, `token list [EMAIL]` and `token revoke PREFIX`: API tokens
/// from the command line, as the admin page issues them. The token is printed once, on standard output alone, so that
/// `./kb token issue ... > file` keeps it out of the terminal's scrollback.
/// </summary>
internal static class TokenCommands
{
    public const string Usage = """
        usage: token issue EMAIL --name NAME [--expires-days N]   (prints the token once)
               token list [EMAIL]
               token revoke PREFIX
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        await MaintenanceCommands.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        switch (args.Count > 0 ? args[0] : null)
        {
            case "issue" when args.Count >= 2:
                return await IssueAsync(tokens, users, args.Skip(1).ToList(), output, error);
            case "list" when args.Count <= 2:
                return await ListAsync(tokens, users, args.Count == 2 ? args[1] : null, output, error);
            case "revoke" when args.Count == 2:
                // The prefix as `token list` prints it (kb_…) or bare.
                var prefix = args[1].StartsWith(ApiTokens.Scheme, StringComparison.Ordinal) ? args[1][ApiTokens.Scheme.Length..] : args[1];
                if (!await tokens.RevokeAsync(prefix, null, null))
                {
                    await error.WriteLineAsync($"token revoke: no active token with prefix '{args[1]}'");
                    return 1;
                }
                await output.WriteLineAsync($"revoked {args[1]}");
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> IssueAsync(ApiTokens tokens, UserManager<EditorUser> users, List<string> args, TextWriter output, TextWriter error)
    {
        string? email = null, name = null;
        int? days = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Count:
                    name = args[++i];
                    break;
                case "--expires-days" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 3650:
                    days = d;
                    i++;
                    break;
                case var a when !a.StartsWith('-') && email is null:
                    email = a;
                    break;
                default:
                    await error.WriteLineAsync($"token issue: unexpected argument '{args[i]}' (--expires-days takes 1 to 3650)\n{Usage}");
                    return 2;
            }
        }
        if (email is null || await users.FindByEmailAsync(email) is not { } user)
        {
            await error.WriteLineAsync($"token issue: no account with email '{email}'");
            return 1;
        }
        var expiresAt = days is { } n ? DateTimeOffset.UtcNow.AddDays(n) : (DateTimeOffset?)null;
        var result = await tokens.IssueAsync(user.Id, name, expiresAt, null);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"token issue: {(result.Field == ApiTokens.NameField ? "--name: " : "")}{result.Error}");
            return 1;
        }
        await error.WriteLineAsync($"issued \"{result.Issued!.Row.Name}\" for {user.Email}; it is shown only this once:");
        await output.WriteLineAsync(result.Issued.Token);
        return 0;
    }

    private static async Task<int> ListAsync(ApiTokens tokens, UserManager<EditorUser> users, string? email, TextWriter output, TextWriter error)
    {
        string? userId = null;
        if (email is not null && (userId = (await users.FindByEmailAsync(email))?.Id) is null)
        {
            await error.WriteLineAsync($"token list: no account with email '{email}'");
            return 1;
        }
        var now = DateTimeOffset.UtcNow;
        var rows = (await tokens.ListAsync(userId)).Select(t => new[]
        {
            ApiTokens.Scheme + t.Prefix, t.OwnerEmail, t.Name, Day(t.CreatedAt), t.LastUsedAt is { } u ? Day(u) : "never",
            t.ExpiresAt is { } e ? Day(e) : "never", t.Status(now),
        }).ToList();
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("no API tokens; issue one with: token issue EMAIL --name NAME");
            return 0;
        }
        await UserCommands.WriteTableAsync(output, ["PREFIX", "EMAIL", "NAME", "CREATED", "LAST USED", "EXPIRES", "STATUS"], rows);
        return 0;
    }

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
