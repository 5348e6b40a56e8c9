using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Seeding;

/// <param name="LoadedFromExport">The seed was not applied: the database was loaded from an export, whose edits it would overwrite.</param>
public sealed record SeedImportResult(bool Unchanged, int Topics, int Sources, int Claims, int Citations, int Changes, bool LoadedFromExport = false)
{
    public override string ToString() => LoadedFromExport
        ? "the database was loaded from an export (import): seed data is not applied over it, nothing to do"
        : Unchanged
            ? $"seed data unchanged since the last import ({Claims} claims): nothing to do"
            : $"imported {Topics} topics, {Sources} sources, {Claims} claims, {Citations} citations ({Changes} rows written)";
}

/// <summary>An import refused before anything was read or written; the message is one line.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>
/// Writes a checked <see cref="SeedPlan"/> in one transaction, matching rows by slug (and passages by their span),
/// so importing the same files again changes nothing and duplicates nothing. Seeding (<c>./kb seed</c>) and loading an
/// export (<c>./kb import</c>) share this one path; an import also requires an empty database and restores the history.
/// </summary>
public sealed class SeedImporter(KnowledgeBaseDb db, TimeProvider clock)
{
    /// <summary>
    /// Marks the content hash an import records, so that seeding (which <c>./kb run</c> does at every start) leaves a
    /// database loaded from an export alone instead of writing the seed's claims back over the editors' work.
    /// </summary>
    private const string ExportHashPrefix = "import:";

    /// <summary>Claims are written this many at a time, so the change tracker's work and each batch of inserts stay bounded.</summary>
    private const int ClaimBatch = 1000;

    /// <summary>Loads an export into an empty database (refused, with nothing written, if it holds any content).</summary>
    public async Task<SeedImportResult> ImportIntoEmptyAsync(SeedPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return await WriteAsync(plan, requireEmpty: true, cancellationToken);
    }

