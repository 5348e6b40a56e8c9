using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// What the API answers for a request no endpoint takes: 405 with Allow when the path is an API path taken with other
/// methods, else 404; both as problem details (the site's HTML not-found page would re-execute over an empty body).
/// </summary>
internal static class ApiFallback
{
    public const string MethodNotAllowedType = "/api#method-not-allowed";

    public static ProblemHttpResult Answer(HttpContext http, EndpointDataSource endpoints, IInlineConstraintResolver constraints, string path)
    {
        var request = http.Request;
        var allowed = AllowedMethods(http, endpoints, constraints);
        // Were the method among them, an endpoint would have taken the request; either way nothing is here for it.
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

    /// <summary>The methods of every API endpoint whose route matches the path, its constraints (<c>{id:long}</c>) included.</summary>
    private static List<string> AllowedMethods(HttpContext http, EndpointDataSource endpoints, IInlineConstraintResolver constraints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(ApiEndpoints.Prefix, StringComparison.Ordinal)
                && !raw.Contains("{*", StringComparison.Ordinal)
                && Matches(http, e.RoutePattern, raw, constraints))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool Matches(HttpContext http, RoutePattern pattern, string raw, IInlineConstraintResolver constraints)
    {
        var values = new RouteValueDictionary();
        return new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary()).TryMatch(http.Request.Path, values)
            && pattern.ParameterPolicies.All(p => p.Value.All(policy =>
                policy.Content is not { } content
                || constraints.ResolveConstraint(content) is not { } constraint
                || constraint.Match(http, null, p.Key, values, RouteDirection.IncomingRequest)));
    }
}
