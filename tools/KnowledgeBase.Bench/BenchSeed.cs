using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KnowledgeBase.Bench;

/// <summary>
/// <c>bench-seed [--claims N] [--rebuild]</c>: fills the (migrated) benchmark database with a synthetic corpus of N
/// claims (default a million), or reuses the one already there if it has that size and generator version.
/// </summary>
internal static class BenchSeed
{
    public const string Command = "bench-seed";
    public const int DefaultClaims = 1_000_000;

    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var claims = new Option<int>("--claims")
        {
            Description = "How many claims (at least 100).",
            DefaultValueFactory = _ => DefaultClaims,
            CustomParser = r =>
            {
                if (int.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 100)
                {
                    return n;
                }
                r.AddError($"--claims takes a whole number of at least 100, not '{r.Tokens[0].Value}'.");
                return 0;
            },
        };
        var rebuild = new Option<bool>("--rebuild") { Description = "Generate the corpus again even if one of that size is loaded." };
        var command = new RootCommand("Load the benchmark's synthetic corpus into the (migrated) benchmark database.") { claims, rebuild };
        command.SetAction((r, _) => LoadAsync(services, r.GetValue(claims), r.GetValue(rebuild), output));
        return CommandLines.InvokeAsync(command, args, output, error);
    }

    private static async Task<int> LoadAsync(IServiceProvider services, int claims, bool rebuild, TextWriter output)
    {
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>().Database;
            // Read before the connection opens: an opened connection's string no longer carries the password.
            connectionString = database.GetConnectionString()
                ?? throw new InvalidOperationException("The database context has no connection string.");
            await database.MigrateAsync();
        }
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, MaxPoolSize = 16 }.ConnectionString);
        var loader = new BenchCorpusLoader(dataSource, output);
        if (!rebuild && await loader.LoadedAsync(CancellationToken.None) is { } loaded
            && loaded == (claims, BenchCorpus.GeneratorVersion))
        {
            await output.WriteLineAsync($"reusing the corpus of {claims:N0} claims (generator version {loaded.Version}); --rebuild regenerates it");
            return 0;
        }
        await loader.LoadAsync(CorpusSize.For(claims), CancellationToken.None);
        return 0;
    }
}
