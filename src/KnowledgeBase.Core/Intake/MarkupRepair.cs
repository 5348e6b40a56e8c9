using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// Undoes what converters do to footnote markup, in a page's source or its text alike: a superscript tag split by an
/// escaped bracket (<c>&lt;sup&gt;&amp;&lt;/sup&gt;lt;sup&gt;1&lt;/sup&gt;</c>), an escaped one, and stray underlining.
/// </summary>
internal static partial class MarkupRepair
{
    public static string Repair(string text, List<string> actions)
    {
        var repaired = MangledSup().Replace(text, "<sup>");
        repaired = EscapedSup().Replace(repaired, "<sup>$1</sup>");
        if (!string.Equals(repaired, text, StringComparison.Ordinal))
        {
            actions.Add("The mangled superscript markup of the footnote numbers (“<sup>&</sup>lt;sup>1</sup>”) is repaired.");
        }
        var plain = Underline().Replace(repaired, "");
        if (plain.Length != repaired.Length)
        {
            actions.Add("Underlining is dropped.");
        }
        return plain;
    }

    [GeneratedRegex(@"<sup>&(?:amp;)?</sup>lt;\s*sup\s*>")]
    private static partial Regex MangledSup();

    [GeneratedRegex(@"&lt;sup&gt;\s*(\d{1,3})\s*&lt;/sup&gt;")]
    private static partial Regex EscapedSup();

    [GeneratedRegex(@"</?u>")]
    private static partial Regex Underline();
}
