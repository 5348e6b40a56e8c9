using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// What a page prints besides the article. Blocks printed twice in a row are kept once and pull quotes set as block
/// quotes (both said in the editorial note); everything else that looks like furniture (share buttons, subscription
/// boxes, disclaimers, the publisher's boilerplate after the author's note) stays in the text, marked with the reason,
/// for the editor to remove or keep.
/// </summary>
internal static partial class PageFurniture
{
    private const int MaxRun = 12;

    /// <summary>
    /// Boilerplate told by its words, tried in this order: the words, whether only a short block (60 characters at most)
    /// counts, and what the block is.
    /// </summary>
    private static readonly (Regex Words, bool ShortOnly, string? What)[] Boilerplate =
    [
        (Words(@"\b(subscribe|newsletter|sign up|sign-up|get our .* in your inbox)\b"), false, "a subscription box"),
        (Words(@"^(©|\(c\)\s|copyright\b)|\ball rights reserved\b"), false, "the copyright line"),
        (Words(@"^(disclaimer\b|the views expressed in this (publication|article|commentary) are those of)"), false, "a disclaimer"),
        (Words(@"^(twitter|follow us|facebook|instagram|linkedin|youtube)\b|^www\.|^https?://\S+$|facebook\.com/"), false,
            "links to the publisher's site and social media"),
        (Words(@"^(share( this| on| article)?|tweet|print|e-?mail|whatsapp|reddit|copy link)\b"), true, "share buttons"),
        (Words(@"^(t|tel|phone|f|fax)[.:]?\s*\+?\d[\d\s-]{6,}"), false, "contact details"),
        (Words(@"^(related|read more|more from|recommended|you may also like|tags?:)\b"), true, "links to other pages"),
        (new(@"^[A-Z][A-Z ]{2,30}:\s*\S", RegexOptions.CultureInvariant), true, "a label of the page"),
    ];

    private static Regex Words(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Mark(List<Block> blocks, List<string> actions)
    {
        DropRepeats(blocks, actions);
        MarkCaptions(blocks);
        MarkPullQuotes(blocks, actions);
        MarkBoilerplate(blocks);
        MarkAfterAuthorNote(blocks);
    }

    /// <summary>A run of blocks printed again right after itself (a takeaways box, a caption) is kept once.</summary>
    private static void DropRepeats(List<Block> blocks, List<string> actions)
    {
        var dropped = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            for (var length = Math.Min(MaxRun, (blocks.Count - i) / 2); length >= 1; length--)
            {
                if (Enumerable.Range(0, length).All(j => Same(blocks[i + j], blocks[i + length + j])))
                {
                    dropped.Add(length == 1 ? Snippet(blocks[i].Text) : $"{Snippet(blocks[i].Text)} ({length} blocks)");
                    blocks.RemoveRange(i + length, length);
                    length = Math.Min(MaxRun, (blocks.Count - i) / 2) + 1;
                }
            }
        }
        if (dropped.Count > 0)
        {
            actions.Add($"Printed twice in a row on the page, kept once: {string.Join("; ", dropped)}.");
        }
    }

    private static bool Same(Block a, Block b) =>
        a.Kind == b.Kind && a.Kind != BlockKind.PageBreak && string.Equals(Key(a.Text), Key(b.Text), StringComparison.Ordinal);

    private static void MarkCaptions(List<Block> blocks)
    {
        var captions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Paragraph && Credit().IsMatch(block.Text))
            {
                var unlabelled = Label().Replace(block.Text, "");
                if (!captions.Add(Key(unlabelled)))
                {
                    block.Furniture = "repeats a photo caption given above";
                }
                else if (unlabelled.Length == block.Text.Length)
                {
                    block.Kind = BlockKind.Caption;
                }
            }
            else if (block.Kind == BlockKind.Caption)
            {
                captions.Add(Key(block.Text));
            }
        }
    }

    /// <summary>A sentence printed again beside the paragraph it comes from is the page's pull quote: a block quote.</summary>
    private static void MarkPullQuotes(List<Block> blocks, List<string> actions)
    {
        var quotes = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind != BlockKind.Paragraph || block.Text.Length is < 20 or > 400)
            {
                continue;
            }
            var sentence = block.Text.TrimEnd().TrimEnd('.', '”', '"');
            bool Within(int j) => j >= 0 && j < blocks.Count && blocks[j] is { Kind: BlockKind.Paragraph } other
                && other.Text.Length > block.Text.Length && other.Text.Contains(sentence, StringComparison.Ordinal);
            if (Within(i - 1) || Within(i + 1))
            {
                block.Kind = BlockKind.Quote;
                quotes.Add(Snippet(block.Text));
            }
        }
        if (quotes.Count > 0)
        {
            actions.Add($"{(quotes.Count == 1 ? "A sentence the page prints" : "Sentences the page prints")} a second time as "
                + $"{(quotes.Count == 1 ? "a pull quote is" : "pull quotes are")} set as block quotes where they stand, so "
                + $"{(quotes.Count == 1 ? "it occurs" : "they occur")} twice: {string.Join("; ", quotes)}.");
        }
    }

    private static void MarkBoilerplate(List<Block> blocks)
    {
        foreach (var block in blocks.Where(b => b.Furniture is null && b.Text.Length <= 400))
        {
            var text = block.Text.Replace("**", "", StringComparison.Ordinal).Trim();
            block.Furniture = Boilerplate.FirstOrDefault(b => (!b.ShortOnly || text.Length <= 60) && b.Words.IsMatch(text)).What;
        }
    }

    /// <summary>
    /// After "About the author" and the author's own note, the rest is the publisher's, not the article's: up to a
    /// heading that opens a section of real paragraphs, else to the end (an address's short lines look like headings).
    /// </summary>
    private static void MarkAfterAuthorNote(List<Block> blocks)
    {
        var heading = blocks.FindIndex(b => b.Kind == BlockKind.Heading && AboutAuthor().IsMatch(b.Text.Replace("**", "", StringComparison.Ordinal)));
        if (heading < 0)
        {
            return;
        }
        var note = blocks.FindIndex(heading + 1, b => b.Kind != BlockKind.Heading);
        for (var i = note + 1; note > 0 && i < blocks.Count && !OpensSection(blocks, i); i++)
        {
            blocks[i].Furniture ??= "the publisher's boilerplate after the author's note";
        }
    }

    private static bool OpensSection(List<Block> blocks, int i) =>
        blocks[i].Kind == BlockKind.Heading && i + 1 < blocks.Count && blocks[i + 1].Text.Split(' ').Length >= 25;

    /// <summary>How two blocks are compared: white space, emphasis and case aside.</summary>
    private static string Key(string text) =>
        DocumentMetadata.Clean(text.Replace("*", "", StringComparison.Ordinal))?.ToUpperInvariant() ?? "";

    internal static string Snippet(string text)
    {
        var plain = DocumentMetadata.Clean(text.Replace("*", "", StringComparison.Ordinal)) ?? "";
        return plain.Length <= 70 ? $"“{plain}”" : $"“{plain[..plain.LastIndexOf(' ', 60)]} …”";
    }

    [GeneratedRegex(@"\([^()]*/[^()]*\)\s*$")]
    private static partial Regex Credit();

    [GeneratedRegex(@"^[A-Z][A-Z ]{1,20}:\s*")]
    private static partial Regex Label();

    [GeneratedRegex(@"^\s*about the authors?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutAuthor();
}
