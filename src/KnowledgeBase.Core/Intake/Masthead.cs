using System.Text.RegularExpressions;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// The lines a page prints above the article (a kicker, the title, the author line, the date) become front matter
/// and leave the body; the author's note, the copyright line and a page label fill what is still missing.
/// </summary>
internal static partial class Masthead
{
    private static readonly string[] Kinds =
    [
        "analysis", "commentary", "report", "article", "brief", "issue brief", "policy brief", "op-ed", "editorial", "interview",
        "paper", "working paper", "essay", "explainer", "blog", "news", "review", "feature",
    ];

    public static void Read(List<Block> blocks, DocumentMetadata metadata, List<string> actions)
    {
        var removed = new List<string>();
        var lead = blocks.FindIndex(b => b.Kind == BlockKind.Paragraph && b.Text.Split(' ').Length >= 25);
        lead = lead < 0 ? Math.Min(blocks.Count, 6) : Math.Min(lead, 6);
        var title = blocks.FindIndex(0, lead, b => b.Kind == BlockKind.Heading && b.Level == 1);
        if (title < 0)
        {
            title = metadata.Title is { } known
                ? blocks.FindIndex(0, lead, b => string.Equals(Plain(b.Text), known, StringComparison.OrdinalIgnoreCase))
                : blocks.FindIndex(0, lead, b => b.Kind is BlockKind.Heading or BlockKind.Paragraph && b.Text.Length <= 300);
        }
        if (title < 0)
        {
            ReadTail(blocks, metadata);
            return;
        }
        metadata.OfferTitle(Plain(blocks[title].Text));
        removed.Add("the title");
        var kickers = blocks.Take(title).Where(b => b.Text.Length <= 80).ToList();
        foreach (var kicker in kickers)
        {
            ReadKicker(Plain(kicker.Text), metadata);
        }
        var after = title + 1;
        var byline = false;
        var dated = false;
        while (after < blocks.Count && after <= title + 3)
        {
            var text = Plain(blocks[after].Text);
            if (!dated && Dates.Parse(DocumentMetadata.ByPrefix().Replace(text, "")) is { } date)
            {
                metadata.OfferPublished(date);
                dated = true;
            }
            else if (!byline && IsAuthorLine(text))
            {
                metadata.OfferAuthors([text]);
                byline = true;
            }
            else
            {
                break;
            }
            after++;
        }
        if (kickers.Count > 0)
        {
            removed.Insert(0, $"the kicker {string.Join(", ", kickers.Select(k => PageFurniture.Snippet(k.Text)))}");
        }
        if (byline)
        {
            removed.Add("the author line");
        }
        if (dated)
        {
            removed.Add("the date");
        }
        blocks.RemoveRange(title, after - title);
        blocks.RemoveAll(kickers.Contains);
        actions.Add(removed.Count == 1
            ? $"{Sentence(removed)} is not repeated in the body; it is in the front matter."
            : $"{Sentence(removed)} are not repeated in the body; they are in the front matter.");
        ReadTail(blocks, metadata);
    }

    /// <summary>"MP-IDSA Commentary": a short name and a kind.</summary>
    private static void ReadKicker(string kicker, DocumentMetadata metadata)
    {
        var lower = kicker.ToLowerInvariant();
        if (Kinds.FirstOrDefault(k => lower.EndsWith(" " + k, StringComparison.Ordinal) || lower == k) is { } kind)
        {
            metadata.OfferKind(kind);
            var name = kicker[..^kind.Length].Trim();
            if (name.Length is > 0 and <= 20)
            {
                metadata.OfferShortName(name);
            }
        }
    }

    /// <summary>The author's note, the copyright line and a "PUBLICATION TYPE:" label, wherever they stand.</summary>
    private static void ReadTail(List<Block> blocks, DocumentMetadata metadata)
    {
        foreach (var block in blocks)
        {
            var text = Plain(block.Text);
            if (Copyright().Match(text) is { Success: true } c)
            {
                metadata.OfferPublisher(c.Groups["name"].Value);
                metadata.OfferShortName(c.Groups["short"].Value);
            }
            else if (TypeLabel().Match(text) is { Success: true } t)
            {
                metadata.OfferKind(t.Groups[1].Value);
            }
            else if (metadata.Authors.Count == 0 && AuthorNote().Match(text) is { Success: true } a)
            {
                metadata.OfferAuthors([a.Groups[1].Value]);
            }
        }
    }

    /// <summary>"Ranjit Kumar Dhawan", "By Kim Arin and Lee Hyo-jin": capitalised names, none of a heading's little words.</summary>
    private static bool IsAuthorLine(string text) =>
        AuthorLine().IsMatch(text) && text.Any(char.IsLower)
        && !text.Split(' ').Any(w => NotInNames.Contains(w.ToLowerInvariant()));

    private static readonly HashSet<string> NotInNames =
        ["the", "a", "an", "of", "in", "on", "for", "to", "with", "from", "why", "what", "how", "who", "when", "where", "is", "are", "its", "key"];

    private static string Plain(string text) => DocumentMetadata.Clean(text.Replace("*", "", StringComparison.Ordinal)) ?? "";

    internal static string Sentence(List<string> parts)
    {
        return TextValues.Capitalized(TextValues.Listed(parts));
    }

    /// <summary>Two to six capitalised words, "and" or commas between names, no sentence punctuation.</summary>
    [GeneratedRegex(@"^(?:By\s+)?(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][\p{L}'’.-]+(?:(?:\s+|,\s*|\s+and\s+)[A-Z][\p{L}'’.-]*){1,8}$")]
    private static partial Regex AuthorLine();

    [GeneratedRegex(@"^©\s*(?<name>.+?)\s*(?:\((?<short>[^)]{1,20})\))?\s*(?:" + Dates.YearDigits + @")?\.?$")]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^(?:publication type|content type|article type|type)\s*:\s*([\p{L} -]{2,30})$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeLabel();

    [GeneratedRegex(@"^(?:Dr\.?\s+|Prof\.?\s+)?((?:[A-Z][\p{L}'’-]+\s){1,3}[A-Z][\p{L}'’-]+) is (?:a|an|the)\s")]
    private static partial Regex AuthorNote();
}
