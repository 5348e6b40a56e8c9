using System.CommandLine;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web;

/// <summary>The launcher's database chores, run by the app itself so they use exactly its configuration.</summary>
internal static class MaintenanceCommands
{
    public static bool IsMaintenance(string[] args) =>
        CommandOf(args) is "migrate" or "seed" or "export" or "import" or "user" or "token";

    /// <summary>The first word that is neither an option nor a setting (key=value): the host's own arguments may come first.</summary>
    private static string? CommandOf(string[] args) =>
        args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal));

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (!IsMaintenance(args))
        {
            return null;
        }
        var command = args.SkipWhile(a => a != CommandOf(args)).ToList();
        var services = app.Services;
        RootCommand root =
        [
            Migrate(services), Seed(services), Export(services), Import(services),
            UserCommands.Command(services, Console.In, interactive: !Console.IsInputRedirected), TokenCommands.Command(services),
        ];
        return await CommandLines.InvokeAsync(root, command, Console.Out, Console.Error);
    }

    private static Command Migrate(IServiceProvider services)
    {
        var migrate = new Command("migrate", "Bring the database schema up to date.");
        migrate.SetAction(async (r, _) =>
        {
            await DatabaseMigration.RunAsync(services);
            await r.InvocationConfiguration.Output.WriteLineAsync("database schema is up to date");
        });
        return migrate;
    }

    private static Command Seed(IServiceProvider services)
    {
        var dir = new Argument<string>("DIR") { DefaultValueFactory = _ => "seed-data" };
        var strict = new Option<bool>("--strict") { Description = "Refuse the import when a claim's statement is firmer than every quote supporting it." };
        var seed = new Command("seed", "Import a seed-data folder (again: only what changed).") { dir, strict };
        seed.SetAction((r, _) => ReportAsync(r, services, async () =>
            (await SeedAsync(services, r.GetRequiredValue(dir), r.GetValue(strict) ? LintMode.Strict : LintMode.Warn, r.InvocationConfiguration.Error)).ToString()));
        return seed;
    }

    private static Command Export(IServiceProvider services)
    {
        var dir = new Argument<string>("DIR");
        var force = new Option<bool>("--force") { Description = "Replace a folder that is not empty." };
        var revisions = new Option<bool>("--revisions") { Description = "Write the history too (revisions.jsonl)." };
        var export = new Command("export", "Write the whole knowledge base to DIR in the seed-data format.") { dir, force, revisions };
        export.SetAction((r, _) => ReportAsync(r, services, async () =>
            (await ExportAsync(services, r.GetRequiredValue(dir), r.GetValue(force), r.GetValue(revisions))).ToString()));
        return export;
    }

    private static Command Import(IServiceProvider services)
    {
        var dir = new Argument<string>("DIR");
        var import = new Command("import", "Load an export into an empty database.") { dir };
        import.SetAction((r, _) => ReportAsync(r, services, () => ImportAsync(services, r.GetRequiredValue(dir))));
        return import;
    }

    /// <summary>Migrates, runs the chore and prints its summary; a refusal or a problem goes to stderr, exit code 1.</summary>
    private static async Task<int> ReportAsync(ParseResult parsed, IServiceProvider services, Func<Task<string>> chore)
    {
        try
        {
            await DatabaseMigration.RunAsync(services);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(await chore());
            return 0;
        }
        catch (Exception e) when (e is SeedImportException or ImportRefusedException or IOException or UnauthorizedAccessException)
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    public static async Task<SeedExportResult> ExportAsync(IServiceProvider services, string directory, bool force, bool revisions)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>();
        return await new SeedExporter(db).ExportAsync(directory, force, revisions);
    }

    /// <summary>Loads an export into an empty database: refused at once if it holds content, before the files are read.</summary>
    public static async Task<string> ImportAsync(IServiceProvider services, string directory)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SeedImporter>();
        await importer.RefuseContentAsync();
        var plan = SeedPlan.From(SeedFiles.Read(directory));
        var result = await importer.ImportIntoEmptyAsync(plan);
        return result + (plan.Revisions.Count > 0 ? $" and {plan.Revisions.Count} revisions" : "");
    }

    /// <summary>
    /// Seeds from <paramref name="directory"/>, first writing the statement lint's warnings to <paramref name="warnings"/>
    /// (one line per claim); in <see cref="LintMode.Strict"/> any warning refuses the import, naming the claims.
    /// </summary>
    public static async Task<SeedImportResult> SeedAsync(IServiceProvider services, string directory, LintMode lint = LintMode.Warn, TextWriter? warnings = null)
    {
        var plan = SeedPlan.From(SeedFiles.Read(directory));
        var report = plan.Lint(lint);
        foreach (var w in report.Warnings)
        {
            await (warnings ?? TextWriter.Null).WriteLineAsync($"warning: claim '{w.Claim}': {w.Message}");
        }
        if (report.Fails)
        {
            throw new SeedImportException([.. report.Warnings.Select(w => $"claim '{w.Claim}': the statement is firmer than every quote supporting it (--strict).")]);
        }
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(plan);
    }
}
