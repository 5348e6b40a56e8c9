namespace KnowledgeBase.Core.Intake;

internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Caption,

    /// <summary>A page break of a PDF: only the footnote pass looks at it, to rejoin a paragraph the break split.</summary>
    PageBreak,
}

/// <summary>
/// One block of the document on its way to Markdown: its inline text is Markdown already, except that footnote
/// markers and note numbers are still <c>&lt;sup&gt;n&lt;/sup&gt;</c>, the one form every reader brings them to.
/// </summary>
internal sealed class Block(BlockKind kind, string text)
{
    public BlockKind Kind { get; set; } = kind;
    public string Text { get; set; } = text;
    public bool Ordered { get; init; }

    /// <summary>A heading's level as the file gave it (1: the title); the body sets every heading at one level.</summary>
    public int Level { get; init; } = 2;

    /// <summary>Why this block looks like page furniture rather than the article (null: it is the article).</summary>
    public string? Furniture { get; set; }

    public string Markdown => Kind switch
    {
        BlockKind.Heading => "## " + Text,
        BlockKind.ListItem => (Ordered ? "1. " : "- ") + Text,
        BlockKind.Quote => "> " + Text,
        BlockKind.Caption => "*" + Text + "*",
        _ => Text,
    };

    public override string ToString() => Markdown;
}

/// <summary>What a reader found: the blocks, the metadata the file carries, and what it did on the way.</summary>
internal sealed class PageReading(string format)
{
    /// <summary>"a saved HTML page", "a PDF's text layer", "plain text".</summary>
    public string Format { get; } = format;
    public List<Block> Blocks { get; } = [];
    public DocumentMetadata Metadata { get; } = new();

    /// <summary>Sentences for the editorial note, in the order the conversion did them.</summary>
    public List<string> Actions { get; } = [];
}
