using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Outlets;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// The public read API under <c>/api/v1</c>: anonymous, CORS-open for GET, rate-limited per client address, every
/// error an RFC 9457 problem details document. The write endpoints beside it are <see cref="ApiWriteEndpoints"/>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = Links.ApiPrefix;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 200;
    public const string InvalidParameterType = "/api#invalid-parameter";
    public const string NotFoundType = "/api#not-found";

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix)
            .RequireCors(ApiCors.ReadPolicy)
            .RequireRateLimiting(ApiRateLimit.Policy)
            .WithTags("Read")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapRead("/claims", ListClaimsAsync).WithName("ListClaims")
            .WithSummary("Claims, filtered by topic, flag, source and text, keyset-paged by id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapRead("/claims/{id:long}", GetClaimAsync).WithName("GetClaim")
            .WithSummary("One claim with its agreement, figure and citations; its ETag is the version to send in If-Match.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/claims/{id:long}/citations/{citationId:long}", GetCitationAsync).WithName("GetCitation")
            .WithSummary("One citation of a claim.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/sources", ListSourcesAsync).WithName("ListSources").WithSummary("The documents, keyset-paged.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapRead("/sources/{slug}", GetSourceAsync).WithName("GetSource").WithSummary("One document with its footnotes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/topics", ListTopicsAsync).WithName("ListTopics").WithSummary("Every topic with its claim count.");
        api.MapRead("/outlets", ListOutletsAsync).WithName("ListOutlets")
            .WithSummary("Every outlet the footnotes cite, most relied-on first.");
        api.MapFallback("{*path}", (HttpContext http, EndpointDataSource endpoints, IInlineConstraintResolver constraints, string path) =>
            ApiFallback.Answer(http, endpoints, constraints, path))
            .ExcludeFromDescription();
        routes.MapApiWrites();
        return routes;
    }

    internal static async Task<Results<Ok<ApiPage<ApiClaimSummary>>, ProblemHttpResult>> ListClaimsAsync(
        HttpContext http, KnowledgeBaseDb db, string? topic, string? flag, string? source, string? roots, string? q, string? cursor, string? limit, CancellationToken ct)
    {
        if (ParseLimit(limit) is not { } size)
        {
            return Invalid($"limit must be a whole number from 1 to {MaxLimit}.");
        }
        var after = 0L;
        if (cursor is not null && !Cursor.TryDecodeId(cursor, out after))
        {
            return Invalid("cursor is not a cursor this API returned: pass the 'next' value of the previous page unchanged.");
        }
        AgreementFlag? flagValue = null;
        if (flag is not null)
        {
            if (!EnumSlugs.TryParse<AgreementFlag>(flag, out var parsed))
            {
                return Invalid($"flag must be one of {string.Join(", ", Enum.GetValues<AgreementFlag>().Select(f => f.ToSlug()))}.");
            }
            flagValue = parsed;
        }
        if (roots is not null && roots != BrowseParameters.SingleRoot)
        {
            return Invalid($"roots must be '{BrowseParameters.SingleRoot}' (claims whose documents rest on one independent root), or left out.");
        }
        int? topicId = null;
        if (topic is not null && (topicId = await ApiQueries.TopicIdAsync(db, topic, ct)) is null)
        {
            return Invalid($"There is no topic '{topic}'.");
        }
        int? sourceId = null;
        if (source is not null && (sourceId = await ApiQueries.SourceIdAsync(db, source, ct)) is null)
        {
            return Invalid($"There is no source '{source}'.");
        }
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text is { Length: > MaxQueryLength })
        {
            return Invalid($"q must be at most {MaxQueryLength} characters.");
        }
        var (items, last) = await ApiQueries.ClaimsAsync(db, new ApiClaimFilter(topicId, flagValue, sourceId, text, roots is not null), after, size, ct);
        return Page(http, items, last, size);
    }

    /// <summary>A claim with its ETag (its version); If-None-Match with that ETag answers 304 after one primary-key lookup.</summary>
    internal static async Task<Results<Ok<ApiClaim>, StatusCodeHttpResult, ProblemHttpResult>> GetClaimAsync(
        HttpContext http, KnowledgeBaseDb db, long id, CancellationToken ct)
    {
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Count > 0 && await ApiQueries.ClaimVersionAsync(db, id, ct) is { } version
            && ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(ApiWriteEndpoints.ETagOf(version)), useStrongComparison: false)))
        {
            ApiWriteEndpoints.SetETag(http, version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        if (await ApiQueries.ClaimAsync(db, id, ct) is not var (claim, current))
        {
            return NotFound($"There is no claim {id.ToString(CultureInfo.InvariantCulture)}.");
        }
        ApiWriteEndpoints.SetETag(http, current);
        return TypedResults.Ok(claim);
    }

    /// <summary>One citation of a claim (where a new citation's Location points).</summary>
    internal static async Task<Results<Ok<ApiCitation>, ProblemHttpResult>> GetCitationAsync(KnowledgeBaseDb db, long id, long citationId, CancellationToken ct) =>
        (await ApiQueries.ClaimAsync(db, id, ct))?.Claim.Citations.FirstOrDefault(c => c.Id == citationId) is { } citation
            ? TypedResults.Ok(citation)
            : NotFound($"Claim {id.ToString(CultureInfo.InvariantCulture)} has no citation {citationId.ToString(CultureInfo.InvariantCulture)}.");

    internal static async Task<Results<Ok<ApiPage<ApiSourceSummary>>, ProblemHttpResult>> ListSourcesAsync(
        HttpContext http, KnowledgeBaseDb db, string? cursor, string? limit, CancellationToken ct)
    {
        if (ParseLimit(limit) is not { } size)
        {
            return Invalid($"limit must be a whole number from 1 to {MaxLimit}.");
        }
        var after = 0L;
        if (cursor is not null && (!Cursor.TryDecodeId(cursor, out after) || after > int.MaxValue))
        {
            return Invalid("cursor is not a cursor this API returned: pass the 'next' value of the previous page unchanged.");
        }
        var (items, last) = await ApiQueries.SourcesAsync(db, (int)after, size, ct);
        return Page(http, items, last, size);
    }

    internal static async Task<Results<Ok<ApiSource>, ProblemHttpResult>> GetSourceAsync(KnowledgeBaseDb db, string slug, CancellationToken ct) =>
        await ApiQueries.SourceAsync(db, slug, ct) is { } source
            ? TypedResults.Ok(source)
            : NotFound($"There is no source '{slug}'.");

    internal static async Task<Ok<List<ApiTopic>>> ListTopicsAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        TypedResults.Ok(await ApiQueries.TopicsAsync(db, cache, ct));

    internal static async Task<Ok<List<ApiOutlet>>> ListOutletsAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        TypedResults.Ok((await OutletQueries.ListAsync(db, cache, ct))
            .Select(o => new ApiOutlet(o.Slug, o.Name, o.Footnotes, o.Claims, Links.Outlet(o.Slug)))
            .ToList());

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>GET, and HEAD beside it (RFC 9110: the same answer without its body, which Kestrel leaves out).</summary>
    private static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, ReadMethods, handler);

    /// <summary>
    /// A page with its <c>next</c> cursor, and the same next page as an RFC 8288 <c>Link</c> header (this request's
    /// address with the cursor replaced), which generic HTTP clients follow without reading the body.
    /// </summary>
    private static Ok<ApiPage<T>> Page<T>(HttpContext http, IReadOnlyList<T> items, long? last, int size)
    {
        var next = last is { } id ? Cursor.Encode(id) : null;
        if (next is not null)
        {
            var query = http.Request.Query.Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new KeyValuePair<string, string?>("cursor", next));
            http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(http.Request.Path, query)}>; rel=\"next\"";
        }
        return TypedResults.Ok(new ApiPage<T>(items, next, size));
    }

    /// <summary>The page size: absent means the default; anything but 1–100 is refused, not clamped silently.</summary>
    internal static int? ParseLimit(string? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit
            ? value
            : null;
    }

    internal static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request parameter", type: InvalidParameterType);

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: NotFoundType);
}
