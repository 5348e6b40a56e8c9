using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Exports;
using KnowledgeBase.Web.Api;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace KnowledgeBase.Web.Exports;

/// <summary>
/// Downloads: references (CSL-JSON, BibTeX, RIS) per footnote, per source and for the whole knowledge base; claims as
/// CSV (one row per citation) and JSON, streamed a batch at a time.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var exports = routes.MapGroup("/exports").RequireCors(ApiCors.ReadPolicy).RequireRateLimiting(ApiRateLimit.Policy).WithTags("Exports")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        exports.MapGet("/references/{format}", AllReferencesAsync)
            .WithName("ExportReferences").WithSummary("Every document and every footnote's cited work as references.")
            .ProducesReferences();
        exports.MapGet("/sources/{slug}/references/{format}", async (KnowledgeBaseDb db, string slug, string format, CancellationToken ct) =>
            await ExportQueries.SourceReferencesAsync(db, slug, null, ct) is { } references
                ? References(format, slug, references)
                : ApiEndpoints.NotFound($"There is no source '{slug}'."))
            .WithName("ExportSourceReferences").WithSummary("A document and its footnotes' cited works as references.")
            .ProducesReferences()
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/sources/{slug}/footnotes/{number:int}/{format}", async (KnowledgeBaseDb db, string slug, int number, string format, CancellationToken ct) =>
            await ExportQueries.SourceReferencesAsync(db, slug, number, ct) is { } references
                ? References(format, $"{slug}-fn{number}", references)
                : ApiEndpoints.NotFound($"There is no footnote {number} in '{slug}'."))
            .WithName("ExportFootnoteReference").WithSummary("The work one footnote cites as a reference.")
            .ProducesReferences()
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/claims.csv", ClaimsCsvAsync).WithName("ExportClaimsCsv").WithSummary("Claims as CSV, one row per citation.")
            .ProducesDownload(ClaimCsv.MediaType);
        exports.MapGet("/claims.json", ClaimsJsonAsync).WithName("ExportClaimsJson").WithSummary("Claims with their citations as JSON.")
            .ProducesDownload("application/json");
        return routes;
    }

    /// <summary>A references download in the format <c>{format}</c> names; an unknown format is a 400 problem.</summary>
    private static RouteHandlerBuilder ProducesReferences(this RouteHandlerBuilder builder) => builder
        .ProducesDownload(CslJson.MediaType, BibTex.MediaType, Ris.MediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>
    /// Describes the 200 answer as a file in these media types. (Produces metadata without a response type leaves the
    /// media types out of the document, and these bodies are written by hand, not serialized from a type.)
    /// </summary>
    private static RouteHandlerBuilder ProducesDownload(this RouteHandlerBuilder builder, params string[] mediaTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses[StatusCodes.Status200OK.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "The file, as an attachment (Content-Disposition names it).",
                Content = mediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType()),
            };
            return Task.CompletedTask;
        });

    /// <summary>A reference format's media type, file extension and writer, or null for an unknown format.</summary>
    private static (string MediaType, string Extension, Func<IEnumerable<Reference>, string> Write)? Format(string format) => format switch
    {
        "csl-json" => (CslJson.MediaType, "json", CslJson.Write),
        "bibtex" => (BibTex.MediaType, "bib", BibTex.Write),
        "ris" => (Ris.MediaType, "ris", Ris.Write),
        _ => null,
    };

    private static ProblemHttpResult UnknownFormat() => ApiEndpoints.Invalid("format must be one of csl-json, bibtex, ris.");

    private static Results<FileContentHttpResult, ProblemHttpResult> References(string format, string name, IReadOnlyList<Reference> references) =>
        Format(format) is { } f
            ? TypedResults.File(Encoding.UTF8.GetBytes(f.Write(references)), f.MediaType + "; charset=utf-8", $"{name}.{f.Extension}")
            : UnknownFormat();

    /// <summary>Every document and footnote's reference, streamed a batch of documents at a time.</summary>
    private static async Task<IResult> AllReferencesAsync(HttpContext context, KnowledgeBaseDb db, string format, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return UnknownFormat();
        }
        context.Response.ContentType = f.MediaType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=knowledge-base.{f.Extension}";
        // CSL-JSON is one array, written an item at a time; BibTeX and RIS entries simply follow each other.
        await using var json = format == "csl-json" ? new Utf8JsonWriter(context.Response.Body, CslJson.WriterOptions) : null;
        json?.WriteStartArray();
        var after = 0;
        while (await ExportQueries.ReferenceBatchAsync(db, after, ct) is (var batch, { } last))
        {
            if (json is not null)
            {
                foreach (var reference in batch)
                {
                    CslJson.Item(reference).WriteTo(json);
                }
                await json.FlushAsync(ct);
            }
            else
            {
                await context.Response.WriteAsync(f.Write(batch), ct);
            }
            after = last;
        }
        if (json is not null)
        {
            json.WriteEndArray();
            await json.FlushAsync(ct);
        }
        return TypedResults.Empty;
    }

    private static async Task ClaimsCsvAsync(HttpContext context, KnowledgeBaseDb db, CancellationToken ct)
    {
        context.Response.ContentType = ClaimCsv.MediaType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=claims.csv";
        await context.Response.WriteAsync(ClaimCsv.HeaderLine, ct);
        // Absolute addresses: a spreadsheet has no page to resolve a path against.
        var site = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var after = 0L;
        while (await ExportQueries.ClaimBatchAsync(db, after, ct) is { Count: > 0 } batch)
        {
            var text = new StringBuilder();
            foreach (var claim in batch)
            {
                var claimUrl = site + Links.Claim(claim.Id, claim.Slug);
                if (claim.Citations.Count == 0)
                {
                    text.Append(ClaimCsv.Row(new ClaimCitationRow(
                        claim.Id, claim.Slug, claim.Statement, claim.Flag, claim.Figure, null, null, null, null, null, null, null, claimUrl, null)));
                }
                foreach (var c in claim.Citations)
                {
                    text.Append(ClaimCsv.Row(new ClaimCitationRow(
                        claim.Id, claim.Slug, claim.Statement, claim.Flag, claim.Figure, c.Source, c.Stance, c.Quote, c.Footnote, c.Figure,
                        c.Attribution, c.Outlet, claimUrl, site + Links.Passage(c.Source, c.PassageId), c.Voice, c.Certainty, c.AsOf, c.AsOfWords,
                        c.Derived?.Description)));
                }
            }
            await context.Response.WriteAsync(text.ToString(), ct);
            after = batch[^1].Id;
        }
    }

    private static async Task ClaimsJsonAsync(HttpContext context, KnowledgeBaseDb db, CancellationToken ct)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=claims.json";
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartArray();
        var after = 0L;
        while (await ExportQueries.ClaimBatchAsync(db, after, ct) is { Count: > 0 } batch)
        {
            foreach (var claim in batch)
            {
                JsonSerializer.Serialize(writer, new
                {
                    claim.Id,
                    claim.Slug,
                    claim.Statement,
                    Agreement = claim.Flag,
                    Figure = ApiFigure.From(claim.Figure),
                    Url = Links.Claim(claim.Id, claim.Slug),
                    Citations = claim.Citations.Select(c => new
                    {
                        c.Source,
                        c.Stance,
                        c.Quote,
                        c.Footnote,
                        c.Outlet,
                        c.Attribution,
                        Figure = ApiFigure.From(c.Figure),
                        Url = Links.Passage(c.Source, c.PassageId),
                        c.Voice,
                        c.Certainty,
                        c.AsOf,
                        c.AsOfWords,
                        c.Derived,
                    }),
                }, options);
            }
            await writer.FlushAsync(ct);
            after = batch[^1].Id;
        }
        writer.WriteEndArray();
        await writer.FlushAsync(ct);
    }
}
