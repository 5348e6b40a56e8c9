using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// The write API under <c>/api/v1</c>: claims and their citations, for an Editor's or Admin's API token only. Every
/// write goes through <see cref="ClaimEditing"/> with the whole claim, so anchoring, the agreement rule, revisions and
/// optimistic concurrency are the editor pages' own. A claim's ETag is its version (xmin, strong); every write but a
/// create needs it in <c>If-Match</c> (missing: 428; stale: 412 with the current ETag).
/// </summary>
public static class ApiWriteEndpoints
{
    /// <summary>The largest request body taken: 50 citations of 5,000-character quotes fit with room to spare.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>A revision comment for a request without a body (DELETE); a body's <c>comment</c> field wins.</summary>
    public const string CommentHeader = "X-Comment";

    public const string ValidationType = "/api#validation-failed";
    public const string InvalidBodyType = "/api#invalid-body";
    public const string PreconditionRequiredType = "/api#precondition-required";
    public const string PreconditionFailedType = "/api#precondition-failed";

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("qoute") is an error, not silently ignored.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        // So is a field given twice: which one counts would be a guess (RFC 8259 leaves it open).
        AllowDuplicateProperties = false,
    };

    public static IEndpointRouteBuilder MapApiWrites(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(ApiEndpoints.Prefix)
            .RequireAuthorization(Policies.ApiEditor)
            .RequireCors(ApiCors.WritePolicy)
            .RequireRateLimiting(ApiWriteRateLimit.Policy)
            .DisableAntiforgery()
            .AddEndpointFilter(AuthorizeAgainAsync)
            .WithTags("Write")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/claims", CreateClaimAsync).WithName("CreateClaim")
            .WithSummary("Creates a claim; its citations are anchored in their documents and its agreement flag derived.")
            .AcceptsJson<ApiClaimInput>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPut("/claims/{id:long}", ReplaceClaimAsync).WithName("ReplaceClaim")
            .WithSummary("Replaces a claim whole (If-Match: its ETag).")
            .AcceptsJson<ApiClaimInput>()
            .WithPreconditions();
        api.MapDelete("/claims/{id:long}", DeleteClaimAsync).WithName("DeleteClaim")
            .WithSummary("Deletes a claim (softly: an editor can undelete it; If-Match: its ETag).")
            .WithPreconditions();
        api.MapPost("/claims/{id:long}/citations", AddCitationAsync).WithName("AddCitation")
            .WithSummary("Adds a citation to a claim (If-Match: the claim's ETag).")
            .AcceptsJson<ApiCitationInput>()
            .WithPreconditions();
        api.MapPut("/claims/{id:long}/citations/{citationId:long}", ReplaceCitationAsync).WithName("ReplaceCitation")
            .WithSummary("Replaces a citation of a claim (If-Match: the claim's ETag). A changed quote makes a new citation, with a new id.")
            .AcceptsJson<ApiCitationInput>()
            .WithPreconditions();
        api.MapDelete("/claims/{id:long}/citations/{citationId:long}", RemoveCitationAsync).WithName("RemoveCitation")
            .WithSummary("Removes a citation from a claim (If-Match: the claim's ETag); a claim keeps at least one.")
            .WithPreconditions();
        return routes;
    }

    /// <summary>
    /// Describes the JSON body in the OpenAPI document only, as a named component. (Accepts metadata would make
    /// routing answer another content type by falling through to the API's 404, before the handler's own 415 problem.)
    /// </summary>
    private static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = ApiDocument.Component(await context.GetOrCreateSchemaAsync(typeof(T), null, ct), context.Document!) },
            },
        });

    /// <summary>A change of an existing claim needs If-Match: without it, 428 before the body is even read.</summary>
    private static RouteHandlerBuilder WithPreconditions(this RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(async (context, next) => IfMatch.Read(context.HttpContext.Request) is null ? PreconditionRequired() : await next(context))
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    internal static async Task<Results<Created<ApiClaim>, ProblemHttpResult>> CreateClaimAsync(
        HttpContext http, ClaimEditing editing, KnowledgeBaseDb db, CancellationToken ct)
    {
        var (input, bad) = await ReadBodyAsync<ApiClaimInput>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }
        var result = await editing.CreateAsync(input!.ToDraft(), EditorOf(http.User), CommentOf(http, input.Comment), ct);
        if (result is not EditResult<ClaimSnapshot>.Saved saved)
        {
            return Failed(http, result, null);
        }
        var (claim, version) = await StoredAsync(db, saved.Id, ct);
        SetETag(http, version);
        return TypedResults.Created(ClaimLocation(claim.Id), claim with { Warnings = ApiWarning.Of(saved.Warning) });
    }

    internal static async Task<Results<Ok<ApiClaim>, ProblemHttpResult>> ReplaceClaimAsync(
        HttpContext http, long id, ClaimEditing editing, KnowledgeBaseDb db, CancellationToken ct)
    {
        var ifMatch = IfMatch.Read(http.Request)!;
        var (input, bad) = await ReadBodyAsync<ApiClaimInput>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }
        var (expected, problem) = await ExpectedVersionAsync(http, db, id, ifMatch, ct);
        if (problem is not null)
        {
            return problem;
        }
        var result = await editing.UpdateAsync(id, input!.ToDraft(), expected!.Value, EditorOf(http.User), CommentOf(http, input.Comment), ct);
        return await SavedClaimAsync(http, db, result, null, ct);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteClaimAsync(
        HttpContext http, long id, ClaimEditing editing, KnowledgeBaseDb db, CancellationToken ct)
    {
        var ifMatch = IfMatch.Read(http.Request)!;
        var (expected, problem) = await ExpectedVersionAsync(http, db, id, ifMatch, ct);
        if (problem is not null)
        {
            return problem;
        }
        var result = await editing.DeleteAsync(id, expected!.Value, EditorOf(http.User), CommentOf(http, null), ct);
        return result is EditResult<ClaimSnapshot>.Saved ? TypedResults.NoContent() : Failed(http, result, null);
    }

    internal static async Task<Results<Created<ApiClaim>, ProblemHttpResult>> AddCitationAsync(
        HttpContext http, long id, ClaimEditing editing, KnowledgeBaseDb db, CancellationToken ct)
    {
        var ifMatch = IfMatch.Read(http.Request)!;
        var (input, bad) = await ReadBodyAsync<ApiCitationInput>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }
        var (current, problem) = await CurrentAsync(http, editing, id, ifMatch, ct);
        if (problem is not null)
        {
            return problem;
        }
        var draft = current!.Snapshot.ToDraft();
        var index = draft.Citations.Count;
        draft.Citations.Add(input!.ToDraft());
        var result = await editing.UpdateAsync(id, draft, current.Version, EditorOf(http.User), CommentOf(http, input.Comment), ct);
        if (result is not EditResult<ClaimSnapshot>.Saved)
        {
            return Failed(http, result, index);
        }
        var (claim, version) = await StoredAsync(db, id, ct);
        SetETag(http, version);
        // Citations keep the draft's order, so the new one is the last.
        return TypedResults.Created(CitationLocation(id, claim.Citations[^1].Id), claim);
    }

    internal static async Task<Results<Ok<ApiClaim>, ProblemHttpResult>> ReplaceCitationAsync(
        HttpContext http, long id, long citationId, ClaimEditing editing, KnowledgeBaseDb db, CancellationToken ct)
    {
        var ifMatch = IfMatch.Read(http.Request)!;
        var (input, bad) = await ReadBodyAsync<ApiCitationInput>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }
        var (current, index, problem) = await CitationAsync(http, editing, db, id, citationId, ifMatch, ct);
        if (problem is not null)
        {
            return problem;
        }
        var draft = current!.Snapshot.ToDraft();
        draft.Citations[index] = input!.ToDraft();
        var result = await editing.UpdateAsync(id, draft, current.Version, EditorOf(http.User), CommentOf(http, input.Comment), ct);
        return await SavedClaimAsync(http, db, result, index, ct);
    }

    internal static async Task<Results<Ok<ApiClaim>, ProblemHttpResult>> RemoveCitationAsync(
        HttpContext http, long id, long citationId, ClaimEditing editing, KnowledgeBaseDb db, CancellationToken ct)
    {
        var ifMatch = IfMatch.Read(http.Request)!;
        var (current, index, problem) = await CitationAsync(http, editing, db, id, citationId, ifMatch, ct);
        if (problem is not null)
        {
            return problem;
        }
        var draft = current!.Snapshot.ToDraft();
        draft.Citations.RemoveAt(index);
        var result = await editing.UpdateAsync(id, draft, current.Version, EditorOf(http.User), CommentOf(http, null), ct);
        return await SavedClaimAsync(http, db, result, null, ct);
    }

    /// <summary>The claim's ETag: its version, strong (it changes with every save of the claim or its citations).</summary>
    public static string ETagOf(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    internal static void SetETag(HttpContext http, uint version) => http.Response.Headers.ETag = ETagOf(version);

    internal static string ClaimLocation(long id) => Links.ApiClaim(id);

    internal static string CitationLocation(long id, long citationId) =>
        $"{ClaimLocation(id)}/citations/{citationId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The write policy again, right before the handler: should the group's policy ever be lost, nothing is written.</summary>
    private static async ValueTask<object?> AuthorizeAgainAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(context.HttpContext.User, Policies.ApiEditor)).Succeeded
            ? await next(context)
            : TypedResults.Problem("Writing needs an Editor's or Admin's API token.", statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden", type: ApiTokenAuthentication.ForbiddenType);
    }

    private static Editor EditorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.DisplayName());

    private static string? CommentOf(HttpContext http, string? comment) =>
        !string.IsNullOrWhiteSpace(comment) ? comment
        : http.Request.Headers[CommentHeader].ToString() is { Length: > 0 } header ? header
        : null;

    /// <summary>A JSON body of at most <see cref="MaxBodyBytes"/>; anything else is a 400, 413 or 415 problem, never a 500.</summary>
    internal static async Task<(T? Body, ProblemHttpResult? Problem)> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!IsJsonInUtf8(request.ContentType))
        {
            return (null, TypedResults.Problem("Send the body as JSON in UTF-8, with 'Content-Type: application/json' (charset utf-8, or none).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", type: InvalidBodyType));
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, BodyOptions, ct) is { } body
                ? (body, null)
                : (null, InvalidBody("The body is null: send a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, InvalidBody(
                $"The body is not JSON this endpoint takes, at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}): check the field names and types against {Links.OpenApiDocument}."));
        }
        catch (BadHttpRequestException e)
        {
            // Too large, shorter than its Content-Length (400), or no longer arriving (408).
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge()
                : TypedResults.Problem(e.Message, statusCode: e.StatusCode, title: "Invalid request body", type: InvalidBodyType));
        }
    }

    /// <summary>RFC 8259 JSON is UTF-8; other media types (even +json ones, whose semantics differ) and charsets are refused.</summary>
    internal static bool IsJsonInUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Value is not { } charset || string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult InvalidBody(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request body", type: InvalidBodyType);

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The body may be at most {MaxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large", type: InvalidBodyType);

    private static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem("Send the claim's ETag (from GET or the last write) in If-Match, so that nobody's change is overwritten unseen.",
            statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required", type: PreconditionRequiredType);

    private static ProblemHttpResult PreconditionFailed(HttpContext http, uint current)
    {
        SetETag(http, current);
        return TypedResults.Problem(
            $"The claim has changed since that ETag; its current ETag is {ETagOf(current)}. GET it, apply your change again, and resend.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed", type: PreconditionFailedType,
            extensions: new Dictionary<string, object?> { ["currentETag"] = ETagOf(current) });
    }

    /// <summary>The version to save over: the If-Match ETag if it is the claim's, else a 404 or 412.</summary>
    private static async Task<(uint? Version, ProblemHttpResult? Problem)> ExpectedVersionAsync(
        HttpContext http, KnowledgeBaseDb db, long id, IfMatch ifMatch, CancellationToken ct)
    {
        // One strong ETag: ClaimEditing checks it under the row lock, no need to read the version first.
        if (ifMatch.Single is { } single)
        {
            return (single, null);
        }
        if (await ApiQueries.ClaimVersionAsync(db, id, ct) is not { } current)
        {
            return (null, ClaimNotFound(id));
        }
        return ifMatch.Matches(current) ? (current, null) : (null, PreconditionFailed(http, current));
    }

    /// <summary>The claim as stored, if If-Match names its version; else a 404 or 412.</summary>
    private static async Task<(EditableClaim? Claim, ProblemHttpResult? Problem)> CurrentAsync(
        HttpContext http, ClaimEditing editing, long id, IfMatch ifMatch, CancellationToken ct)
    {
        if (await editing.FindAsync(id, ct) is not { DeletedAt: null } claim)
        {
            return (null, ClaimNotFound(id));
        }
        return ifMatch.Matches(claim.Version) ? (claim, null) : (null, PreconditionFailed(http, claim.Version));
    }

    /// <summary>The claim and the index of one of its citations in its snapshot; else a 404 or 412.</summary>
    private static async Task<(EditableClaim? Claim, int Index, ProblemHttpResult? Problem)> CitationAsync(
        HttpContext http, ClaimEditing editing, KnowledgeBaseDb db, long id, long citationId, IfMatch ifMatch, CancellationToken ct)
    {
        // The ids first: should the claim change between the two reads, its version moves and the save is refused.
        var ids = await ApiQueries.CitationIdsAsync(db, id, ct);
        var (claim, problem) = await CurrentAsync(http, editing, id, ifMatch, ct);
        if (problem is not null)
        {
            return (null, 0, problem);
        }
        var index = ids.IndexOf(citationId);
        if (index < 0)
        {
            return (null, 0, ApiEndpoints.NotFound($"Claim {id.ToString(CultureInfo.InvariantCulture)} has no citation {citationId.ToString(CultureInfo.InvariantCulture)}."));
        }
        return ids.Count == claim!.Snapshot.Citations.Count ? (claim, index, null) : (null, 0, PreconditionFailed(http, claim.Version));
    }

    private static async Task<Results<Ok<ApiClaim>, ProblemHttpResult>> SavedClaimAsync(
        HttpContext http, KnowledgeBaseDb db, EditResult<ClaimSnapshot> result, int? citation, CancellationToken ct)
    {
        if (result is not EditResult<ClaimSnapshot>.Saved saved)
        {
            return Failed(http, result, citation);
        }
        var (claim, version) = await StoredAsync(db, saved.Id, ct);
        SetETag(http, version);
        return TypedResults.Ok(claim with { Warnings = ApiWarning.Of(saved.Warning) });
    }

    private static async Task<(ApiClaim Claim, uint Version)> StoredAsync(KnowledgeBaseDb db, long id, CancellationToken ct) =>
        await ApiQueries.ClaimAsync(db, id, ct) ?? throw new InvalidOperationException($"Claim {id} was saved but cannot be read back.");

    private static ProblemHttpResult ClaimNotFound(long id) =>
        ApiEndpoints.NotFound($"There is no claim {id.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>A refused save as a problem. On a citation endpoint, that citation's errors lose their <c>citations[i].</c> prefix.</summary>
    private static ProblemHttpResult Failed(HttpContext http, EditResult<ClaimSnapshot> result, int? citation) => result switch
    {
        EditResult<ClaimSnapshot>.Invalid invalid => Validation(invalid.Errors, citation),
        EditResult<ClaimSnapshot>.Conflict conflict => PreconditionFailed(http, conflict.CurrentVersion),
        EditResult<ClaimSnapshot>.NotFound => ApiEndpoints.NotFound("There is no such claim (or it has been deleted)."),
        _ => throw new InvalidOperationException($"Unexpected edit result {result}."),
    };

    private static ProblemHttpResult Validation(IReadOnlyList<Core.Editing.FieldError> errors, int? citation)
    {
        var own = citation is { } i ? $"citations[{i.ToString(CultureInfo.InvariantCulture)}]" : null;
        string Key(string field) =>
            own is null ? field
            : field == own ? ""
            : field.StartsWith(own + ".", StringComparison.Ordinal) ? field[(own.Length + 1)..]
            : field;
        var messages = errors.GroupBy(e => Key(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var candidates = errors.Where(e => e.Candidates is { Count: > 0 })
            .GroupBy(e => Key(e.Field))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Candidates!).Select(c => new ApiAnchorCandidate(c.Start, c.End, c.Context)).ToArray());
        var extensions = new Dictionary<string, object?> { ["errors"] = messages };
        if (candidates.Count > 0)
        {
            extensions["candidates"] = candidates;
        }
        return TypedResults.Problem(
            $"{(messages.Count == 1 ? "One field needs" : $"{messages.Count} fields need")} attention; nothing was saved.",
            statusCode: StatusCodes.Status400BadRequest, title: "Validation failed", type: ValidationType, extensions: extensions);
    }

    /// <summary>
    /// An If-Match header: <c>*</c> or strong entity tags. A weak or malformed tag never matches (If-Match compares
    /// strongly, RFC 9110 §13.1.1), so it earns a 412 with the current ETag rather than a silent overwrite.
    /// </summary>
    internal sealed record IfMatch(bool Any, IReadOnlyList<uint> Versions)
    {
        public uint? Single => !Any && Versions.Count == 1 ? Versions[0] : null;

        public bool Matches(uint version) => Any || Versions.Contains(version);

        public static IfMatch? Read(HttpRequest request)
        {
            var values = request.GetTypedHeaders().IfMatch;
            if (values.Count == 0)
            {
                return string.IsNullOrWhiteSpace(request.Headers.IfMatch) ? null : new IfMatch(false, []);
            }
            var any = values.Any(v => v.Equals(EntityTagHeaderValue.Any));
            var versions = values.Where(v => !v.IsWeak && v.Tag.Length > 2)
                .Select(v => uint.TryParse(v.Tag.AsSpan(1, v.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (uint?)n : null)
                .OfType<uint>()
                .ToList();
            // Tags that name no version still make a header: one that matches nothing, rather than a missing one.
            return new IfMatch(any, versions);
        }
    }
}
