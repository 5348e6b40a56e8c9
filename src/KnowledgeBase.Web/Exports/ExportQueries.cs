using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Exports;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Exports;

/// <summary>A claim with its citations, a batch at a time, for the CSV and JSON exports.</summary>
public sealed record ExportClaim(long Id, string Slug, string Statement, string Flag, string? Figure, IReadOnlyList<ExportCitation> Citations);

/// <param name="Voice">Voice, certainty and as-of as confirmed (slugs, <see cref="Core.Agreement.AsOfText"/>); null where the proposal stands.</param>
public sealed record ExportCitation(
    string Source, string Stance, string Quote, int? Footnote, string? Outlet, string? Attribution, string? Figure, long PassageId,
    string? Voice, string? Certainty, string? AsOf, string? AsOfWords, ApiDerivation? Derived);

internal static class ExportQueries
{
    public const int BatchSize = 500;

    /// <summary>The source's own reference, then its footnotes' cited works, in one query; null when there is no such source.</summary>
    public static async Task<IReadOnlyList<Reference>?> SourceReferencesAsync(KnowledgeBaseDb db, string slug, int? footnote, CancellationToken ct)
    {
        var rows = await SourceRowsAsync(db.Sources.AsNoTracking().Where(s => s.Slug == slug), ct);
        if (rows.Count == 0)
        {
            return null;
        }
        var references = ToReferences(rows);
        if (footnote is { } n)
        {
            var id = $"{slug}-fn{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return references.Where(r => r.Id == id).ToList() is { Count: 1 } one ? one : null;
        }
        return references;
    }

    /// <summary>How many documents (each with its footnotes) one batch of the whole knowledge base's references holds.</summary>
    public const int SourceBatchSize = 200;

    /// <summary>
    /// The references of the next <see cref="SourceBatchSize"/> documents after <paramref name="afterSourceId"/>, by id,
    /// with the last id read (null at the end): the whole knowledge base streams a batch at a time, never all at once.
    /// </summary>
    public static async Task<(IReadOnlyList<Reference> References, int? LastSourceId)> ReferenceBatchAsync(
        KnowledgeBaseDb db, int afterSourceId, CancellationToken ct)
    {
        var rows = await SourceRowsAsync(db.Sources.AsNoTracking().Where(s => s.Id > afterSourceId).OrderBy(s => s.Id).Take(SourceBatchSize), ct);
        return (ToReferences(rows), rows.Count > 0 ? rows[^1].Id : null);
    }

    private sealed record SourceRow(
        int Id, string Slug, string Title, List<string> Authors, string Publisher, string Kind, string Published, string? Url,
        DateOnly? Retrieved, List<FootnoteRow> Footnotes);

    private sealed record FootnoteRow(int Number, string Text, CitedWork Cites);

    private static Task<List<SourceRow>> SourceRowsAsync(IQueryable<Source> sources, CancellationToken ct) =>
        sources.OrderBy(s => s.Id)
            .Select(s => new SourceRow(s.Id, s.Slug, s.Title, s.Authors, s.Publisher, s.Kind, s.Published, s.Url, s.Retrieved,
                s.Footnotes.OrderBy(f => f.Number).Select(f => new FootnoteRow(f.Number, f.Text, f.Cites)).ToList()))
            .ToListAsync(ct);

    private static List<Reference> ToReferences(List<SourceRow> rows) =>
        rows.SelectMany(s => s.Footnotes
                .Select(f => Reference.ForFootnote(s.Slug, f.Number, f.Cites, f.Text, s.Retrieved))
                .Prepend(Reference.ForSource(s.Slug, s.Title, s.Authors, s.Publisher, s.Kind, s.Published, s.Url, s.Retrieved)))
            .ToList();

    /// <summary>The next batch of claims after <paramref name="afterId"/>, by id, with their citations: one query.</summary>
    public static async Task<List<ExportClaim>> ClaimBatchAsync(KnowledgeBaseDb db, long afterId, CancellationToken ct)
    {
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.Id > afterId)
            .OrderBy(c => c.Id)
            .Take(BatchSize)
            .Select(c => new
            {
                c.Id,
                c.Slug,
                c.Statement,
                c.Agreement,
                c.Figure,
                Citations = c.Citations.OrderBy(x => x.Position).Select(x => new
                {
                    Source = x.Passage!.Source!.Slug,
                    x.Passage.Source.ShortName,
                    x.Stance,
                    x.Passage.Exact,
                    Footnote = x.Passage.Footnote == null ? (int?)null : x.Passage.Footnote.Number,
                    Outlet = x.Passage.Footnote == null ? null : x.Passage.Footnote.Cites.Outlet,
                    x.Attribution,
                    x.Figure,
                    x.PassageId,
                    x.Voice,
                    x.Certainty,
                    x.AsOfFrom,
                    x.AsOfTo,
                    x.AsOfWords,
                    x.Derivation,
                }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(c => new ExportClaim(c.Id, c.Slug, c.Statement, EnumSlugs.ToSlug(c.Agreement), c.Figure,
            c.Citations.Select(x => new ExportCitation(
                x.Source, EnumSlugs.ToSlug(x.Stance), x.Exact, x.Footnote, x.Outlet, x.Attribution, x.Figure, x.PassageId,
                x.Voice is { } v ? EnumSlugs.ToSlug(v) : null, x.Certainty is { } k ? EnumSlugs.ToSlug(k) : null,
                x.AsOfFrom is { } from && x.AsOfTo is { } to ? Core.Agreement.AsOfText.Write(from, to) : null, x.AsOfWords,
                x.Derivation is { } d ? ApiDerivation.From(d, x.ShortName, x.Attribution) : null)).ToList()))
            .ToList();
    }
}
