using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// An error status without a body is answered with the site's page for it (/status/{code}), re-executed as a GET:
/// re-executing a form's POST would make Blazor look for that form on the status page and fail a second time.
/// Whoever refuses a request can leave the page a sentence saying why (<see cref="Refuse"/>).
/// </summary>
public static class StatusPages
{
    private static readonly object ExplanationKey = new();

    /// <summary>Sets the status and what the page will say; the body is left to the status page.</summary>
    public static void Refuse(HttpContext context, int status, string explanation)
    {
        context.Items[ExplanationKey] = explanation;
        context.Response.StatusCode = status;
    }

    public static string? Explanation(HttpContext? context) => context?.Items[ExplanationKey] as string;

    /// <summary>
    /// UseStatusCodePagesWithReExecute, whose re-execution keeps the request's method, then the status page (or the
    /// exception handler's error page) taken as a GET (the route matches either way; only the page's handling
    /// differs) and the method put back afterwards.
    /// </summary>
    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true)
            .Use(async (context, next) =>
            {
                var method = context.Request.Method;
                if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null)
                {
                    context.Request.Method = HttpMethods.Get;
                }
                try
                {
                    await next(context);
                }
                finally
                {
                    context.Request.Method = method;
                }
            });
}
