using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace KnowledgeBase.Core.Seeding;

/// <summary>
/// Writes YAML the way the hand-written seed files are written: plain scalars where YAML reads them back unchanged,
/// double quotes where it would not (a ": " inside, a leading indicator, surrounding spaces), long notes folded.
/// Only what <see cref="SeedFiles"/> reads is needed: block mappings, block sequences of mappings, flow lists of words.
/// </summary>
internal static class SeedYaml
{
    /// <summary>YAML's indicators, and '$', which the seed files quote (money: "$394 million") though YAML need not.</summary>
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`$";

    /// <summary>A scalar for a block context; null writes nothing (an empty value reads back as null).</summary>
    public static string Scalar(string? value, bool quote = false)
    {
        if (value is null)
        {
            return "";
        }
        return !quote && IsPlain(value, flow: false) ? value : Quoted(value);
    }

    /// <summary>A flow list: <c>[Lami Kim, Ranjit Kumar Dhawan]</c>.</summary>
    public static string FlowList(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(i => IsPlain(i, flow: true) ? i : Quoted(i))) + "]";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"key: value" (or "key:" for null) at an indent, ending the line.</summary>
    public static void Line(StringBuilder text, int indent, string key, string value)
    {
        text.Append(' ', indent).Append(key).Append(':');
        if (value.Length > 0)
        {
            text.Append(' ').Append(value);
        }
        text.Append('\n');
    }

    /// <summary>
    /// An entry's fields that are set, a line each, in the format's order and names (<see cref="SeedFormat"/>): text,
    /// numbers, flags, lists of words (none when empty) and nested entries as nested mappings. <paramref name="skip"/>
    /// names what the caller writes itself; with <paramref name="nulls"/>, unset fields are written as empty values.
    /// </summary>
    public static void Fields(StringBuilder text, int indent, object entry, IReadOnlyCollection<string>? skip = null, bool nulls = false)
    {
        foreach (var field in SeedFormat.Fields(entry.GetType()).Where(f => skip?.Contains(f.Name) != true))
        {
            var key = SeedFormat.Name(field);
            switch (field.GetValue(entry))
            {
                case null:
                    if (nulls)
                    {
                        Line(text, indent, key, "");
                    }
                    break;
                case string value when SeedFormat.Style(field) == ScalarStyle.Folded:
                    Folded(text, indent, key, value);
                    break;
                case string value:
                    Line(text, indent, key, Scalar(value, quote: SeedFormat.Style(field) == ScalarStyle.DoubleQuoted));
                    break;
                case int value:
                    Line(text, indent, key, Number(value));
                    break;
                case bool value:
                    Line(text, indent, key, value ? "true" : "false");
                    break;
                case List<string> { Count: 0 }:
                    break;
                case List<string> value:
                    Line(text, indent, key, FlowList(value));
                    break;
                case List<int> { Count: 0 }:
                    break;
                case List<int> value:
                    Line(text, indent, key, FlowList(value.Select(Number)));
                    break;
                case var nested when nested is not System.Collections.IEnumerable:
                    text.Append(' ', indent).Append(key).Append(":\n");
                    Fields(text, indent + 2, nested, nulls: nulls);
                    break;
                default:
                    throw new NotSupportedException($"The seed format does not write {field.PropertyType.Name} fields ({key}).");
            }
        }
    }

    /// <summary>
    /// A long single paragraph as a folded block (<c>&gt;-</c>) wrapped at <paramref name="width"/> columns, which reads
    /// back as the same one line; text folding would change (line breaks, runs of spaces) is double-quoted instead.
    /// </summary>
    public static void Folded(StringBuilder text, int indent, string key, string value, int width = 100)
    {
        if (!IsFoldable(value))
        {
            Line(text, indent, key, Quoted(value));
            return;
        }
        text.Append(' ', indent).Append(key).Append(": >-\n");
        var pad = indent + 2;
        var line = new StringBuilder();
        foreach (var word in value.Split(' '))
        {
            if (line.Length > 0 && pad + line.Length + 1 + word.Length > width)
            {
                text.Append(' ', pad).Append(line).Append('\n');
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        text.Append(' ', pad).Append(line).Append('\n');
    }

    private static bool IsFoldable(string value) =>
        value.Length > 0 && value[0] != ' ' && value[^1] != ' ' && !value.Contains("  ", StringComparison.Ordinal)
        && value.All(c => c == ' ' || (!char.IsWhiteSpace(c) && !char.IsControl(c) && !IsSpecial(c)));

    private static bool IsPlain(string value, bool flow)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ' || Indicators.Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }
        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value[^1] == ':')
        {
            return false;
        }
        if (flow && value.IndexOfAny([',', '[', ']', '{', '}']) >= 0)
        {
            return false;
        }
        // Words YAML reads as null; the rest (true, 2024, 1e3) reads back as the same text into a string.
        if (value is "~" or "null" or "Null" or "NULL")
        {
            return false;
        }
        return value.All(c => c == ' ' || (!char.IsWhiteSpace(c) && !char.IsControl(c) && !IsSpecial(c)));
    }

    /// <summary>Characters YAML treats as line breaks or byte-order marks, and lone surrogates: always escaped.</summary>
    private static bool IsSpecial(char c) => c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c);

    private static string Quoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escaped = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => null,
            };
            if (escaped is not null)
            {
                text.Append(escaped);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (char.IsControl(c) || IsSpecial(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.Append('"').ToString();
    }
}
