using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// `user add EMAIL --role Editor|Admin [--name "Display Name"]` and `user list`: the way to create the first
/// administrator (there are no default accounts or passwords). The password is typed twice without echo at a
/// terminal, or read as one line from standard input (`echo "$PW" | ./kb user add ...`).
/// </summary>
internal static class UserCommands
{
    public const string Usage = """
        usage: user add EMAIL --role Editor|Admin [--name "Display Name"]   (password from the terminal, or one line of stdin)
               user list
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        switch (args.Count > 0 ? args[0] : null)
        {
            case "add":
                return await AddAsync(services, args.Skip(1).ToList(), input, output, error, interactive);
            case "list":
                return await ListAsync(services, output);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> AddAsync(IServiceProvider services, List<string> args, TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        string? email = null, role = null, name = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Count:
                    role = args[++i];
                    break;
                case "--name" when i + 1 < args.Count:
                    name = args[++i];
                    break;
                case var a when !a.StartsWith('-') && email is null:
                    email = a;
                    break;
                default:
                    await error.WriteLineAsync($"user add: unexpected argument '{args[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (email is null || role is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
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

        await MaintenanceCommands.MigrateAsync(services);
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
        await MaintenanceCommands.MigrateAsync(services);
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
