using System.Globalization;
using KnowledgeBase.Web.Api;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Http.Extensions;

namespace KnowledgeBase.Web.Security;

/// <summary>
/// The one check of the text every query parameter (and URL-encoded form) carries, before any page or endpoint reads it: a NUL (which
/// PostgreSQL refuses in text) or another control character (besides tab and line breaks) has no place in a filter,
/// a slug, a cursor or a search, so the request is refused with 400 — problem details under /api, the site's
/// bad-request page elsewhere — instead of failing in the database. An address longer than <see cref="MaxTargetLength"/>
/// is refused here too, with 414.
/// </summary>
public static class TextParameters
{
    /// <summary>The longest request target (path and query) the app answers: Kestrel's own default request line limit.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>
    /// Kestrel refuses a request line over its limit itself, before any middleware runs, with a bare 414: no body, no
    /// security headers (aspnet/KestrelHttpServer#2947). Its limit is raised to this, above <see cref="MaxTargetLength"/>,
    /// so that the app refuses the long addresses between the two with a body and its headers. Kestrel already buffers up
    /// to 1 MB of a connection's input (MaxRequestBufferSize), so a longer line costs no new memory.
    /// </summary>
    public const int KestrelRequestLineLimit = 64 * 1024;

    public const string TargetTooLongType = "/api#address-too-long";

    public static void LetTheAppRefuseLongAddresses(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = KestrelRequestLineLimit);

    public static bool IsUnusable(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>What is wrong with a parameter's value, or null when it may be used.</summary>
    public static string? Problem(string name, string? value)
    {
        foreach (var c in value ?? "")
        {
            if (IsUnusable(c))
            {
                return $"The parameter '{Shorten(name)}' holds the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}, which no filter, slug or search can contain. Remove it and try again.";
            }
        }
        return null;
    }

    public static IApplicationBuilder UseTextParameterCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Not the raw target, which the status page's re-execution keeps: its own short address is what counts then.
            var target = context.Request.GetEncodedPathAndQuery();
            if (target.Length > MaxTargetLength)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong, string.Create(CultureInfo.InvariantCulture,
                    $"The address is {target.Length:N0} characters long; this site answers addresses of up to {MaxTargetLength:N0}. Shorten the search or the filters."));
                return;
            }
            foreach (var (name, values) in context.Request.Query)
            {
                if ((Problem(name, name) ?? values.Select(v => Problem(name, v)).FirstOrDefault(p => p is not null)) is { } problem)
                {
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, problem);
                    return;
                }
            }
            if (!ApiErrors.IsApi(context.Request) && await SmallFormAsync(context.Request) is { } form
                && (form.Contains("%00", StringComparison.Ordinal) || form.Contains('\0', StringComparison.Ordinal)))
            {
                CarryNuls(context.Request, form);
            }
            await next(context);
        });

    /// <summary>
    /// A NUL in a URL-encoded form makes ASP.NET Core's form reader refuse the whole form ("The path contains null
    /// characters"), so no page could say which field is wrong: only forms that small are looked at.
    /// </summary>
    private const int MaxFormBytes = 256 * 1024;

    /// <summary>The body of a URL-encoded form post up to <see cref="MaxFormBytes"/>, left to be read again; else null.</summary>
    private static async Task<string?> SmallFormAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength is not (> 0 and <= MaxFormBytes))
        {
            return null;
        }
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return body;
    }

    /// <summary>
    /// Hands such a form to the page as multipart/form-data, which carries any character, so the page's own field
    /// checks refuse the NUL with their message next to the field and the form is shown again as it was filled in.
    /// </summary>
    private static void CarryNuls(HttpRequest request, string body)
    {
        var boundary = "kb-" + Guid.NewGuid().ToString("N");
        var multipart = new System.Text.StringBuilder();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (Decode(pair), "") : (Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
            multipart.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"")
                .Append(name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal))
                .Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }
        multipart.Append("--").Append(boundary).Append("--\r\n");
        var bytes = System.Text.Encoding.UTF8.GetBytes(multipart.ToString());
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = "multipart/form-data; boundary=" + boundary;
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    /// <summary>Problem details under /api; elsewhere an empty body the status pages fill with the site's page.</summary>
    private static Task RefuseAsync(HttpContext context, int status, string problem)
    {
        if (ApiErrors.IsApi(context.Request))
        {
            return (status == StatusCodes.Status414UriTooLong
                ? TypedResults.Problem(problem, statusCode: status, title: "Address too long", type: TargetTooLongType)
                : ApiEndpoints.Invalid(problem)).ExecuteAsync(context);
        }
        StatusPages.Refuse(context, status, problem);
        return Task.CompletedTask;
    }

    /// <summary>A name echoed back: at most 40 characters, control characters shown as U+FFFD.</summary>
    private static string Shorten(string value) =>
        string.Concat(value.Take(40).Select(c => IsUnusable(c) ? '\uFFFD' : c)) + (value.Length > 40 ? "…" : "");
}
