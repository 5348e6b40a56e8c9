using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

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
    IReadOnlyList<CitationSnapshot> Citations) : IDiffableSnapshot
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

    public IEnumerable<SnapshotField> DiffFields() =>
    [
        new("slug", "Slug", Slug),
        new("statement", "Statement", Statement),
        new("figure", "Figure", Figure),
        new("topics", "Topics", string.Join(", ", Topics)),
        new("overrideFlag", "Agreement override", OverrideFlag),
        new("overrideReason", "Reason for the override", OverrideReason),
        .. Citations.SelectMany((c, i) => c.DiffFields($"citations[{i}]", $"Citation {(i + 1).ToString(CultureInfo.InvariantCulture)}")),
    ];
}

/// <summary>A citation in a snapshot: the document (by id, and by slug as it was), the anchored words and their place, and the citation's own fields.</summary>
/// <param name="SourceId">The document's id: a restore finds the document by it even if its slug has changed since.</param>
/// <param name="Stance">The stance's slug.</param>
/// <param name="Footnote">The footnote number backing the passage, or null.</param>
/// <param name="Voice">The confirmed voice's slug, or null (proposed); likewise <paramref name="Certainty"/>.</param>
/// <param name="AsOf">The confirmed as-of time as <see cref="AsOfText"/> writes it, or null (the publication date). Revisions from before
/// these fields existed read as null, which is what those citations were.</param>
/// <param name="Derived">The editor's derivation as written (rate, count, where the count is from), or null; likewise for older revisions.</param>
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
    int? Footnote,
    string? Voice = null,
    string? Certainty = null,
    string? AsOf = null,
    string? AsOfWords = null,
    DerivationDraft? Derived = null) : ICitationFields
{
    /// <summary>The stored state of a citation: its own fields, its passage's words and place, its document's slug and its footnote.</summary>
    public static CitationSnapshot Of(Citation citation, Passage passage, string source, int? footnote)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(passage);
        var stored = new CitationDraft();
        stored.ReadFrom(citation);
        return new(
            passage.SourceId, source, passage.Exact, passage.Prefix, passage.Suffix, passage.Start, passage.End, stored.Stance!,
            stored.Attribution, stored.Figure, footnote, stored.Voice, stored.Certainty, stored.AsOf, stored.AsOfWords, stored.Derived);
    }

    /// <summary>A draft's citation as a save would store it, at the place given (where the live preview anchored it).</summary>
    public static CitationSnapshot Of(CitationDraft draft, int sourceId, string source, TextAnchor place, int? footnote)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(place);
        return new(
            sourceId, source, place.Exact, place.Prefix, place.Suffix, place.Start, place.End,
            draft.StanceSlug(), TextValues.Blank(draft.Attribution),
            TextValues.Blank(draft.Figure), footnote, TextValues.Blank(draft.Voice)?.ToLowerInvariant(), TextValues.Blank(draft.Certainty)?.ToLowerInvariant(),
            AsOfText.Canonical(draft.AsOf), TextValues.Blank(draft.AsOf) is null ? null : TextValues.Blank(draft.AsOfWords),
            draft.Derived is { IsBlank: false } d
                ? new DerivationDraft { Rate = TextValues.Blank(d.Rate), Count = TextValues.Blank(d.Count), CountFrom = TextValues.Blank(d.CountFrom) }
                : null);
    }

    string? ICitationFields.Quote => Exact;

    /// <summary>A draft that, saved, brings this citation back; its document found by id, even if renamed since.</summary>
    public CitationDraft ToDraft()
    {
        var draft = CitationDraft.From(this);
        draft.SourceId = SourceId;
        draft.Derived = Derived?.Copy();
        return draft;
    }

    /// <summary>This citation's fields, under <paramref name="at"/> ("citations[0]") and labelled after <paramref name="name"/> ("Citation 1").</summary>
    public IEnumerable<SnapshotField> DiffFields(string at, string name) =>
    [
        new($"{at}.source", $"{name}: document", Source),
        new($"{at}.quote", $"{name}: quote", Exact),
        new($"{at}.place", $"{name}: place in the text", $"characters {Start}–{End}"),
        new($"{at}.stance", $"{name}: stance", Stance),
        new($"{at}.attribution", $"{name}: attribution", Attribution),
        new($"{at}.figure", $"{name}: figure", Figure),
        new($"{at}.footnote", $"{name}: footnote", Footnote?.ToString(CultureInfo.InvariantCulture)),
        new($"{at}.voice", $"{name}: voice", Voice),
        new($"{at}.certainty", $"{name}: certainty", Certainty),
        new($"{at}.asOf", $"{name}: as of", AsOfWords is null ? AsOf : $"{AsOf} (“{AsOfWords}”)"),
        new($"{at}.derived", $"{name}: derived figure", Derived is null ? null : $"{Derived.Rate} × {Derived.Count} (count from {Derived.CountFrom})"),
    ];
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
    IReadOnlyList<FootnoteSnapshot> Footnotes,
    IReadOnlyList<int>? RestoredMarkers = null) : IDiffableSnapshot
{
    // Revisions saved before restored markers were recorded have none.
    private IReadOnlyList<int> Restored => RestoredMarkers ?? [];

    public IEnumerable<SnapshotField> DiffFields() =>
    [
        new("slug", "Slug", Slug),
        new("title", "Title", Title),
        new("shortName", "Short name", ShortName),
        new("authors", "Authors", string.Join(", ", Authors)),
        new("publisher", "Publisher", Publisher),
        new("kind", "Kind", Kind),
        new("published", "Published", Published),
        new("url", "Address", Url),
        new("retrieved", "Retrieved", Retrieved),
        new("editorialNote", "Editorial note", EditorialNote, Multiline: true),
        new("restoredMarkers", "Restored footnote markers", Restored.Count == 0 ? null : string.Join(", ", Restored)),
        new("bodyMarkdown", "Body", BodyMarkdown, Multiline: true),
        .. Footnotes.SelectMany(f => f.DiffFields()),
    ];

    public SourceDraft ToDraft()
    {
        var draft = new SourceDraft();
        Fill(draft);
        return draft;
    }

    /// <summary>Sets a draft (or a form built on one) to this state.</summary>
    public void Fill(SourceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Slug = Slug;
        draft.Title = Title;
        draft.ShortName = ShortName;
        draft.Authors = [.. Authors];
        draft.Publisher = Publisher;
        draft.Kind = Kind;
        draft.Published = Published;
        draft.Url = Url;
        draft.Retrieved = Retrieved;
        draft.EditorialNote = EditorialNote;
        draft.RestoredMarkers = [.. Restored];
        draft.BodyMarkdown = BodyMarkdown;
        draft.Footnotes = Footnotes.ToDictionary(f => f.Number, f => new CitedWork
        {
            Authors = f.Authors,
            Title = f.Title,
            Outlet = f.Outlet,
            Published = f.Published,
            Url = f.Url,
        });
    }

    /// <summary>The stored state of a source (its footnotes loaded).</summary>
    public static SourceSnapshot Of(Source s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Slug, s.Title, s.ShortName, [.. s.Authors], s.Publisher, s.Kind, s.Published, s.Url,
            s.Retrieved?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.EditorialNote, s.BodyMarkdown,
            s.Footnotes.OrderBy(f => f.Number)
                .Select(f => new FootnoteSnapshot(f.Number, f.Cites.Authors, f.Cites.Title, f.Cites.Outlet, f.Cites.Published, f.Cites.Url))
                .ToList(),
            [.. s.RestoredMarkers]);
    }

    /// <summary>The state a draft would be saved as (text trimmed, blank optional fields as none), without the database.</summary>
    public static SourceSnapshot Of(SourceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(
            draft.Slug?.Trim() ?? "", draft.Title?.Trim() ?? "", draft.ShortName?.Trim() ?? "", draft.Authors, draft.Publisher?.Trim() ?? "",
            draft.Kind?.Trim() ?? "", draft.Published?.Trim() ?? "", TextValues.Blank(draft.Url), TextValues.Blank(draft.Retrieved),
            TextValues.Blank(draft.EditorialNote), draft.BodyMarkdown ?? "",
            [.. draft.Footnotes.OrderBy(f => f.Key).Select(f => new FootnoteSnapshot(
                f.Key, TextValues.Blank(f.Value.Authors), TextValues.Blank(f.Value.Title), TextValues.Blank(f.Value.Outlet),
                TextValues.Blank(f.Value.Published), TextValues.Blank(f.Value.Url)))],
            [.. (draft.RestoredMarkers ?? []).Distinct().Order()]);
    }
}

