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
        var repaired = NoteMarks.MangledSuperscript().Replace(text, "<sup>");
        repaired = NoteMarks.EscapedSuperscript().Replace(repaired, "<sup>$1</sup>");
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

    [GeneratedRegex(@"</?u>")]
    private static partial Regex Underline();
}
