using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// Anonymous API clients get a fixed window of requests per minute per client address (setting
/// <c>Api:PermitsPerMinute</c>, default 120); over it they get 429 with Retry-After and a problem details body.
/// Signed-in users are not limited.
/// </summary>
public sealed class ApiRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
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
            : RateLimitPartition.GetFixedWindowLimiter(SignInRateLimit.ClientKey(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _permits,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
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
            detail = $"Anonymous clients may make {_permits} API requests a minute; wait {seconds} seconds.",
        }, cancellationToken: cancellationToken);
    }
}
