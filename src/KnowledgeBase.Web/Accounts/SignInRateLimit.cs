using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// Sign-in attempts (POSTs of the sign-in form) are limited per client address; a client over the limit gets
/// 429 Too Many Requests with Retry-After and a short page saying how long to wait. Account lockout (5 failures)
/// protects each account; this protects against one client trying many accounts.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const int PermitsPerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    internal static void Configure(RateLimiterOptions options, TimeProvider time)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.Get(ClientKeys.For(context.Connection.RemoteIpAddress), _ => new FixedWindowLimiter(PermitsPerWindow, Window, time))
            : RateLimitPartition.GetNoLimiter(""));
        options.OnRejected = (context, cancellationToken) => WriteRejectionAsync(context.HttpContext, context.Lease, cancellationToken);
    }

    private static async ValueTask WriteRejectionAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var seconds = FixedWindowLimiter.RetryAfterSeconds(lease, Window);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        var back = HtmlEncoder.Default.Encode(Links.SignInPage + context.Request.QueryString);
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Too many sign-in attempts · KnowledgeBase</title>
            <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
            <main id="main">
            <h1>Too many sign-in attempts</h1>
            <p class="lede" role="alert">There have been too many sign-in attempts from your network in the last minute.
            Wait {{seconds}} seconds, then try again.</p>
            <p><a href="{{back}}">Back to sign in</a> · <a href="/">Home page</a></p>
            </main>
            </body>
            </html>
            """, cancellationToken);
    }
}
