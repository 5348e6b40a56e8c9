using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Sources;

/// <summary>
/// Fills <see cref="Passage.Sentence"/> where a passage was stored before sentences were kept, from its document's
/// canonical text, one document at a time. It runs after the migrations, before anything reads citations.
/// </summary>
public static class PassageSentences
{
    /// <summary>Fills every missing sentence; returns how many passages it filled (0 once all are).</summary>
    public static async Task<int> FillMissingAsync(KnowledgeBaseDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filled = 0;
        // Deleted documents' passages too: an undelete must find them whole.
        var sourceIds = await db.Passages.IgnoreQueryFilters().Where(p => p.Sentence == null)
            .Select(p => p.SourceId).Distinct().ToListAsync(ct);
        foreach (var sourceId in sourceIds)
        {
            var text = await db.Sources.IgnoreQueryFilters().Where(s => s.Id == sourceId).Select(s => s.CanonicalText).SingleAsync(ct);
            var passages = await db.Passages.IgnoreQueryFilters().Where(p => p.SourceId == sourceId && p.Sentence == null).ToListAsync(ct);
            foreach (var passage in passages)
            {
                passage.Sentence = QuoteSentence.Around(text, passage.Start, passage.End);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += passages.Count;
        }
        return filled;
    }
}
