using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Citing;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Citing;

/// <summary>A document's sentences with a figure, a date or a named attribution that no claim cites yet.</summary>
public sealed record LeftToCite(IReadOnlyList<CitableSentence> Sentences)
{
    public int Figures => Sentences.Count(s => s.Figure is not null);
    public int Dates => Sentences.Count(s => s.Date is not null);
    public int Attributions => Sentences.Count(s => s.Attribution is not null);

    /// <summary>Estimated bytes held: the reading cache's budget is counted in these.</summary>
    public long Weight => 64 + Sentences.Sum(s => 96 + (2L * (s.Text.Length + (s.Figure?.Length ?? 0) + (s.Date?.Length ?? 0) + (s.Attribution?.Length ?? 0))));

    /// <summary>
    /// Two queries whatever the document's size: its text, and the spans of every passage a live claim cites in it
    /// (the citations' source index; deleted claims' citations are filtered out by the model).
    /// </summary>
    public static async Task<LeftToCite> ReadAsync(KnowledgeBaseDb db, int sourceId, string published, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var body = await db.Sources.AsNoTracking().Where(s => s.Id == sourceId).Select(s => s.BodyHtml).FirstOrDefaultAsync(ct) ?? "";
        var cited = await db.Citations.AsNoTracking()
            // An orphaned passage's offsets no longer point at its words.
            .Where(c => c.SourceId == sourceId && c.Passage!.AnchorStatus != AnchorStatus.Orphaned)
            .Select(c => new { c.Passage!.Start, c.Passage.End })
            .Distinct()
            .ToListAsync(ct);
        return new LeftToCite(CitableSentences.Uncited(AnchorableText.FromHtml(body), published, cited.Select(c => (c.Start, c.End))));
    }
}
