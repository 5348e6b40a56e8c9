using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Intake;

/// <summary>What the footnote pass found: the notes by number, how many markers it placed, and the notes no marker points to.</summary>
internal sealed record RecoveredFootnotes(SortedDictionary<int, string> Notes, int Markers, IReadOnlyList<int> Unplaced);

/// <summary>
/// Turns the readers' <c>&lt;sup&gt;n&lt;/sup&gt;</c> into Markdown footnotes: a block that opens with one is note n's
/// text (moved to the end), any other is a marker (<c>[^n]</c>, directly after the word or punctuation it follows).
/// Notes a page break dropped into the middle of a paragraph are lifted out and the two halves rejoined.
/// </summary>
internal static partial class FootnoteRecovery
{
    public static RecoveredFootnotes Recover(List<Block> blocks, List<string> actions)
    {
        var notes = new SortedDictionary<int, string>();
        var kept = new List<Block>();
        var interrupted = false;
        var rejoined = new List<string>();
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.PageBreak)
            {
                interrupted = true;
                continue;
            }
            if (block.Kind == BlockKind.Paragraph && NoteMarks.SuperscriptNote().Match(block.Text) is { Success: true } note)
            {
                notes.TryAdd(int.Parse(note.Groups[1].Value, CultureInfo.InvariantCulture), CleanNote(note.Groups[2].Value));
                interrupted = true;
                continue;
            }
            if (interrupted && kept.Count > 0 && kept[^1] is { Kind: BlockKind.Paragraph, Furniture: null } before
                && block.Kind == BlockKind.Paragraph && !EndsSentence(before.Text))
            {
                rejoined.Add($"“… {LastWords(before.Text)} | {FirstWords(block.Text)} …”");
                before.Text += " " + block.Text;
            }
            else
            {
                kept.Add(block);
            }
            interrupted = false;
        }
        blocks.Clear();
        blocks.AddRange(kept);

        var placed = new List<int>();
        var plain = 0;
        foreach (var block in blocks)
        {
            block.Text = NoteMarks.SuperscriptMarker().Replace(block.Text, m =>
            {
                var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (notes.ContainsKey(n))
                {
                    placed.Add(n);
                    return $"[^{n}]";
                }
                plain++;
                return m.Groups[1].Value;
            });
        }

        if (notes.Count > 0)
        {
            actions.Add($"The {Count(notes.Count, "note")} are set at the end as footnotes in number order, and "
                + $"{Count(placed.Count, "marker")} placed where the superscripts stood, directly after the word or punctuation they follow.");
        }
        if (rejoined.Count > 0)
        {
            actions.Add($"Notes dropped into the text by page breaks are moved to the end and the {Count(rejoined.Count, "paragraph")} "
                + $"they split rejoined ({string.Join(", ", rejoined)}).");
        }
        var unplaced = notes.Keys.Except(placed).ToList();
        if (unplaced.Count > 0)
        {
            actions.Add($"The text has no marker for {(unplaced.Count == 1 ? "note" : "notes")} {Numbers(unplaced)}: "
                + "each is to be placed after the sentence its source supports.");
        }
        if (placed.Distinct().Zip(placed.Distinct().Skip(1)).Any(p => p.Second < p.First))
        {
            actions.Add("The markers do not run in number order: the notes are to be renumbered in the order they are first referred to.");
        }
        if (plain > 0)
        {
            actions.Add($"{Count(plain, "superscript number")} with no note of that number {(plain == 1 ? "is" : "are")} kept as plain text.");
        }
        return new(notes, placed.Count, unplaced);
    }

    /// <summary>A note's words without the markup the conversion mangled: underlining, bold, stray tags.</summary>
    private static string CleanNote(string text) =>
        DocumentMetadata.Clean(Tag().Replace(text.Replace("**", "", StringComparison.Ordinal), "")) ?? "";

    /// <summary>Whether a paragraph ends where a sentence may (else a page break cut it short).</summary>
    private static bool EndsSentence(string text)
    {
        var t = NoteMarks.SuperscriptMarker().Replace(text, "").TrimEnd();
        return t.Length == 0 || ".!?:;\"”’')]*".Contains(t[^1], StringComparison.Ordinal);
    }

    private static string LastWords(string text) => string.Join(' ', text.Split(' ').TakeLast(4));

    private static string FirstWords(string text) => string.Join(' ', text.Split(' ').Take(3));

    internal static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>"13, 14, 25 and 26".</summary>
    internal static string Numbers(IReadOnlyList<int> numbers)
    {
        return TextValues.Listed([.. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))]);
    }

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();
}
