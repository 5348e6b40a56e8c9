using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// Plain text, and the Markdown-like text that converters of web pages write: one paragraph a line (or wrapped lines
/// separated by blank lines), <c>#</c> headings or short title-case lines, bullets, and superscripts left as tags.
/// </summary>
internal static partial class PlainTextReader
{
    public static PageReading Read(string text, string format = "plain text")
    {
        var reading = new PageReading(format);
        text = text.ReplaceLineEndings("\n");
        var inNotes = false;
        var recased = new List<string>();
        foreach (var group in BlankLines().Split(text))
        {
            foreach (var line in Lines(group))
            {
                var block = Classify(line, inNotes);
                if (block.Kind == BlockKind.Heading && IsCapitalsLabel(line.Trim()))
                {
                    recased.Add(line.Trim());
                }
                if (block.Kind == BlockKind.Heading)
                {
                    inNotes = NoteMarks.NotesHeading().IsMatch(block.Text);
                }
                reading.Blocks.Add(block);
            }
        }
        if (recased.Count > 0)
        {
            reading.Actions.Add($"Labels in capitals are set as ordinary headings: {string.Join(", ", recased.Distinct().Select(r => $"“{r}”"))}.");
        }
        return reading;
    }

    /// <summary>A group's lines: joined when they are one paragraph wrapped at a width, else one block each.</summary>
    private static List<string> Lines(string group)
    {
        var lines = group.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
        var wrapped = lines.Count > 1
            && lines.SkipLast(1).All(l => l.Length >= 40 && !Bullet().IsMatch(l) && !l.StartsWith('#'))
            && lines.SkipLast(1).Count(l => !".!?:)”\"".Contains(l[^1], StringComparison.Ordinal)) * 2 >= lines.Count - 1;
        return wrapped ? [string.Join(' ', lines.Select(l => l.Trim()))] : lines;
    }

    private static Block Classify(string line, bool inNotes)
    {
        if (AtxHeading().Match(line) is { Success: true } h)
        {
            var text = h.Groups[2].Value.Trim();
            text = text.StartsWith("**", StringComparison.Ordinal) && text.EndsWith("**", StringComparison.Ordinal) && text.Length > 4 ? text[2..^2] : text;
            return new Block(BlockKind.Heading, text) { Level = h.Groups[1].Length };
        }
        if (inNotes && NoteMarks.NumberedNote().Match(line) is { Success: true } note)
        {
            return new Block(BlockKind.Paragraph, $"<sup>{note.Groups[1].Value}</sup> {note.Groups[2].Value}");
        }
        if (Bullet().Match(line) is { Success: true } b)
        {
            return new Block(BlockKind.ListItem, b.Groups[2].Value.Trim()) { Ordered = char.IsAsciiDigit(b.Groups[1].Value[0]) };
        }
        if (line.StartsWith('>'))
        {
            return new Block(BlockKind.Quote, line.TrimStart('>').Trim());
        }
        var trimmed = line.Trim();
        if (NoteMarks.NotesHeading().IsMatch(trimmed))
        {
            return new Block(BlockKind.Heading, trimmed);
        }
        if (IsCapitalsLabel(trimmed))
        {
            return new Block(BlockKind.Heading, char.ToUpperInvariant(trimmed[0]) + trimmed[1..].ToLowerInvariant());
        }
        return new Block(IsTitleCase(trimmed) ? BlockKind.Heading : BlockKind.Paragraph, trimmed);
    }

    /// <summary>"KEY TAKEAWAYS": a label in capitals, set as an ordinary heading.</summary>
    private static bool IsCapitalsLabel(string line) =>
        line.Length is >= 4 and <= 60 && line.Any(char.IsLetter) && !line.Any(char.IsLower) && !line.Contains(':', StringComparison.Ordinal)
        && line.Count(char.IsLetter) >= 4;

    /// <summary>A short line in title case without sentence punctuation: "What North Korea’s Involvement in Ukraine Means".</summary>
    private static bool IsTitleCase(string line)
    {
        if (line.Length > 100 || !char.IsUpper(line[0]) || ".,;:)".Contains(line[^1], StringComparison.Ordinal)
            || line.Contains(". ", StringComparison.Ordinal) || line.Contains(": ", StringComparison.Ordinal)
            || line.Contains("<sup>", StringComparison.Ordinal) || line.Contains('@', StringComparison.Ordinal)
            || line.Contains("www.", StringComparison.Ordinal))
        {
            return false;
        }
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var significant = words.Where(w => w.Length >= 4 && char.IsLetter(w[0])).ToList();
        return words.Length is >= 2 and <= 14 && significant.Count > 0
            && significant.Count(w => char.IsUpper(w[0])) * 4 >= significant.Count * 3;
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s*([•·▪◦●*+-]|\d{1,3}[.)])\s+(\S.*)$")]
    private static partial Regex Bullet();
}
