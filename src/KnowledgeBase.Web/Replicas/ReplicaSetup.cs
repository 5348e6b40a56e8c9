using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Web.Replicas;

/// <summary>
/// A read replica, when one is configured (<c>ConnectionStrings:KnowledgeBaseReplica</c> or <c>KB_DATABASE_REPLICA</c>):
/// its state, its monitor, the routing of anonymous reads to it, the holding of reads after a change, and its line in
/// <c>/health/ready</c>. Without one, nothing here is registered and every query goes to the primary.
/// </summary>
public static class ReplicaSetup
{
    /// <param name="instance">The app's application name on its connections, which its replica connections carry too.</param>
    public static IServiceCollection AddReadReplica(this IServiceCollection services, IConfiguration configuration, string primaryConnectionString, string instance)
    {
        var configured = configuration.GetConnectionString(ReadReplica.ConnectionStringName) ?? configuration["KB_DATABASE_REPLICA"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return services;
        }
        var maxLag = TimeSpan.FromSeconds(configuration.GetValue(ReadReplica.MaxLagKey, ReadReplica.DefaultMaxLag.TotalSeconds));
        // Connections to the replica carry the same session settings and application name as the primary's.
        var replica = ContentNotificationListener.Tag(KnowledgeBaseDb.SessionConnectionString(configured), instance);
        services.AddSingleton(sp => new ReadReplica(replica, maxLag, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReadReplica>>()));
        services.AddSingleton(_ => new ReplicaConnections(primaryConnectionString, configured));
        services.AddSingleton<ReplicaRouting>();
        services.AddSingleton<IReadFreshness, ReplicaFreshness>();
        services.AddHostedService<ReplicaMonitor>();
        services.AddHealthChecks().AddCheck<ReplicaHealth>("replica", tags: [Health.HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>After authentication: whether a request is an anonymous read is known only then.</summary>
    public static IApplicationBuilder UseReadReplica(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<ReadReplica>() is null ? app : ReplicaRouting.UseReadReplica(app);
}

/// <summary>Holds reads from the replica until it has replayed the primary's position at the time of a change.</summary>
internal sealed class ReplicaFreshness(ReadReplica replica, ReplicaConnections connections) : IReadFreshness
{
    public async ValueTask HoldReadsUntilCurrentAsync(CancellationToken ct) =>
        replica.HoldUntilReplayed(await connections.PrimaryPositionAsync(CancellationToken.None));
}

/// <summary>
/// The replica's state in <c>/health/ready</c>: degraded (still 200: reads go to the primary) while it is bypassed.
/// </summary>
internal sealed class ReplicaHealth(ReadReplica replica) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(replica.InUse
            ? HealthCheckResult.Healthy($"read replica {replica.State}")
            : HealthCheckResult.Degraded($"read replica {replica.State}"));
}
