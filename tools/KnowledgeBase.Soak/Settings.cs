using System.Diagnostics;

namespace KnowledgeBase.Soak;

/// <summary>What ./kb soak passes: the app, how to stop and start PostgreSQL; in the environment (kept off the command line) the database and an Editor's API token.</summary>
internal sealed record Settings(
    string AppDll, string Database, Uri BaseAddress, string Token, string DbStop, string DbStart, string Report,
    TimeSpan Duration, TimeSpan Outage, int Readers, bool Quick)
{
    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Need(string key) => values.TryGetValue(key, out var v) ? v : throw new ArgumentException($"missing --{key}");
        var quick = values.GetValueOrDefault("quick") == "true";
        return new Settings(
            Need("app"), Environment.GetEnvironmentVariable("KB_SOAK_DATABASE") ?? throw new ArgumentException("KB_SOAK_DATABASE is not set"),
            new Uri(Need("url")), Environment.GetEnvironmentVariable("KB_SOAK_TOKEN") ?? throw new ArgumentException("KB_SOAK_TOKEN is not set"), Need("db-stop"), Need("db-start"), Need("report"),
            TimeSpan.FromSeconds(quick ? 15 : 60), TimeSpan.FromSeconds(10), Readers: 200, quick);
    }

    /// <summary>Runs a shell command of the launcher's (stopping or starting PostgreSQL) and fails loudly if it fails.</summary>
    public static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command])) ?? throw new InvalidOperationException(command);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}");
        }
    }
}
