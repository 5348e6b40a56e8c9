using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Sources;

/// <summary>A numbered note of a source, and the work it cites.</summary>
public sealed class Footnote
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }

    /// <summary>Its number as printed in the source.</summary>
    public int Number { get; set; }

    /// <summary>The note's text as rendered (plain text; its Markdown lives in the source body).</summary>
    public required string Text { get; set; }

    /// <summary>Where the note's text lies in the source's canonical text.</summary>
    public int Start { get; set; }
    public int End { get; set; }

    public CitedWork Cites { get; set; } = new();
}

/// <summary>What a footnote cites: the article, paper or release it points readers to.</summary>
public sealed class CitedWork
{
    public string? Authors { get; set; }
    public string? Title { get; set; }

    /// <summary>The outlet that published the cited work (Yonhap, The Korea Times, KCNA, ...).</summary>
    public string? Outlet { get; set; }

    /// <summary>ISO 8601 date, possibly partial.</summary>
    public string? Published { get; set; }

    public string? Url { get; set; }

    public bool IsEmpty() =>
        TextValues.Blank(Authors) is null && TextValues.Blank(Title) is null && TextValues.Blank(Outlet) is null
        && TextValues.Blank(Published) is null && TextValues.Blank(Url) is null;

    public CitedWork Copy() => (CitedWork)MemberwiseClone();
}
