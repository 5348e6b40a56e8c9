using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.IntegrationTests.Health;

/// <summary>
/// A TCP relay on a loopback port to the test's PostgreSQL, which a test can take down (its listener closed, every
/// relayed connection reset, as a stopping server does) and bring back on the same port: a database outage the
/// test controls without stopping the server other tests use.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;

    public LoopbackProxy(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Port = Listen(0);
    }

    public int Port { get; }

    public bool Up => _listener is not null;

    /// <summary>Refuses new connections and resets the ones it relays.</summary>
    public void Stop()
    {
        List<TcpClient> open;
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            open = [.. _open];
            _open.Clear();
        }
        foreach (var client in open)
        {
            try
            {
                client.Client?.LingerState = new LingerOption(true, 0); // an RST, not a polite FIN
            }
            catch (ObjectDisposedException)
            {
                // Its relay closed it meanwhile.
            }
            client.Dispose();
        }
    }

    /// <summary>Accepts again, on the same port.</summary>
    public void Start() => Listen(Port);

    private int Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        lock (_gate)
        {
            _listener = listener;
        }
        _ = AcceptAsync(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_gate)
        {
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await server.ConnectAsync(_target);
            var upstream = client.GetStream().CopyToAsync(server.GetStream());
            var downstream = server.GetStream().CopyToAsync(client.GetStream());
            await Task.WhenAny(upstream, downstream);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The outage (or either end) closed it.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
