using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Seeding;

public sealed record SeedImportResult(bool Unchanged, int Topics, int Sources, int Claims, int Citations, int Changes)
{
    public override string ToString() => Unchanged
        ? $"seed data unchanged since the last import ({Claims} claims): nothing to do"
        : $"imported {Topics} topics, {Sources} sources, {Claims} claims, {Citations} citations ({Changes} rows written)";
}

/// <summary>
/// Writes a checked <see cref="SeedPlan"/> in one transaction, matching rows by slug (and passages by their span),
/// so importing the same files again changes nothing and duplicates nothing.
/// </summary>
public sealed class SeedImporter(KnowledgeBaseDb db, TimeProvider clock)
{
    public async Task<SeedImportResult> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var plan = SeedPlan.From(SeedFiles.Read(directory));
        return await ImportAsync(plan, cancellationToken);
    }

    public async Task<SeedImportResult> ImportAsync(SeedPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var citationCount = plan.Claims.Sum(c => c.Citations.Count);
        if (await db.SeedImports.AnyAsync(s => s.ContentHash == plan.ContentHash, cancellationToken))
        {
            return new SeedImportResult(true, plan.Topics.Count, plan.Sources.Count, plan.Claims.Count, citationCount, 0);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var changes = 0;

            var topics = await UpsertTopicsAsync(plan, cancellationToken);
            var sources = await UpsertSourcesAsync(plan, now, cancellationToken);
            changes += await db.SaveChangesAsync(cancellationToken);

            await UpsertClaimsAsync(plan, topics, sources, now, cancellationToken);
            changes += await db.SaveChangesAsync(cancellationToken);

            // Passages no citation quotes any more (a source's text changed) are dropped with the old offsets.
            var seededSourceIds = sources.Values.Select(s => s.Id).ToList();
            changes += await db.Passages
                .IgnoreQueryFilters()
                .Where(p => seededSourceIds.Contains(p.SourceId) && !db.Citations.IgnoreQueryFilters().Any(c => c.PassageId == p.Id))
                .ExecuteDeleteAsync(cancellationToken);

            var result = new SeedImportResult(false, plan.Topics.Count, plan.Sources.Count, plan.Claims.Count, citationCount, changes);
            db.SeedImports.Add(new SeedImport { ContentHash = plan.ContentHash, ImportedAt = now, Summary = result.ToString() });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        });
    }

    private async Task<Dictionary<string, Topic>> UpsertTopicsAsync(SeedPlan plan, CancellationToken ct)
    {
        var existing = await db.Topics.ToDictionaryAsync(t => t.Slug, ct);
        foreach (var t in plan.Topics)
        {
            if (!existing.TryGetValue(t.Slug, out var topic))
            {
                topic = new Topic { Slug = t.Slug, Name = t.Name };
                db.Topics.Add(topic);
                existing[t.Slug] = topic;
            }
            topic.Name = t.Name;
            topic.Description = t.Description;
        }
        return existing;
    }

    private async Task<Dictionary<string, Source>> UpsertSourcesAsync(SeedPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var slugs = plan.Sources.Select(s => s.Meta.Slug!).ToList();
        // Deleted sources included: their slugs stay taken, and an editor's deletion stands.
        var existing = await db.Sources.IgnoreQueryFilters().Include(s => s.Footnotes).Where(s => slugs.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, ct);
        foreach (var planned in plan.Sources)
        {
            var m = planned.Meta;
            if (!existing.TryGetValue(m.Slug!, out var source))
            {
                source = new Source
                {
                    Slug = m.Slug!,
                    Title = m.Title!,
                    ShortName = m.ShortName!,
                    Publisher = m.Publisher!,
                    Kind = m.Kind!,
                    Published = m.Published!,
                    BodyMarkdown = "",
                    BodyHtml = "",
                    CanonicalText = "",
                    CreatedAt = now,
                };
                db.Sources.Add(source);
                existing[m.Slug!] = source;
            }
            source.Title = m.Title!;
            source.ShortName = m.ShortName!;
            if (!source.Authors.SequenceEqual(m.Authors ?? []))
            {
                source.Authors = m.Authors ?? [];
            }
            source.Publisher = m.Publisher!;
            source.Kind = m.Kind!;
            source.Published = m.Published!;
            source.Url = m.Url;
            source.Retrieved = m.Retrieved is null ? null : DateOnly.ParseExact(m.Retrieved, "yyyy-MM-dd");
            source.EditorialNote = m.EditorialNote?.Trim();
            SourceBodies.ApplyTo(source, planned.Body, new PreparedBody(planned.Rendered, planned.Footnotes));
            if (db.Entry(source).State is EntityState.Modified or EntityState.Added)
            {
                source.UpdatedAt = now;
            }
        }
        return existing;
    }

    private async Task UpsertClaimsAsync(
        SeedPlan plan, Dictionary<string, Topic> topics, Dictionary<string, Source> sources, DateTimeOffset now, CancellationToken ct)
    {
        var slugs = plan.Claims.Select(c => c.Slug).ToList();
        // Deleted claims included: their slugs stay taken, and an editor's deletion stands.
        var existing = await db.Claims
            .IgnoreQueryFilters()
            .Include(c => c.Topics)
            .Include(c => c.Citations).ThenInclude(c => c.Passage)
            .AsSplitQuery()
            .Where(c => slugs.Contains(c.Slug))
            .ToDictionaryAsync(c => c.Slug, ct);
        var sourceIds = sources.Values.Select(s => s.Id).ToList();
        // Citations share the one confirmed passage of a span; passages awaiting review are left to the editors.
        var passages = await db.Passages.IgnoreQueryFilters().Where(p => sourceIds.Contains(p.SourceId) && !p.NeedsReview)
            .ToDictionaryAsync(p => (p.SourceId, p.Start, p.End), ct);

        foreach (var planned in plan.Claims)
        {
            if (!existing.TryGetValue(planned.Slug, out var claim))
            {
                claim = new Claim { Slug = planned.Slug, Statement = planned.Statement, CreatedAt = now };
                db.Claims.Add(claim);
            }
            claim.Statement = planned.Statement;
            claim.Figure = planned.Figure;

            var wantedTopics = planned.Topics.Select(t => topics[t]).ToList();
            claim.Topics.RemoveAll(t => !wantedTopics.Contains(t));
            claim.Topics.AddRange(wantedTopics.Where(t => !claim.Topics.Contains(t)));

            var keep = new List<Citation>();
            foreach (var (c, position) in planned.Citations.Select((c, i) => (c, i)))
            {
                var source = sources[c.SourceSlug];
                var footnoteId = c.Footnote is { } n ? source.Footnotes.First(f => f.Number == n).Id : (int?)null;
                if (!passages.TryGetValue((source.Id, c.Anchor.Start, c.Anchor.End), out var passage))
                {
                    passage = Passage.From(source.Id, c.Anchor);
                    db.Passages.Add(passage);
                    passages[(source.Id, c.Anchor.Start, c.Anchor.End)] = passage;
                }
                passage.Exact = c.Anchor.Exact;
                passage.Prefix = c.Anchor.Prefix;
                passage.Suffix = c.Anchor.Suffix;
                passage.FootnoteId = footnoteId;

                var citation = claim.Citations.FirstOrDefault(x => x.Passage == passage);
                if (citation is null)
                {
                    citation = new Citation { Passage = passage };
                    claim.Citations.Add(citation);
                }
                citation.Position = position;
                citation.Stance = c.Stance;
                citation.Attribution = c.Attribution;
                citation.Figure = c.Figure;
                keep.Add(citation);
            }
            claim.Citations.RemoveAll(x => !keep.Contains(x));

            claim.ApplyVerdict(planned.Verdict);
            if (planned.Override is { } o)
            {
                claim.Override(o.Flag, o.Reason);
            }
            else
            {
                claim.ClearOverride();
            }
            if (db.Entry(claim).State is EntityState.Modified or EntityState.Added)
            {
                claim.UpdatedAt = now;
            }
        }
    }
}
