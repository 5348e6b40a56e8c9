using KnowledgeBase.Core.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Web.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no check runs, so a database outage never gets the app restarted).
/// <c>/health/ready</c>: the database answers and every migration the app knows is applied; else 503. Both are for
/// container health checks and load balancers: never cached, never rate-limited, plain text.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .DisableRateLimiting();
        return endpoints;
    }
}

/// <summary>Healthy when the database answers and has no migration pending.</summary>
internal sealed class DatabaseReadiness(KnowledgeBaseDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // An unreachable database throws: the health check service reports that as unhealthy too.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("database reachable, schema up to date")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending, first {pending[0]}: run the migrate command");
    }
}
