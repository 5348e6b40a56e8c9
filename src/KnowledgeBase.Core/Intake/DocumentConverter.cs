using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Intake;

/// <summary>Why a file cannot be converted, in one line an editor can act on.</summary>
public sealed class ConversionRefusedException(string message) : Exception(message);

/// <summary>
/// A saved HTML page, a PDF (its text layer) or plain text → a draft in the seed-data format. Nothing is invented:
/// metadata comes from what the file carries, every sentence is kept, and what the conversion changed is written
/// into the editorial note for the editor to confirm.
/// </summary>
public static class DocumentConverter
{
    /// <summary>Saved pages run to a few megabytes with their markup; an article's text is far smaller.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static ConvertedDocument Convert(byte[] content, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new ConversionRefusedException("The file is empty.");
        }
        CheckSize(content.Length);
        var reading = content.AsSpan().StartsWith("%PDF-"u8) ? PdfReader.Read(content) : ReadText(Decode(content));
        return Finish(reading, url);
    }

    /// <summary>Refuses a file over <see cref="MaxBytes"/>: callers check before they read it.</summary>
    public static void CheckSize(long bytes)
    {
        if (bytes > MaxBytes)
        {
            throw new ConversionRefusedException(
                $"The file is {Megabytes(bytes)} MB; the converter takes files of up to {Megabytes(MaxBytes)} MB.");
        }
    }

    private static PageReading ReadText(string text)
    {
        var repairs = new List<string>();
        text = MarkupRepair.Repair(text, repairs);
        var reading = HtmlPageReader.LooksLikeHtml(text) ? HtmlPageReader.Read(text) : PlainTextReader.Read(text);
        reading.Actions.InsertRange(0, repairs);
        return reading;
    }

    /// <summary>UTF-8 (a byte-order mark allowed), with no NUL or other binary control bytes.</summary>
    private static string Decode(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ConversionRefusedException("The file is neither a PDF nor UTF-8 text (an HTML page or plain text): it holds binary data.");
        }
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'))
        {
            throw new ConversionRefusedException("The file is neither a PDF nor text (an HTML page or plain text): it holds control characters.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ConversionRefusedException("The file holds only white space.");
        }
        return text;
    }

    private static ConvertedDocument Finish(PageReading reading, string? url)
    {
        var metadata = reading.Metadata;
        var blocks = reading.Blocks;
        var actions = reading.Actions;
        metadata.OfferUrl(url);
        Masthead.Read(blocks, metadata, actions);
        var footnotes = FootnoteRecovery.Recover(blocks, actions);
        PageFurniture.Mark(blocks, actions);
        metadata.OfferPublished(Dates.FromUrl(metadata.Url));
        if (blocks.Any(b => b.Kind == BlockKind.Heading && b.Level != 2))
        {
            actions.Add("Section headings are set at one level.");
        }
        var furniture = blocks.Where(b => b.Furniture is not null).Select(b => new FurnitureProposal(b.Markdown, b.Furniture!)).ToList();
        if (furniture.Count > 0)
        {
            actions.Add($"Proposed for removal as page furniture, still in the text: {string.Join("; ", furniture.Select(f => $"{PageFurniture.Snippet(f.Text)} ({f.Reason})"))}.");
        }

        var body = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            var tight = i > 0 && blocks[i].Kind == BlockKind.ListItem && blocks[i - 1].Kind == BlockKind.ListItem;
            body.Append(i == 0 ? "" : tight ? "\n" : "\n\n").Append(blocks[i].Markdown);
        }
        foreach (var (n, text) in footnotes.Notes)
        {
            body.Append("\n\n[^").Append(n.ToString(CultureInfo.InvariantCulture)).Append("]: ").Append(text);
        }
        if (body.Length > SourceRenderer.MaxMarkdownLength)
        {
            throw new ConversionRefusedException(
                $"The converted text is {body.Length:N0} characters; a source's body holds at most {SourceRenderer.MaxMarkdownLength:N0}.");
        }
        if (blocks.Count == 0)
        {
            throw new ConversionRefusedException($"No text found in {reading.Format} (a scanned PDF has images, not text).");
        }
        var note = $"Converted from {reading.Format}. " + string.Join(' ', actions);
        return new ConvertedDocument
        {
            Format = reading.Format,
            Metadata = metadata,
            Slug = metadata.Title is { } title ? DraftRules.SlugFrom(title) : "",
            Body = body.ToString(),
            Footnotes = [.. footnotes.Notes.Select(n => CitedNote.Read(n.Key, n.Value))],
            Markers = footnotes.Markers,
            Unplaced = footnotes.Unplaced,
            Furniture = furniture,
            EditorialNote = TextValues.Shorten(note, EditLimits.EditorialNote, keep: EditLimits.EditorialNote - 1),
        };
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
}