/// <summary>A footnote in a source snapshot: its number and the work it cites (its text lives in the body).</summary>
public sealed record FootnoteSnapshot(int Number, string? Authors, string? Title, string? Outlet, string? Published, string? Url)
{
    public IEnumerable<SnapshotField> DiffFields()
    {
        var (at, name) = ($"footnotes[{Number}]", $"Footnote {Number.ToString(CultureInfo.InvariantCulture)}");
        return
        [
            new($"{at}.authors", $"{name}: authors", Authors),
            new($"{at}.title", $"{name}: title", Title),
            new($"{at}.outlet", $"{name}: outlet", Outlet),
            new($"{at}.published", $"{name}: published", Published),
            new($"{at}.url", $"{name}: address", Url),
        ];
    }
}

/// <summary>
/// A snapshot a diff compares (<see cref="SnapshotDiff"/>): it lists its own fields, in the order the editor's form shows
/// them, so a new field is named once, where the snapshot declares it.
/// </summary>
public interface IDiffableSnapshot
{
    IEnumerable<SnapshotField> DiffFields();
}

/// <summary>One field of a snapshot: its path in the draft, its label for people, its value as text.</summary>
public sealed record SnapshotField(string Path, string Label, string? Value, bool Multiline = false);

/// <summary>Snapshots to and from the JSON a revision stores.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("A revision holds an empty snapshot.");
}
