using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// Anonymous API clients get a fixed window of requests per minute per client address (setting
/// <c>Api:PermitsPerMinute</c>, default 120); over it they get 429 with Retry-After and a problem details body.
/// Signed-in users and API tokens are not limited: the limiter runs after authentication (the cookie, and an API
/// token through <see cref="ApiTokenUser.UseApiTokenUser"/>).
/// </summary>
public sealed class ApiRateLimit(IConfiguration configuration, TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string Policy = "api";
    public const int DefaultPermitsPerMinute = 120;
    public const string TooManyRequestsType = "/api#too-many-requests";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int _permits = configuration.GetValue("Api:PermitsPerMinute", DefaultPermitsPerMinute);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => WriteRejectionAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        httpContext.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("signed-in")
            : RateLimitPartition.Get(ClientKeys.For(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowLimiter(_permits, Window, time));

    private ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        RejectAsync(context, Window, seconds => $"Anonymous clients may make {_permits} API requests a minute; wait {seconds} seconds.", cancellationToken);

    /// <summary>429 with Retry-After (the seconds until the window frees) and a problem details body.</summary>
    internal static async ValueTask RejectAsync(
        OnRejectedContext context, TimeSpan window, Func<int, string> detail, CancellationToken cancellationToken)
    {
        var seconds = FixedWindowLimiter.RetryAfterSeconds(context.Lease, window);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(response.Body, new
        {
            type = TooManyRequestsType,
            title = "Too many requests",
            status = StatusCodes.Status429TooManyRequests,
            detail = detail(seconds),
        }, cancellationToken: cancellationToken);
    }
}

/// <summary>
/// API writes get a fixed window per token (setting <c>Api:WritesPerMinute</c>, default 60), keyed by the
/// authenticated token's public prefix; a request without a valid token counts against its client address.
/// Over it: 429 with Retry-After.
/// </summary>
public sealed class ApiWriteRateLimit(IConfiguration configuration, TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string Policy = "api-write";
    public const int DefaultWritesPerMinute = 60;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int _permits = configuration.GetValue("Api:WritesPerMinute", DefaultWritesPerMinute);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, ct) =>
        ApiRateLimit.RejectAsync(context, Window, seconds => $"A token may make {_permits} API writes a minute; wait {seconds} seconds.", ct);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(
            httpContext.User.FindFirst(ApiTokenAuthentication.TokenClaim)?.Value is { } prefix
                ? "token:" + prefix
                : "address:" + ClientKeys.For(httpContext.Connection.RemoteIpAddress),
            _ => new FixedWindowLimiter(_permits, Window, time));
}
