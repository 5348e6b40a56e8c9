using KnowledgeBase.Web.Editing;

namespace KnowledgeBase.UnitTests.Editing;

public sealed class DebounceTests
{
    [Fact]
    public async Task A_burst_of_changes_runs_the_work_once_for_the_last()
    {
        using var debounce = new Debounce(TimeSpan.FromMilliseconds(300));
        var ran = new List<int>();
        var done = new TaskCompletionSource();

        for (var i = 1; i <= 3; i++)
        {
            var n = i;
            debounce.Run(_ =>
            {
                lock (ran)
                {
                    ran.Add(n);
                }
                done.TrySetResult();
                return Task.CompletedTask;
            });
        }
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(600);

        Assert.Equal([3], ran);
    }

    [Fact]
    public async Task Work_still_running_is_told_a_newer_change_supersedes_it()
    {
        using var debounce = new Debounce(TimeSpan.Zero);
        var started = new TaskCompletionSource<CancellationToken>();
        debounce.Run(ct =>
        {
            started.TrySetResult(ct);
            return Task.Delay(Timeout.Infinite, ct);
        });
        var first = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        debounce.Run(_ => Task.CompletedTask);

        Assert.True(first.IsCancellationRequested);
    }

    [Fact]
    public async Task Disposing_cancels_the_pending_work()
    {
        var ran = false;
        var debounce = new Debounce(TimeSpan.FromMilliseconds(200));
        debounce.Run(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        debounce.Dispose();
        await Task.Delay(500);

        Assert.False(ran);
    }
}
