using System.Text;
using System.Text.Json;

namespace KnowledgeBase.UnitTests.Exports;

/// <summary>A small BibTeX reader (entries with brace-delimited fields), independent of the writer.</summary>
internal static class BibTexReader
{
    public sealed record Entry(string Type, string Key, Dictionary<string, string> Fields);

    public static List<Entry> Parse(string text)
    {
        var entries = new List<Entry>();
        var i = 0;
        while ((i = text.IndexOf('@', i)) >= 0)
        {
            var open = text.IndexOf('{', i);
            var type = text[(i + 1)..open];
            var comma = text.IndexOf(',', open);
            var key = text[(open + 1)..comma];
            var fields = new Dictionary<string, string>();
            var p = comma + 1;
            while (true)
            {
                while (char.IsWhiteSpace(text[p]) || text[p] == ',')
                {
                    p++;
                }
                if (text[p] == '}')
                {
                    break;
                }
                var eq = text.IndexOf('=', p);
                var name = text[p..eq].Trim();
                var start = text.IndexOf('{', eq);
                var depth = 0;
                var value = new StringBuilder();
                for (p = start; ; p++)
                {
                    var c = text[p];
                    if (c == '\\')
                    {
                        value.Append(c).Append(text[p + 1]);
                        p++;
                        continue;
                    }
                    if (c == '{' && depth++ == 0)
                    {
                        continue;
                    }
                    if (c == '}' && --depth == 0)
                    {
                        p++;
                        break;
                    }
                    value.Append(c);
                }
                Assert.False(fields.ContainsKey(name), $"field {name} twice in {key}");
                fields[name] = value.ToString();
            }
            entries.Add(new Entry(type, key, fields));
            i = p;
        }
        return entries;
    }
}

/// <summary>A strict RIS reader: every line "XX  - value", records ended by "ER  - ", CRLF line ends.</summary>
internal static class RisReader
{
    public static List<Dictionary<string, List<string>>> Parse(string text)
    {
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var records = new List<Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? current = null;
        foreach (var line in text.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }
            Assert.Matches("^[A-Z][A-Z0-9]  - ", line);
            var tag = line[..2];
            var value = line[6..];
            if (tag == "TY")
            {
                Assert.Null(current);
                current = [];
            }
            Assert.NotNull(current);
            if (tag == "ER")
            {
                records.Add(current);
                current = null;
                continue;
            }
            if (!current.TryGetValue(tag, out var values))
            {
                current[tag] = values = [];
            }
            values.Add(value);
        }
        Assert.Null(current);
        return records;
    }
}

/// <summary>
/// Checks CSL-JSON items against the csl-data schema kept in csl-data.json (a copy of the official schema): the item
/// types and variable names it allows, the shapes of names and dates. No JSON Schema validator is served here, so the
/// schema's rules are read from the file and applied by hand.
/// </summary>
internal static class CslSchema
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Exports", "csl-data.json"))).RootElement;

    public static List<string> Validate(JsonElement items)
    {
        var errors = new List<string>();
        var item = Schema.GetProperty("items");
        var properties = item.GetProperty("properties");
        var types = properties.GetProperty("type").GetProperty("enum").EnumerateArray().Select(t => t.GetString()).ToHashSet();
        var required = item.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToList();
        if (items.ValueKind != JsonValueKind.Array)
        {
            return ["not an array"];
        }
        foreach (var entry in items.EnumerateArray())
        {
            errors.AddRange(required.Where(r => !entry.TryGetProperty(r, out _)).Select(r => $"missing {r}"));
            foreach (var field in entry.EnumerateObject())
            {
                if (!properties.TryGetProperty(field.Name, out var rule))
                {
                    errors.Add($"unknown variable {field.Name}");
                    continue;
                }
                if (field.Name == "type" && !types.Contains(field.Value.GetString()))
                {
                    errors.Add($"unknown type {field.Value}");
                    continue;
                }
                var reference = rule.TryGetProperty("items", out var items2) && items2.TryGetProperty("$ref", out var r1) ? r1.GetString()
                    : rule.TryGetProperty("$ref", out var r2) ? r2.GetString() : null;
                switch (reference)
                {
                    case "#/definitions/name-variable":
                        if (field.Value.ValueKind != JsonValueKind.Array || field.Value.EnumerateArray().Any(n =>
                            n.ValueKind != JsonValueKind.Object
                            || n.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String)
                            || !(n.TryGetProperty("family", out _) || n.TryGetProperty("literal", out _))))
                        {
                            errors.Add($"{field.Name} is not a list of names");
                        }
                        break;
                    case "#/definitions/date-variable":
                        if (!field.Value.TryGetProperty("date-parts", out var parts) || parts.ValueKind != JsonValueKind.Array
                            || parts.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.Array || d.GetArrayLength() is < 1 or > 3
                                || d.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number)))
                        {
                            errors.Add($"{field.Name} is not a date");
                        }
                        break;
                    default:
                        var allowed = rule.GetProperty("type");
                        var kinds = allowed.ValueKind == JsonValueKind.Array ? allowed.EnumerateArray().Select(k => k.GetString()).ToList() : [allowed.GetString()];
                        var actual = field.Value.ValueKind switch
                        {
                            JsonValueKind.String => "string",
                            JsonValueKind.Number => "number",
                            JsonValueKind.Array => "array",
                            JsonValueKind.Object => "object",
                            _ => "other",
                        };
                        if (!kinds.Contains(actual))
                        {
                            errors.Add($"{field.Name} is a {actual}");
                        }
                        break;
                }
            }
        }
        return errors;
    }
}
