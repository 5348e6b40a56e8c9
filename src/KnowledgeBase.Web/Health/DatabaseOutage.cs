using System.Globalization;
using KnowledgeBase.Web.Api;
using KnowledgeBase.Web.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace KnowledgeBase.Web.Health;

/// <summary>
/// While the database is unreachable (after the brief retries of <see cref="Core.Data.TransientFailureRetry"/>),
/// requests that need it answer 503 with Retry-After: problem details under /api, elsewhere the site's page saying
/// the service is briefly unavailable. Nothing is kept between
/// requests, so the first request after the database is back is served normally.
/// </summary>
public static class DatabaseOutage
{
    public const string PagePath = "/unavailable";

    /// <summary>A database restart takes seconds; clients may try again after this many.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when the exception, or one it wraps, says the database could not be reached or dropped the connection.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Answers with a body, so the status code pages leave its 503 alone.</summary>
    public static IApplicationBuilder UseDatabaseOutageAnswers(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (IsOutage(e) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage))
                    .LogWarning(e, "Database unreachable: answered {Method} {Path} with 503", context.Request.Method, context.Request.Path);
                await AnswerAsync(context);
            }
        });

    private static async Task AnswerAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(
                $"The database is briefly unavailable. Try again in {RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable").ExecuteAsync(context);
            return;
        }
        // The site's own page through its router, in a scope of its own (the failed page's services are spent).
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        context.SetEndpoint(null);
        context.Request.Path = PagePath;
        context.Request.QueryString = QueryString.Empty;
        await new RazorComponentResult<App> { StatusCode = StatusCodes.Status503ServiceUnavailable }.ExecuteAsync(context);
    }
}
