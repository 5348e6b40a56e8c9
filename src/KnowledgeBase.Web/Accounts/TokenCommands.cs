using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// `token issue EMAIL --name NAME [--expires-days N]`, `token list [EMAIL]` and `token revoke PREFIX`: API tokens
/// from the command line, as the admin page issues them. The token is printed once, on standard output alone, so that
/// `./kb token issue ... > file` keeps it out of the terminal's scrollback.
/// </summary>
internal static class TokenCommands
{
    /// <summary>The `token` command alone, as the tests run it.</summary>
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        CommandLines.InvokeAsync(Command(services), args, output, error);

    public static Command Command(IServiceProvider services)
    {
        var email = new Argument<string>("EMAIL");
        var name = new Option<string?>("--name") { Description = "What the token is for." };
        var days = new Option<int?>("--expires-days")
        {
            Description = "Days until it expires, 1 to 3650 (default: never).",
            CustomParser = r =>
            {
                if (int.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 3650)
                {
                    return d;
                }
                r.AddError("--expires-days takes 1 to 3650");
                return null;
            },
        };
        var issue = new Command("issue", "Issue an API token to the account; printed once, on stdout.") { email, name, days };
        issue.SetAction((r, _) => WithTokensAsync(services, (tokens, users) => IssueAsync(
            tokens, users, r.GetRequiredValue(email), r.GetValue(name), r.GetValue(days), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error)));
        var owner = new Argument<string?>("EMAIL") { Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "List API tokens (of one account).") { owner };
        list.SetAction((r, _) => WithTokensAsync(services, (tokens, users) => ListAsync(
            tokens, users, r.GetValue(owner), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error)));
        var prefix = new Argument<string>("PREFIX");
        var revoke = new Command("revoke", "Revoke the token with that prefix (kb_0123456789ab).") { prefix };
        revoke.SetAction((r, _) => WithTokensAsync(services, (tokens, _) => RevokeAsync(
            tokens, r.GetRequiredValue(prefix), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error)));
        return new Command("token", "API tokens for the write API.") { issue, list, revoke };
    }

    private static async Task<int> WithTokensAsync(IServiceProvider services, Func<ApiTokens, UserManager<EditorUser>, Task<int>> run)
    {
        await DatabaseMigration.RunAsync(services);
        await using var scope = services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<ApiTokens>(), scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>());
    }

    private static async Task<int> IssueAsync(
        ApiTokens tokens, UserManager<EditorUser> users, string email, string? name, int? days, TextWriter output, TextWriter error)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
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

    private static async Task<int> RevokeAsync(ApiTokens tokens, string prefix, TextWriter output, TextWriter error)
    {
        // The prefix as `token list` prints it (kb_…) or bare.
        if (!await tokens.RevokeAsync(prefix.StartsWith(ApiTokens.Scheme, StringComparison.Ordinal) ? prefix[ApiTokens.Scheme.Length..] : prefix, null, null))
        {
            await error.WriteLineAsync($"token revoke: no active token with prefix '{prefix}'");
            return 1;
        }
        await output.WriteLineAsync($"revoked {prefix}");
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
