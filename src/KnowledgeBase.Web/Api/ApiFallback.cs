using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Template;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// What the API answers for a request no endpoint takes: 405 with Allow when the path is an API path taken with other
/// methods, else 404; both as problem details (the site's HTML not-found page would re-execute over an empty body).
/// </summary>
internal static class ApiFallback
{
    public const string MethodNotAllowedType = "/api#method-not-allowed";

    public static ProblemHttpResult Answer(HttpContext http, EndpointDataSource endpoints, string path)
    {
        var request = http.Request;
        var allowed = AllowedMethods(endpoints, request.Path);
        // A method the path takes means a route constraint failed (/claims/abc): nothing is there.
        if (allowed.Count == 0 || allowed.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return ApiEndpoints.NotFound($"There is no API endpoint '{ApiEndpoints.Prefix}/{path}'.");
        }
        var allow = string.Join(", ", allowed);
        http.Response.Headers.Allow = allow;
        return TypedResults.Problem(
            $"{request.Method} is not taken here; {request.Path} takes {allow}.",
            statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed", type: MethodNotAllowedType);
    }

    /// <summary>The methods of every API endpoint whose route template matches the path (constraints aside).</summary>
    internal static List<string> AllowedMethods(EndpointDataSource endpoints, PathString path) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(ApiEndpoints.Prefix, StringComparison.Ordinal)
                && !raw.Contains("{*", StringComparison.Ordinal)
                && new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
}
