using System.Text.Json;
using Json.Schema;

namespace KnowledgeBase.Testing.Schemas;

/// <summary>
/// The CSL-JSON input schema (a copy of the official csl-data.json, draft-07, kept beside this file), evaluated by a
/// real JSON Schema implementation. Exports are checked against it as Zotero and citeproc would read them.
/// </summary>
public static class CslDataSchema
{
    // Built once: building registers the schema's $id in the library's global registry, which refuses a second one.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "csl-data.json")));

    /// <summary>Every failed rule, as "instance location: message"; empty when the document is valid CSL-JSON.</summary>
    public static IReadOnlyList<string> Validate(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        // Invalid is never reported as no errors, whatever the library puts in its details.
        return errors.Count > 0 ? errors : ["the document does not match the schema"];
    }

    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }
}
