using System.Globalization;
using KnowledgeBase.Core.Data;
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

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var claims = DefaultClaims;
        var rebuild = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--claims" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out claims) && claims >= 100:
                    i++;
                    break;
                case "--rebuild":
                    rebuild = true;
                    break;
                default:
                    await error.WriteLineAsync($"{Command}: unexpected argument '{args[i]}'; usage: {Command} [--claims N (at least 100)] [--rebuild]");
                    return 2;
            }
        }

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
