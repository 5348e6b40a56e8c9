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
    public const string ReadyTag = "ready";

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
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadyAsync })
            .DisableRateLimiting();
        return endpoints;
    }

    /// <summary>
    /// The overall status on the first line, as load balancers read it; then one line per check with what it found
    /// ("replica: Degraded, read replica bypassed: unreachable (…)"), for the operator.
    /// </summary>
    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        // A failed check's description is its exception's message, which may name the database's address: logged only.
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value is { Exception: null, Description: { } d } ? ", " + d : "")}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n");
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
