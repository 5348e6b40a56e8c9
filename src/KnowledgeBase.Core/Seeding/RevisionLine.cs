using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeBase.Core.Seeding;

/// <summary>
/// One revision in an export's <c>revisions.jsonl</c>. Database ids mean nothing in another database, so the revision
/// names its claim or source by slug, and a claim snapshot's citations name their document by its slug in
/// <c>sourceId</c>; the import maps both back to the ids it creates.
/// </summary>
public sealed record RevisionLine(
    string Entity, string Slug, int Number, string Action, string? AuthorId, string AuthorName, string CreatedAt, string? Comment, JsonObject Snapshot)
{
    public const string FileName = "revisions.jsonl";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        // Quotes and words stay readable in the file; JSON needs only quotes, backslashes and control characters escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static RevisionLine? Parse(string json) => JsonSerializer.Deserialize<RevisionLine>(json, Options);

    /// <summary>A compact, stable rendering of a snapshot (the same JSON always gives the same text).</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>The citations of a claim snapshot (none in a source snapshot).</summary>
    public static IEnumerable<JsonObject> Citations(JsonObject snapshot) =>
        (snapshot["citations"] as JsonArray ?? []).OfType<JsonObject>();
}

/// <summary>Timestamps in exports: UTC, ISO 8601 with microseconds (PostgreSQL's precision), so they read back exactly.</summary>
public static class ExportTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Write(DateTimeOffset at) => at.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryRead(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
