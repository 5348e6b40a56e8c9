using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// How documents number their notes, in every format the intake reads ("12", "[12]", "&lt;sup&gt;12&lt;/sup&gt;", "12." before
/// a note's text) and how they head or mark the notes section: one home, so that the readers agree on what a note is.
/// </summary>
internal static partial class NoteMarks
{
    /// <summary>A note's number: one to three digits, captured.</summary>
    private const string Digits = @"(\d{1,3})";

    /// <summary>A note's number in a text or a marker, maybe in square brackets.</summary>
    private const string Number = @"\[?" + Digits + @"\]?";

    // In plain text.
    /// <summary>A line of a text's notes: its number, then the note.</summary>
    [GeneratedRegex(@"^\s*" + Number + @"[.)]?\s+(\S.*)$")]
    public static partial Regex NumberedNote();

    /// <summary>The heading of a list of notes at the end, in any format.</summary>
    [GeneratedRegex(@"^(notes|endnotes|footnotes|references)$", RegexOptions.IgnoreCase)]
    public static partial Regex NotesHeading();

    // In web pages: markers, links back and the notes section.
    /// <summary>A marker's whole text: "12" or "[12]".</summary>
    [GeneratedRegex(@"^\s*" + Number + @"\s*$")]
    public static partial Regex MarkerText();

    /// <summary>A link from a note back to its marker, by its address or its words.</summary>
    [GeneratedRegex(@"fnref|backref|footnote-back|↩|\^$")]
    public static partial Regex BackLink();

    /// <summary>A page element's id or class naming the notes section.</summary>
    [GeneratedRegex(@"\b(footnotes?|endnotes?)\b", RegexOptions.IgnoreCase)]
    public static partial Regex NotesClass();

    // In text converted from a page or a PDF: superscripts.
    /// <summary>A note: a block opening with its number as a superscript.</summary>
    [GeneratedRegex(@"^\s*<sup>\s*" + Number + @"\s*</sup>[.)]?\s*(\S.*)$", RegexOptions.Singleline)]
    public static partial Regex SuperscriptNote();

    /// <summary>A superscript marker, with the space before it, which Markdown footnotes do not have.</summary>
    [GeneratedRegex(@"\s*<sup>\s*" + Number + @"\s*</sup>")]
    public static partial Regex SuperscriptMarker();

    /// <summary>A superscript tag a converter split with an escaped bracket: "&lt;sup&gt;&amp;&lt;/sup&gt;lt;sup&gt;".</summary>
    [GeneratedRegex(@"<sup>&(?:amp;)?</sup>lt;\s*sup\s*>")]
    public static partial Regex MangledSuperscript();

    /// <summary>A superscript marker escaped as text: "&amp;lt;sup&amp;gt;12&amp;lt;/sup&amp;gt;".</summary>
    [GeneratedRegex(@"&lt;sup&gt;\s*" + Digits + @"\s*&lt;/sup&gt;")]
    public static partial Regex EscapedSuperscript();

    /// <summary>A PDF note's opening number, set as a superscript or not.</summary>
    [GeneratedRegex(@"^(?:<sup>)?" + Digits + @"(?:</sup>)?\.?\s+")]
    public static partial Regex PdfNoteNumber();
}
