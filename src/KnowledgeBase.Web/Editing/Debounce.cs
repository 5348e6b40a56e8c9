namespace KnowledgeBase.Web.Editing;

/// <summary>
/// Runs work once the typing pauses, for the editors' live previews: each call supersedes the one before (cancelled
/// while it waits or runs), so a burst of keystrokes costs one preview.
/// </summary>
public sealed class Debounce(TimeSpan pause) : IDisposable
{
    private CancellationTokenSource? _pending;

    public void Run(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        _ = RunAsync(work, _pending.Token);
    }

    private async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken token)
    {
        try
        {
            await Task.Delay(pause, token);
            await work(token);
        }
        catch (OperationCanceledException)
        {
            // A newer change supersedes this one.
        }
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
