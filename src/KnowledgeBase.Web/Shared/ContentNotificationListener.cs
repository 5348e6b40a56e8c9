using Npgsql;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// Hears content written by anything but this process (another app instance, <c>./kb seed</c>, psql) and drops the
/// reading caches: the database's triggers notify on <see cref="Channel"/> at every commit that touches content
/// (migration ContentNotifications), with the writer's application name. This app's own writes carry its
/// <paramref name="instance"/> name and were already reported, synchronously, by <see cref="Core.Data.ContentChanges"/>.
/// A lost connection is reopened, and the caches dropped, since notifications sent meanwhile were missed.
/// </summary>
/// <param name="instance">This app's application name on its database connections (<see cref="NewInstance"/>).</param>
internal sealed class ContentNotificationListener(string connectionString, string instance, ReadingCache cache, ILogger<ContentNotificationListener> logger)
    : BackgroundService
{
    public const string Channel = "kb_content";

    /// <summary>
    /// A name for one app's database connections, unique per app built: two apps in one process (the two-instance
    /// tests) hear each other's writes as another writer's.
    /// </summary>
    public static string NewInstance() => $"KnowledgeBase {Guid.NewGuid():N}";

    /// <summary>The connection string with <paramref name="instance"/> as its application name.</summary>
    public static string Tag(string connectionString, string instance) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = instance }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = instance + " listener", KeepAlive = 30 }.ConnectionString;
        var missed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                var foreign = false;
                connection.Notification += (_, e) => foreign |= e.Payload != instance;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (missed)
                {
                    await cache.ContentChangedAsync(CancellationToken.None);
                    missed = false;
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (foreign)
                    {
                        foreign = false;
                        await cache.ContentChangedAsync(CancellationToken.None);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                logger.LogWarning(e, "Listening for content changes failed; retrying in 5 s (until then, other writers' changes may be served stale)");
                missed = true;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
