namespace KnowledgeBase.Bench;

/// <summary>
/// The benchmark's server, run by <c>./kb bench</c> only: the real app, composed by the web app's own
/// <see cref="Program.Build"/>, plus the bare layers (<see cref="BenchEndpoints"/>) and the SQL capture they replay.
/// <c>bench-seed [--claims N] [--rebuild]</c> loads the synthetic corpus instead (<see cref="BenchSeed"/>).
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [BenchSeed.Command, .. var seedArgs])
        {
            await using var seeding = Program.Build(args, builder =>
            {
                // As the app's own maintenance commands: EF's probe of a not-yet-created history table is no error here.
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Warning);
            });
            return await BenchSeed.RunAsync(seeding.Services, seedArgs, Console.Out, Console.Error);
        }
        await using var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The app with the benchmark's additions, as the tool serves it (tests host it the same way).</summary>
    public static WebApplication Build(string[] args)
    {
        var app = Program.Build(args, builder => BenchCapture.AddTo(builder.Services));
        app.MapBenchEndpoints();
        return app;
    }
}
