using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// A PDF's text layer, read line by line with each letter's size and place: lines larger than the body are
/// headings, small raised digits are footnote markers, small lines that open with a number are notes, and a wide
/// gap between lines ends a paragraph. Page breaks are kept as blocks, for the footnote pass to rejoin across.
/// </summary>
internal static class PdfReader
{
    public static PageReading Read(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            var reading = new PageReading("a PDF's text layer");
            var info = document.Information;
            if (info.Title is { } title && !title.Contains(".doc", StringComparison.OrdinalIgnoreCase))
            {
                reading.Metadata.OfferTitle(title);
            }
            reading.Metadata.OfferAuthors([info.Author]);
            reading.Metadata.OfferPublished(info.GetCreatedDateTimeOffset()?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var pages = document.GetPages().ToList();
            var body = BodySize(pages);
            foreach (var page in pages)
            {
                ReadPage(page, body, reading.Blocks);
                reading.Blocks.Add(new Block(BlockKind.PageBreak, ""));
            }
            return reading;
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ConversionRefusedException("The PDF is encrypted (password-protected): save a copy without protection and try again.");
        }
        // A damaged file makes the parser throw whatever its code met first (format, index, cast, …): all mean "not readable".
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException and not OperationCanceledException)
        {
            throw new ConversionRefusedException("The file starts like a PDF but cannot be read as one (damaged or incomplete).");
        }
    }

    /// <summary>The size most of the letters have: the body text's.</summary>
    private static double BodySize(List<Page> pages) =>
        pages.SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.PointSize * 2) / 2).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(12);

    private static void ReadPage(Page page, double body, List<Block> blocks)
    {
        var lines = new List<(double Baseline, List<Word> Words)>();
        foreach (var word in page.GetWords().OrderByDescending(w => w.Letters[0].StartBaseLine.Y))
        {
            var baseline = word.Letters[0].StartBaseLine.Y;
            var line = lines.FindIndex(l => Math.Abs(l.Baseline - baseline) < body * 0.5);
            if (line < 0)
            {
                lines.Add((baseline, [word]));
            }
            else
            {
                lines[line].Words.Add(word);
            }
        }
        var current = new StringBuilder();
        var kind = BlockKind.Paragraph;
        var previous = double.NaN;
        var inNote = false;
        foreach (var (baseline, words) in lines.OrderByDescending(l => l.Baseline))
        {
            var ordered = words.OrderBy(w => w.BoundingBox.Left).ToList();
            var size = ordered.SelectMany(w => w.Letters).Where(l => l.PointSize >= body * 0.8 || !char.IsAsciiDigit(l.Value[0]))
                .Select(l => l.PointSize).DefaultIfEmpty(body).Max();
            var text = string.Join(' ', ordered.Select(w => Text(w, body)));
            var small = size < body * 0.9;
            var noteStart = small && NoteMarks.PdfNoteNumber().Match(text) is { Success: true };
            var lineKind = size > body * 1.2 ? BlockKind.Heading : BlockKind.Paragraph;
            var gap = double.IsNaN(previous) ? 0 : previous - baseline;
            if (current.Length > 0 && (noteStart || lineKind != kind || small != inNote || gap > Math.Max(size, body) * 1.8))
            {
                Add(blocks, kind, current);
            }
            if (noteStart)
            {
                text = NoteMarks.PdfNoteNumber().Replace(text, "<sup>$1</sup> ");
            }
            current.Append(current.Length > 0 ? " " : "").Append(text);
            (kind, previous, inNote) = (lineKind, baseline, small);
        }
        if (current.Length > 0)
        {
            Add(blocks, kind, current);
        }
    }

    /// <summary>The document's first heading is taken for its title (level 1); later ones are sections.</summary>
    private static void Add(List<Block> blocks, BlockKind kind, StringBuilder text)
    {
        var first = kind == BlockKind.Heading && !blocks.Any(b => b.Kind == BlockKind.Heading);
        blocks.Add(new Block(kind, text.ToString()) { Level = first ? 1 : 2 });
        text.Clear();
    }

    /// <summary>A word's letters; small digits (a footnote marker set as a superscript) become <c>&lt;sup&gt;n&lt;/sup&gt;</c>.</summary>
    private static string Text(Word word, double body)
    {
        var text = new StringBuilder();
        var sup = new StringBuilder();
        foreach (var letter in word.Letters)
        {
            if (letter.PointSize < body * 0.8 && letter.Value.Length == 1 && char.IsAsciiDigit(letter.Value[0]) && word.Letters.Any(l => l.PointSize >= body * 0.8))
            {
                sup.Append(letter.Value);
                continue;
            }
            if (sup.Length > 0)
            {
                text.Append("<sup>").Append(sup).Append("</sup>");
                sup.Clear();
            }
            text.Append(letter.Value);
        }
        if (sup.Length > 0)
        {
            text.Append("<sup>").Append(sup).Append("</sup>");
        }
        // A marker set apart from its word is a word of small digits alone.
        return word.Letters.All(l => l.PointSize < body * 0.8 && char.IsAsciiDigit(l.Value[0])) && word.Letters.Count <= 3
            ? $"<sup>{word.Text}</sup>"
            : text.ToString();
    }
}
