using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Sources;

/// <summary>A document the knowledge base cites: an analysis, a commentary, a report.</summary>
public sealed class Source : IEditable
{
    public int Id { get; set; }

    long IEditable.Id => Id;

    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>How rationales and lists name it: "USIP", "MP-IDSA".</summary>
    public required string ShortName { get; set; }

    public List<string> Authors { get; set; } = [];

    /// <summary>The outlet that published it.</summary>
    public required string Publisher { get; set; }

    /// <summary>"analysis", "commentary", "report", ...</summary>
    public required string Kind { get; set; }

    /// <summary>ISO 8601 date, possibly partial ("2024-11", "2024-12-05"); sorts correctly as text.</summary>
    public required string Published { get; set; }

    public string? Url { get; set; }
    public DateOnly? Retrieved { get; set; }
    public string? EditorialNote { get; set; }

    /// <summary>
    /// Footnotes whose markers the editors put back where a conversion lost them: their place in the text is the
    /// editors' judgement, not the author's, and the page marks them so (the editorial note says why).
    /// </summary>
    public List<int> RestoredMarkers { get; set; } = [];

    public required string BodyMarkdown { get; set; }

    /// <summary>Sanitized HTML rendered from <see cref="BodyMarkdown"/>; derived, stored so pages need not re-render.</summary>
    public required string BodyHtml { get; set; }

    /// <summary>The text quotes anchor into; see <see cref="CanonicalLayout"/>.</summary>
    public required string CanonicalText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: PostgreSQL's <c>xmin</c>, which changes whenever the row does.</summary>
    public uint Version { get; set; }

    /// <summary>When an editor deleted it (soft delete); a global query filter hides deleted sources from every reader query.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public List<Footnote> Footnotes { get; set; } = [];
    public List<Passage> Passages { get; set; } = [];

    /// <summary>A new source with nothing filled in yet, for a writer to apply a draft to.</summary>
    public static Source Empty(DateTimeOffset createdAt) => new()
    {
        Slug = "",
        Title = "",
        ShortName = "",
        Publisher = "",
        Kind = "",
        Published = "",
        BodyMarkdown = "",
        BodyHtml = "",
        CanonicalText = "",
        CreatedAt = createdAt,
    };
}
