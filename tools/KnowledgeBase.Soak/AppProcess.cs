using System.Diagnostics;

namespace KnowledgeBase.Soak;

/// <summary>The published app, started and killed by the campaign (so F2 can SIGKILL it mid-write).</summary>
internal sealed class AppProcess(Settings settings) : IAsyncDisposable
{
    private Process? _process;

    public async Task StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [settings.AppDll, "--urls", settings.BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(settings.AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__KnowledgeBase"] = settings.Database;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0xA000000"; // the 160 MB ceiling ./kb run serves with
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        // Drained, so a chatty log never blocks the app; kept out of the report.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode}");
            }
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("the app did not become ready within 3 minutes");
    }

    /// <summary>SIGKILL: no shutdown, no flushing; what the database committed is all that survives.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task StopAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
