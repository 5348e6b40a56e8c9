using System.Text.Json;

namespace KnowledgeBase.Core.Editing;

/// <summary>The complete editable state of a claim, as a revision stores it and a conflict shows it.</summary>
/// <param name="OverrideFlag">The overriding flag's slug, or null.</param>
public sealed record ClaimSnapshot(
    string Slug,
    string Statement,
    string? Figure,
    IReadOnlyList<string> Topics,
    string? OverrideFlag,
    string? OverrideReason,
    IReadOnlyList<CitationSnapshot> Citations)
{
    /// <summary>A draft that, saved, brings this state back (the form a conflict page or a restore starts from).</summary>
    public ClaimDraft ToDraft() => new()
    {
        Slug = Slug,
        Statement = Statement,
        Figure = Figure,
        Topics = [.. Topics],
        OverrideFlag = OverrideFlag,
        OverrideReason = OverrideReason,
        Citations = [.. Citations.Select(c => c.ToDraft())],
    };
}

/// <summary>A citation in a snapshot: the document (by id, and by slug as it was), the anchored words and their place, and the citation's own fields.</summary>
/// <param name="SourceId">The document's id: a restore finds the document by it even if its slug has changed since.</param>
/// <param name="Stance">The stance's slug.</param>
/// <param name="Footnote">The footnote number backing the passage, or null.</param>
public sealed record CitationSnapshot(
    int SourceId,
    string Source,
    string Exact,
    string Prefix,
    string Suffix,
    int Start,
    int End,
    string Stance,
    string? Attribution,
    string? Figure,
    int? Footnote)
{
    public CitationDraft ToDraft() => new()
    {
        SourceId = SourceId,
        SourceSlug = Source,
        Quote = Exact,
        Prefix = Prefix,
        Suffix = Suffix,
        Stance = Stance,
        Attribution = Attribution,
        Figure = Figure,
        Footnote = Footnote,
    };
}

/// <summary>The complete editable state of a source: metadata, Markdown body and what each footnote cites.</summary>
/// <param name="Retrieved">yyyy-mm-dd, or null.</param>
public sealed record SourceSnapshot(
    string Slug,
    string Title,
    string ShortName,
    IReadOnlyList<string> Authors,
    string Publisher,
    string Kind,
    string Published,
    string? Url,
    string? Retrieved,
    string? EditorialNote,
    string BodyMarkdown,
    IReadOnlyList<FootnoteSnapshot> Footnotes)
{
    public SourceDraft ToDraft() => new()
    {
        Slug = Slug,
        Title = Title,
        ShortName = ShortName,
        Authors = [.. Authors],
        Publisher = Publisher,
        Kind = Kind,
        Published = Published,
        Url = Url,
        Retrieved = Retrieved,
        EditorialNote = EditorialNote,
        BodyMarkdown = BodyMarkdown,
        Footnotes = Footnotes.ToDictionary(f => f.Number, f => new CitedWorkDraft
        {
            Authors = f.Authors,
            Title = f.Title,
            Outlet = f.Outlet,
            Published = f.Published,
            Url = f.Url,
        }),
    };
}

/// <summary>A footnote in a source snapshot: its number and the work it cites (its text lives in the body).</summary>
public sealed record FootnoteSnapshot(int Number, string? Authors, string? Title, string? Outlet, string? Published, string? Url);

/// <summary>Snapshots to and from the JSON a revision stores.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("A revision holds an empty snapshot.");
}
