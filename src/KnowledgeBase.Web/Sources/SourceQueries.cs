using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Claims;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Sources;

public sealed record SourceDetails(
    int Id, string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind,
    string Published, string? Url, DateOnly? Retrieved, string? EditorialNote, string BodyHtml, int FootnoteCount);

/// <summary>A cited passage and the claims that quote it.</summary>
public sealed record CitedPassage(long Id, int Start, int End, string Exact, int? FootnoteNumber, IReadOnlyList<ClaimLink> Claims);

public sealed record ClaimLink(long Id, string Slug, string Statement);

public sealed record SourceListItem(string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind, string Published, int Passages);

internal static class SourceQueries
{
    public static Task<SourceDetails?> FindAsync(KnowledgeBaseDb db, string slug, CancellationToken ct) =>
        db.Sources.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new SourceDetails(
                s.Id, s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published, s.Url, s.Retrieved,
                s.EditorialNote, s.BodyHtml, s.Footnotes.Count))
            .FirstOrDefaultAsync(ct);

    /// <summary>Every cited passage of a source with the claims citing it: one query, ordered as the text runs.</summary>
    public static async Task<IReadOnlyList<CitedPassage>> PassagesAsync(KnowledgeBaseDb db, int sourceId, CancellationToken ct)
    {
        var rows = await db.Citations.AsNoTracking()
            // An orphaned passage keeps offsets that no longer point at its words: it waits for review, unmarked.
            .Where(c => c.SourceId == sourceId && c.Passage!.AnchorStatus != AnchorStatus.Orphaned)
            .OrderBy(c => c.Passage!.Start).ThenBy(c => c.Passage!.End).ThenBy(c => c.ClaimId)
            .Select(c => new
            {
                c.PassageId,
                c.Passage!.Start,
                c.Passage.End,
                c.Passage.Exact,
                FootnoteNumber = (int?)c.Passage.Footnote!.Number,
                Claim = new ClaimLink(c.Claim!.Id, c.Claim.Slug, c.Claim.Statement),
            })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.PassageId)
            .Select(g => new CitedPassage(g.Key, g.First().Start, g.First().End, g.First().Exact, g.First().FootnoteNumber, g.Select(r => r.Claim).ToList()))
            .ToList();
    }

    /// <summary>The current slug of a source that used to have <paramref name="oldSlug"/>, if any.</summary>
    public static Task<string?> RenamedToAsync(KnowledgeBaseDb db, string oldSlug, CancellationToken ct) =>
        db.SourceSlugHistory.AsNoTracking()
            .Where(h => h.Slug == oldSlug)
            .Join(db.Sources, h => h.SourceId, s => s.Id, (h, s) => s.Slug)
            .FirstOrDefaultAsync(ct);

    public static Task<List<SourceListItem>> ListAsync(KnowledgeBaseDb db, CancellationToken ct) =>
        db.Sources.AsNoTracking()
            .OrderByDescending(s => s.Published).ThenBy(s => s.Id)
            .Select(s => new SourceListItem(s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published, s.Passages.Count))
            .ToListAsync(ct);
}
