using Npgsql;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// Hears content written by anything but this process (another app instance, <c>./kb seed</c>, psql) and drops the
/// reading caches: the database's triggers notify on <see cref="Channel"/> at every commit that touches content
/// (migration ContentNotifications), with the writer's application name. This process's own writes carry
/// <see cref="Instance"/> and were already reported, synchronously, by <see cref="Core.Data.ContentChanges"/>.
/// A lost connection is reopened, and the caches dropped, since notifications sent meanwhile were missed.
/// </summary>
internal sealed class ContentNotificationListener(string connectionString, ReadingCache cache, ILogger<ContentNotificationListener> logger)
    : BackgroundService
{
    public const string Channel = "kb_content";

    /// <summary>This process's application name on its database connections, unique per start.</summary>
    public static readonly string Instance = $"KnowledgeBase {Guid.NewGuid():N}";

    /// <summary>The app's connection string with <see cref="Instance"/> as its application name.</summary>
    public static string Tag(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = Instance }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = Instance + " listener", KeepAlive = 30 }.ConnectionString;
        var missed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                var foreign = false;
                connection.Notification += (_, e) => foreign |= e.Payload != Instance;
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
