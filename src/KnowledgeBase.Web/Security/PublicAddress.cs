using KnowledgeBase.Web.Api;

namespace KnowledgeBase.Web.Security;

/// <summary>
/// The site's public base address (<c>KB_PUBLIC_URL</c>, e.g. https://kb.example.org). The request's Host header is
/// not trusted: a request for any other host than the public one (or a loopback name, for ./kb run, health checks
/// and tests) is refused with 400, and with a public address set every request takes its scheme and host, so
/// whatever builds an absolute URL from the request (redirects, canonical links, JSON-LD, "cite this", the claims
/// CSV) builds it on the public address. Without one, only loopback names are served.
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "KB_PUBLIC_URL";

    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private PublicAddress(Uri? url) => Url = url;

    /// <summary>The public base address, or null when none is configured.</summary>
    public Uri? Url { get; }

    public static PublicAddress From(IConfiguration configuration)
    {
        if (configuration[Setting] is not { Length: > 0 } text || string.IsNullOrWhiteSpace(text))
        {
            return new PublicAddress(null);
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{Setting} must be the site's public base address, http(s)://host[:port] with no path, query or fragment; it is '{text}'.");
        }
        return new PublicAddress(url);
    }

    public bool IsAllowed(HostString host) =>
        host.HasValue && (Loopback.Contains(host.Host, StringComparer.OrdinalIgnoreCase)
            || (Url is { } url && string.Equals(host.Host, url.IdnHost, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The middleware: after the security headers (so a refusal carries them), before anything reads the address.</summary>
    public async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!IsAllowed(request.Host))
        {
            var refusal = request.Host.HasValue
                ? "This site does not answer for the host in the request's Host header."
                : "The request has no Host header; send the site's host name in one.";
            // Before the error handlers (nothing may read the address first), so the API's problem details are written here.
            if (ApiErrors.IsApi(request))
            {
                await TypedResults.Problem(refusal, statusCode: StatusCodes.Status400BadRequest, title: "Host not served").ExecuteAsync(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("400 Bad Request: " + refusal);
            return;
        }
        if (Url is { } url)
        {
            request.Scheme = url.Scheme;
            request.Host = new HostString(url.Authority);
        }
        await next(context);
    }
}
