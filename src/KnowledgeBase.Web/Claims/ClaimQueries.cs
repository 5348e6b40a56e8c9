using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Claims;

internal static class ClaimQueries
{
    /// <summary>One claim with its topics and citations (passage, source, footnote), in one round trip.</summary>
    public static Task<ClaimDetails?> FindAsync(KnowledgeBaseDb db, long id, CancellationToken ct) =>
        db.Claims.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ClaimDetails(
                c.Id,
                c.Slug,
                c.Statement,
                c.Figure,
                c.Agreement,
                c.ComputedAgreement,
                c.AgreementRationale,
                c.OverrideAgreement,
                c.OverrideReason,
                c.UpdatedAt,
                c.Topics.OrderBy(t => t.Name).Select(t => new TopicLink(t.Slug, t.Name)).ToList(),
                c.Citations.OrderBy(x => x.Position).Select(x => new CitationView(
                    x.Id,
                    x.Stance,
                    x.Attribution,
                    x.Figure,
                    x.PassageId,
                    x.Passage!.Exact,
                    x.Passage.Prefix,
                    x.Passage.Suffix,
                    new SourceSummary(
                        x.Passage.Source!.Slug, x.Passage.Source.Title, x.Passage.Source.ShortName, x.Passage.Source.Authors,
                        x.Passage.Source.Publisher, x.Passage.Source.Published, x.Passage.Source.Kind),
                    x.Passage.Footnote == null
                        ? null
                        : new FootnoteView(
                            x.Passage.Footnote.Number, x.Passage.Footnote.Text, x.Passage.Footnote.Cites.Authors,
                            x.Passage.Footnote.Cites.Title, x.Passage.Footnote.Cites.Outlet,
                            x.Passage.Footnote.Cites.Published, x.Passage.Footnote.Cites.Url))).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
}
