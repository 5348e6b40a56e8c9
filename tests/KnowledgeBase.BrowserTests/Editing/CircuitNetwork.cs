using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests.Editing;

/// <summary>
/// The network between the page and the server, as far as the circuit is concerned: its WebSockets pass through
/// Playwright, so the test can cut them as a failed network would and refuse new ones, and the negotiation that
/// precedes each, until it restores the network.
/// </summary>
internal sealed class CircuitNetwork
{
    private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> _open = [];
    private volatile bool _down;
    private int _connections;

    public int Connections => Volatile.Read(ref _connections);

    public async Task InstallAsync(IBrowserContext context)
    {
        await context.RouteAsync(url => new Uri(url).AbsolutePath == "/_blazor/negotiate",
            route => _down ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());
        await context.RouteWebSocketAsync(url => new Uri(url).AbsolutePath == "/_blazor", socket =>
        {
            if (_down)
            {
                _ = socket.CloseAsync(new() { Code = 4001, Reason = "offline" });
                return;
            }
            var server = socket.ConnectToServer();
            Interlocked.Increment(ref _connections);
            lock (_open)
            {
                _open.Add((socket, server));
            }
        });
    }

    public async Task CutAsync()
    {
        _down = true;
        List<(IWebSocketRoute Page, IWebSocketRoute Server)> open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }
        foreach (var (page, server) in open)
        {
            await server.CloseAsync(new() { Code = 4000, Reason = "network cut" });
            await page.CloseAsync(new() { Code = 4000, Reason = "network cut" });
        }
    }

    public void Restore() => _down = false;
}
