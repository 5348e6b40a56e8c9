using System.Globalization;
using System.Text.Json.Nodes;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnowledgeBase.Web.Api;

/// <summary>What the OpenAPI document says beyond what the framework infers from the handlers.</summary>
internal static class ApiDocument
{
    /// <summary>
    /// Describes the parameters by name, the same wherever they occur. The handlers take the query parameters as
    /// strings so that a bad value gets the API's own 400 problem; here the document says what values they really take.
    /// </summary>
    public static Task DescribeParametersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (Describe(parameter.Name) is var (description, schema))
            {
                parameter.Description = description;
                parameter.Schema = schema ?? parameter.Schema;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>A parameter's description, and its schema where the handler's own type does not say it.</summary>
    private static (string Description, OpenApiSchema? Schema)? Describe(string? name) => name switch
    {
        "limit" => ($"How many items a page holds, 1 to {ApiEndpoints.MaxLimit}; {ApiEndpoints.DefaultLimit} when omitted.", new()
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "1",
            Maximum = ApiEndpoints.MaxLimit.ToString(CultureInfo.InvariantCulture),
            Default = ApiEndpoints.DefaultLimit,
        }),
        "cursor" => ("Where the page starts: the `next` value of the previous page, passed unchanged (it is opaque). Omitted, the first page.",
            new() { Type = JsonSchemaType.String }),
        "flag" => ("Only claims with this agreement flag.", new()
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetValues<AgreementFlag>().Select(f => JsonValue.Create(f.ToSlug()))],
        }),
        "roots" => ("`single`: only claims whose citing documents all rest on one independent root (one outlet, agency or party), whatever their flag.", new()
        {
            Type = JsonSchemaType.String,
            Enum = [JsonValue.Create(BrowseParameters.SingleRoot)],
        }),
        "topic" => ("Only claims in this topic: its slug, as /api/v1/topics lists them.", new() { Type = JsonSchemaType.String }),
        "source" => ("Only claims citing this document: its slug, as /api/v1/sources lists them.", new() { Type = JsonSchemaType.String }),
        "q" => ("Only claims whose statement or a cited passage matches these words (web search syntax: \"a phrase\", or, -word).",
            new() { Type = JsonSchemaType.String, MaxLength = ApiEndpoints.MaxQueryLength }),
        "format" => ("The reference format.", new()
        {
            Type = JsonSchemaType.String,
            Enum = [.. Links.ReferenceFormats.Select(f => JsonValue.Create(f))],
        }),
        "slug" => ("The document's slug.", null),
        "number" => ("The footnote's number in the document.", null),
        "id" => ("The claim's id.", null),
        "citationId" => ("The citation's id.", null),
        _ => null,
    };

    /// <summary>
    /// The closed sets of words the bodies use, named in the schema: a citation's stance, voice and certainty, and a claim's agreement flag
    /// (the API's models carry them as strings, so a bad value in a write gets a field-level 400, not a parse error).
    /// </summary>
    public static Task DescribeWordSetsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var property = context.JsonPropertyInfo;
        var words = (property is not null && property.DeclaringType.Namespace == typeof(ApiDocument).Namespace ? property.Name : null) switch
        {
            "stance" => Enum.GetValues<Stance>().Select(s => s.ToSlug()),
            "voice" => Enum.GetValues<Voice>().Select(v => v.ToSlug()),
            "certainty" => Enum.GetValues<Certainty>().Select(c => c.ToSlug()),
            "agreement" or "flag" or "computed" or "overrideFlag" when schema.Type?.HasFlag(JsonSchemaType.String) == true =>
                Enum.GetValues<AgreementFlag>().Select(f => f.ToSlug()),
            _ => null,
        };
        if (words is not null)
        {
            // A field that may be left out (null) keeps null among its values, as its type says.
            schema.Enum = [.. words.Select(w => (JsonNode)JsonValue.Create(w)), .. schema.Type?.HasFlag(JsonSchemaType.Null) == true ? [null!] : Array.Empty<JsonNode>()];
        }
        return Task.CompletedTask;
    }

    /// <summary>Every 429 answer says, in Retry-After, how many seconds to wait.</summary>
    public static Task DescribeRetryAfterAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.GetValueOrDefault("429") is OpenApiResponse tooMany)
        {
            tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
            tooMany.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next request.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The headers a claim's version travels in: ETag on every answer that carries a claim, If-None-Match where 304 can
    /// answer, If-Match (required) where a stale one gets 412; and Link on the pages of a list.
    /// </summary>
    public static Task DescribeHeadersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var responses = operation.Responses ?? [];
        var versioned = responses.ContainsKey("304") || responses.ContainsKey("412") || operation.OperationId == "CreateClaim";
        if (responses.ContainsKey("304"))
        {
            AddHeaderParameter(operation, "If-None-Match", "The ETag of the claim you hold: 304 while it is still current.", required: false);
        }
        if (responses.ContainsKey("412"))
        {
            AddHeaderParameter(operation, "If-Match", "The claim's ETag, from GET or the last write: 412 if it has changed since, 428 without.", required: true);
        }
        var pagedList = operation.Parameters?.Any(p => p.Name == "cursor") == true;
        foreach (var (status, response) in responses)
        {
            if (status is not ("200" or "201") || response is not OpenApiResponse answer || answer.Content is not { Count: > 0 })
            {
                continue;
            }
            if (versioned)
            {
                AddResponseHeader(answer, "ETag", "The claim's version, to send in If-Match with a change.");
            }
            if (pagedList)
            {
                AddResponseHeader(answer, "Link", "The next page as <address>; rel=\"next\" (RFC 8288); absent on the last page.");
            }
        }
        return Task.CompletedTask;
    }

    private static void AddHeaderParameter(OpenApiOperation operation, string name, string description, bool required)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Description = description,
            Required = required,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void AddResponseHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }

    /// <summary>
    /// A schema a transformer made, lifted into named components with the types nested in it, as the framework does
    /// for the bodies it infers itself (a transformer's schema comes back inline). The framework marks each type's
    /// schema with its component name in the metadata key <c>x-schema-id</c>.
    /// </summary>
    public static IOpenApiSchema Component(OpenApiSchema schema, OpenApiDocument document)
    {
        foreach (var (field, property) in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList())
        {
            if (property is OpenApiSchema inline)
            {
                schema.Properties![field] = Component(inline, document);
            }
        }
        if (schema.Items is OpenApiSchema items)
        {
            schema.Items = Component(items, document);
        }
        if (schema.Metadata?.TryGetValue("x-schema-id", out var name) != true || name is not string { Length: > 0 } id)
        {
            return schema;
        }
        document.AddComponent(id, schema);
        return new OpenApiSchemaReference(id, document);
    }
}
