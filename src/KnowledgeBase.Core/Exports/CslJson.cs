using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeBase.Core.Exports;

/// <summary>CSL-JSON (the citation style language's data format, what Zotero and pandoc read): an array of items.</summary>
public static class CslJson
{
    public const string MediaType = "application/vnd.citationstyles.csl+json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How <see cref="Write"/> formats, for a writer that streams the array an item at a time.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<Reference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var items = new JsonArray();
        foreach (var r in references)
        {
            items.Add(Item(r));
        }
        return items.ToJsonString(Options);
    }

    /// <summary>One reference as a CSL-JSON item.</summary>
    public static JsonObject Item(Reference r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var item = new JsonObject { ["id"] = r.Id, ["type"] = r.Type };
        if (r.Title is not null)
        {
            item["title"] = r.Title;
        }
        if (r.Authors.Count > 0)
        {
            var authors = new JsonArray();
            foreach (var a in r.Authors)
            {
                authors.Add(a.Literal is not null
                    ? new JsonObject { ["literal"] = a.Literal }
                    : new JsonObject { ["family"] = a.Family, ["given"] = a.Given });
            }
            item["author"] = authors;
        }
        if (r.ContainerTitle is not null)
        {
            item["container-title"] = r.ContainerTitle;
        }
        if (r.Publisher is not null)
        {
            item["publisher"] = r.Publisher;
        }
        if (r.IssuedParts.Count > 0)
        {
            item["issued"] = Date(r.IssuedParts);
        }
        if (r.Url is not null)
        {
            item["URL"] = r.Url;
        }
        if (r.Accessed is { } accessed)
        {
            item["accessed"] = Date([accessed.Year, accessed.Month, accessed.Day]);
        }
        if (r.Note is not null)
        {
            item["note"] = r.Note;
        }
        return item;
    }

    private static JsonObject Date(IReadOnlyList<int> parts)
    {
        var inner = new JsonArray();
        foreach (var p in parts)
        {
            inner.Add(p);
        }
        return new JsonObject { ["date-parts"] = new JsonArray(inner) };
    }

    internal static string Pad(int value) => value.ToString("00", CultureInfo.InvariantCulture);
}
