using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Benchmarks;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web;

/// <summary>The launcher's database chores, run by the app itself so they use exactly its configuration.</summary>
internal static class MaintenanceCommands
{
    public static bool IsMaintenance(string[] args) => CommandOf(args) is "migrate" or "seed" or "user" or BenchSeed.Command;

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
            case "user":
                return await UserCommands.RunAsync(
                    app.Services, args.SkipWhile(a => a != "user").Skip(1).ToList(),
                    Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
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

    public static async Task<SeedImportResult> SeedAsync(IServiceProvider services, string directory)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(directory);
    }
}