    /// <summary>
    /// Refuses a database that holds any source, topic, claim or revision: an import never merges. Callers may check
    /// before reading the files, to fail fast; the import checks again inside its transaction.
    /// </summary>
    public async Task RefuseContentAsync(CancellationToken cancellationToken = default)
    {
        var held = new (string Name, bool Any)[]
        {
            ("sources", await db.Sources.IgnoreQueryFilters().AnyAsync(cancellationToken)),
            ("topics", await db.Topics.AnyAsync(cancellationToken)),
            ("claims", await db.Claims.IgnoreQueryFilters().AnyAsync(cancellationToken)),
            ("revisions", await db.Revisions.AnyAsync(cancellationToken)),
        }.Where(t => t.Any).Select(t => t.Name).ToList();
        if (held.Count > 0)
        {
            throw new ImportRefusedException(
                $"Import refused, nothing was written: the database already holds {string.Join(", ", held)}; import into an empty, migrated database (e.g. after ./kb db reset).");
        }
    }

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
        if (await db.SeedImports.AnyAsync(s => s.ContentHash.StartsWith(ExportHashPrefix), cancellationToken))
        {
            return new SeedImportResult(true, plan.Topics.Count, plan.Sources.Count, plan.Claims.Count, citationCount, 0, LoadedFromExport: true);
        }
        if (plan.Revisions.Count > 0)
        {
            throw new ImportRefusedException($"Seed refused: {RevisionLine.FileName} (an export's history) is restored only by an import into an empty database.");
        }
        return await WriteAsync(plan, requireEmpty: false, cancellationToken);
    }

    private async Task<SeedImportResult> WriteAsync(SeedPlan plan, bool requireEmpty, CancellationToken cancellationToken)
    {
        var citationCount = plan.Claims.Sum(c => c.Citations.Count);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (requireEmpty)
            {
                // Checked again inside the transaction, so two imports at once cannot both find the database empty.
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE sources, claims IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
                await RefuseContentAsync(cancellationToken);
            }
            var now = clock.GetUtcNow();
            var changes = 0;

            var topics = await UpsertTopicsAsync(plan, cancellationToken);
            var sources = await UpsertSourcesAsync(plan, now, cancellationToken);
            changes += await db.SaveChangesAsync(cancellationToken);

            var (claims, written) = await UpsertClaimsAsync(plan, topics, sources, now, cancellationToken);
            changes += written + await db.SaveChangesAsync(cancellationToken);
            changes += await AddRevisionsAsync(plan, sources, claims, cancellationToken);

            // Passages no citation quotes any more (a source's text changed) are dropped with the old offsets.
            var seededSourceIds = sources.Values.Select(s => s.Id).ToList();
            changes += await SourceWrite.DropUncitedPassagesAsync(db, seededSourceIds, cancellationToken);

            var result = new SeedImportResult(false, plan.Topics.Count, plan.Sources.Count, plan.Claims.Count, citationCount, changes);
            db.SeedImports.Add(new SeedImport { ContentHash = (requireEmpty ? ExportHashPrefix : "") + plan.ContentHash, ImportedAt = now, Summary = result.ToString() });
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
                source = Source.Empty(planned.Times?.Created ?? now);
                db.Sources.Add(source);
                existing[m.Slug!] = source;
            }
            await SourceWrite.ApplyAsync(db, source, m, planned.Body, now, ct);
            // An editor's deletion stands; an export's deletion is taken over.
            source.DeletedAt ??= planned.Times?.Deleted;
            if (db.Entry(source).State is EntityState.Modified or EntityState.Added)
            {
                source.UpdatedAt = planned.Times?.Updated ?? now;
            }
        }
        return existing;
    }

    private async Task<(Dictionary<string, Claim> Claims, int Written)> UpsertClaimsAsync(
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
        var passages = await PassageSpans.LoadAsync(db.Passages.IgnoreQueryFilters().Where(p => sourceIds.Contains(p.SourceId)), ct);

        var written = 0;
        foreach (var (planned, i) in plan.Claims.Select((c, i) => (c, i)))
        {
            if (i > 0 && i % ClaimBatch == 0)
            {
                written += await db.SaveChangesAsync(ct);
            }
            if (!existing.TryGetValue(planned.Slug, out var claim))
            {
                claim = new Claim { Slug = planned.Slug, Statement = "", CreatedAt = planned.Times?.Created ?? now };
                db.Claims.Add(claim);
                existing[planned.Slug] = claim;
            }
            claim.DeletedAt ??= planned.Times?.Deleted;
            // A seed file's footnote is the citation's, on a passage found before as on a new one.
            var citations = planned.Citations.Select(c => new CitationPlacement(
                sources[c.SourceSlug], c.Draft, c.Stance, c.Anchor, c.Footnote, FootnoteChosen: true,
                AwaitingReview: c.Review?.Status, PreviousExact: c.Review?.PreviousExact, Derivation: c.Derivation));
            ClaimWrite.Apply(
                db, claim, planned.Draft, planned.Draft.Topics.Distinct().Select(t => topics[t]).ToList(), citations, passages, _ => planned.Verdict);
            if (db.Entry(claim).State is EntityState.Modified or EntityState.Added)
            {
                claim.UpdatedAt = planned.Times?.Updated ?? now;
            }
        }
        return (existing, written);
    }

    /// <summary>An export's history, with its slugs mapped to the ids this database gave the claims and sources.</summary>
    private async Task<int> AddRevisionsAsync(
        SeedPlan plan, Dictionary<string, Source> sources, Dictionary<string, Claim> claims, CancellationToken ct)
    {
        foreach (var r in plan.Revisions)
        {
            var snapshot = r.Snapshot.DeepClone().AsObject();
            foreach (var citation in RevisionLine.Citations(snapshot))
            {
                citation["sourceId"] = sources[citation["sourceId"]!.GetValue<string>()].Id;
            }
            db.Revisions.Add(new Revision
            {
                EntityType = r.Entity,
                EntityId = r.Entity == RevisionEntity.Claim ? claims[r.Slug].Id : sources[r.Slug].Id,
                Number = r.Number,
                Action = r.Action,
                Snapshot = RevisionLine.Write(snapshot),
                AuthorId = r.AuthorId,
                AuthorName = r.AuthorName,
                CreatedAt = r.CreatedAt,
                Comment = r.Comment,
            });
        }
        return await db.SaveChangesAsync(ct);
    }
}
