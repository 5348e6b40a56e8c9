namespace KnowledgeBase.Web.Security;

/// <summary>
/// Security headers on every response (pages, endpoints, static files, error pages): a Content-Security-Policy
/// that allows no inline script or style and no framing, and the usual hardening headers. They are added just
/// before the headers are sent, so an exception handler that clears the response does not lose them. They replace
/// any set earlier (Blazor's interactive server mode sends its own `frame-ancestors 'self'` policy): change the policy
/// here, for every page, rather than per endpoint.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles and connections only from this site. 'self' covers the interactive server circuit's
    /// WebSocket (ws/wss to the same host) in current browsers. Inline script is impossible: JavaScript lives in
    /// wwwroot/js/*.js files. Inline style attributes are refused too; styles live in .css files.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), geolocation=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
