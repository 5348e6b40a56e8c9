using System.CommandLine;
using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// `user add EMAIL --role Editor|Admin [--name "Display Name"]` and `user list`: the way to create the first
/// administrator (there are no default accounts or passwords). The password is typed twice without echo at a
/// terminal, or read as one line from standard input (`echo "$PW" | ./kb user add ...`).
/// </summary>
internal static class UserCommands
{
    public static Command Command(IServiceProvider services, TextReader input, bool interactive)
    {
        var email = new Argument<string>("EMAIL");
        var role = new Option<string>("--role") { Required = true, HelpName = "Editor|Admin" };
        var name = new Option<string?>("--name") { HelpName = "Display Name" };
        var add = new Command("add", "Add an account; its password is typed twice at a terminal, or read as one line of stdin.") { email, role, name };
        add.SetAction((r, _) => AddAsync(
            services, r.GetRequiredValue(email), r.GetRequiredValue(role), r.GetValue(name), input, r.InvocationConfiguration.Output,
            r.InvocationConfiguration.Error, interactive));
        var list = new Command("list", "List the accounts.");
        list.SetAction((r, _) => ListAsync(services, r.InvocationConfiguration.Output));
        return new Command("user", "Accounts: the way to create the first administrator.") { add, list };
    }

    private static async Task<int> AddAsync(
        IServiceProvider services, string email, string role, string? name, TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        if (Roles.Parse(role) is null)
        {
            await error.WriteLineAsync($"user add: unknown role '{role}'; use {string.Join(" or ", Roles.Assignable)}");
            return 2;
        }

        string? password;
        if (interactive)
        {
            password = ReadHidden("Password for " + email + ": ", error);
            var again = ReadHidden("Same password again: ", error);
            if (password != again)
            {
                await error.WriteLineAsync("user add: the two passwords differ; nothing was changed");
                return 1;
            }
        }
        else
        {
            password = await input.ReadLineAsync();
        }

        await DatabaseMigration.RunAsync(services);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, name, role, password);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                await error.WriteLineAsync($"user add: {(field.Length == 0 ? "" : FieldLabel(field) + ": ")}{message}");
            }
            return 1;
        }
        await output.WriteLineAsync($"added {result.User!.Email} ({Roles.Parse(role)}, shown as \"{result.User.DisplayName}\")");
        return 0;
    }

    private static string FieldLabel(string field) => field switch
    {
        UserAccounts.DisplayNameField => "--name",
        UserAccounts.RoleField => "--role",
        _ => field.ToLowerInvariant(),
    };

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        await DatabaseMigration.RunAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var rows = await UserQueries.AllAsync(db);
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("no accounts yet; add one with: user add EMAIL --role Admin");
            return 0;
        }
        var table = rows.Select(u => new[] { u.Email, u.DisplayName, u.Role, u.Status(now), u.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToList();
        await WriteTableAsync(output, ["EMAIL", "NAME", "ROLE", "STATUS", "CREATED"], table);
        return 0;
    }

    /// <summary>A table of padded columns under a header, as `user list` and `token list` print them.</summary>
    internal static async Task WriteTableAsync(TextWriter output, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        foreach (var cells in rows.Prepend(header))
        {
            await output.WriteLineAsync(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string ReadHidden(string prompt, TextWriter error)
    {
        error.Write(prompt);
        error.Flush();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (key.KeyChar != '\0')
            {
                text.Append(key.KeyChar);
            }
        }
        error.WriteLine();
        return text.ToString();
    }
}
