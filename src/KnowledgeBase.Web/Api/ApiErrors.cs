using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// Every error under /api is problem details, never the site's HTML pages: an exception (500, or the status of a
/// refused request such as a body that stops short), and any error status left without a body by the framework
/// (Kestrel's or a middleware's). In every environment, so tests see what production answers.
/// </summary>
public static class ApiErrors
{
    public const string ServerErrorType = "/api#server-error";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Placed after the site's own exception handler and status pages, so under /api it answers first.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => IsApi(context.Request), api => api
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = WriteExceptionAsync,
                StatusCodeSelector = StatusOf,
            })
            .UseStatusCodePages(context => WriteStatusAsync(context.HttpContext)));

    /// <summary>A request the server could not read (a body shorter than its Content-Length, too slow, too large) is the client's error.</summary>
    public static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = context.Response.StatusCode;
        context.Response.Headers.CacheControl = "no-store";
        return status < 500 && exception is BadHttpRequestException bad
            ? TypedResults.Problem(bad.Message, statusCode: status, title: "Invalid body", type: ApiWriteEndpoints.InvalidBodyType).ExecuteAsync(context)
            : TypedResults.Problem(
                $"The server failed to answer this request. If it keeps happening, report it with the request id {Activity.Current?.Id ?? context.TraceIdentifier}.",
                statusCode: status, title: "Server error", type: ServerErrorType).ExecuteAsync(context);
    }

    private static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        return TypedResults.Problem(statusCode: status, detail: $"The request to {context.Request.Path} was answered with status {status}.")
            .ExecuteAsync(context);
    }
}
