using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Benchmarks;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web;

/// <summary>The launcher's database chores, run by the app itself so they use exactly its configuration.</summary>
internal static class MaintenanceCommands
{
    public static bool IsMaintenance(string[] args) =>
        CommandOf(args) is "migrate" or "seed" or "export" or "import" or "user" or "token" or BenchSeed.Command;

    private static string? CommandOf(string[] args) =>
        args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal));

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        switch (CommandOf(args))
        {
            case "migrate":
                await MigrateAsync(app.Services);
                Console.WriteLine("database schema is up to date");
                return 0;
            case "seed":
                var dir = args.SkipWhile(a => a != "seed").Skip(1).FirstOrDefault() ?? "seed-data";
                try
                {
                    await MigrateAsync(app.Services);
                    Console.WriteLine(await SeedAsync(app.Services, dir));
                    return 0;
                }
                catch (SeedImportException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 1;
                }
            case "export" or "import":
                return await ExportOrImportAsync(app.Services, CommandOf(args)!, args.SkipWhile(a => a != CommandOf(args)).Skip(1).ToList());
            case "user":
                return await UserCommands.RunAsync(
                    app.Services, args.SkipWhile(a => a != "user").Skip(1).ToList(),
                    Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
            case "token":
                return await TokenCommands.RunAsync(app.Services, args.SkipWhile(a => a != "token").Skip(1).ToList(), Console.Out, Console.Error);
            case BenchSeed.Command:
                return await BenchSeed.RunAsync(app.Services, args.SkipWhile(a => a != BenchSeed.Command).Skip(1).ToList(), Console.Out, Console.Error);
            default:
                return null;
        }
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>().Database.MigrateAsync();
    }

    /// <summary>
    /// <c>export DIR [--force] [--revisions]</c> and <c>import DIR</c>; the database is migrated first either way.
    /// Problems go to stderr, one per line; the exit code is 0, 1 (refused or failed) or 2 (usage).
    /// </summary>
    private static async Task<int> ExportOrImportAsync(IServiceProvider services, string command, List<string> rest)
    {
        var options = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
        var folders = rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var allowed = command == "export" ? new[] { "--force", "--revisions" } : [];
        if (folders.Count != 1 || options.Except(allowed).Any())
        {
            await Console.Error.WriteLineAsync(command == "export"
                ? "usage: export DIR [--force] [--revisions]"
                : "usage: import DIR   (into an empty database)");
            return 2;
        }
        try
        {
            await MigrateAsync(services);
            Console.WriteLine(command == "export"
                ? await ExportAsync(services, folders[0], options.Contains("--force"), options.Contains("--revisions"))
                : await ImportAsync(services, folders[0]));
            return 0;
        }
        catch (Exception e) when (e is SeedImportException or ImportRefusedException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(e.Message);
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

    public static async Task<SeedImportResult> SeedAsync(IServiceProvider services, string directory)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(directory);
    }
}
