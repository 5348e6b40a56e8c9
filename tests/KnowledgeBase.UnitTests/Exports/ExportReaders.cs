using System.Text;

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
