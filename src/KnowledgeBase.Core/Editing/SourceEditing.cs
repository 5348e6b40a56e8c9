using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>A source as the editor opens it: its state, the token to save with, and whether it is deleted.</summary>
public sealed record EditableSource(int Id, uint Version, SourceSnapshot Snapshot, DateTimeOffset? DeletedAt, int LatestRevision);

/// <summary>A body rendered for the live preview: its HTML (null if it cannot be rendered), its footnote numbers, any refusals.</summary>
public sealed record BodyPreview(string? Html, IReadOnlyList<int> FootnoteNumbers, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The one write path for sources. A save checks every field, renders the body once (sanitized HTML and the canonical
/// text quotes anchor into), and re-anchors every passage quoted from the source, so no citation is lost: the same
/// words found again move silently, approximate or missing words are flagged for review. Agreement verdicts of the
/// claims citing the source are derived again. Source, footnotes, passages, claims and a revision are written in one
/// transaction, against the version the editor started from.
/// </summary>
public sealed class SourceEditing(KnowledgeBaseDb db, TimeProvider clock)
{
    private EditSteps<Source, SourceSnapshot> Steps =>
        field ??= new(db, clock, RevisionEntity.Source, "ix_sources_slug", (id, ct) => ConflictAsync((int)id, ct));

    /// <summary>Renders a body as the source page would show it, for the editor's live preview; no database access.</summary>
    public static BodyPreview PreviewBody(string? markdown)
    {
        var (errors, body) = DraftRules.CheckBody(markdown);
        if (body is not null)
        {
            return new BodyPreview(body.Rendered.Html, body.Footnotes.Select(f => f.Number).ToList(), []);
        }
        // Without metadata, what the footnotes cite is not the preview's business.
        var bodyErrors = errors.Where(e => e.Field == "bodyMarkdown").ToList();
        string? html = null;
        if (bodyErrors.Count == 0 && markdown is not null)
        {
            html = SourceRenderer.Render(markdown).Html;
        }
        return new BodyPreview(html, [], bodyErrors);
    }

    public async Task<EditableSource?> FindAsync(int id, CancellationToken ct = default)
    {
        var source = await db.Sources.IgnoreQueryFilters().AsNoTracking().Include(s => s.Footnotes).FirstOrDefaultAsync(s => s.Id == id, ct);
        return source is null
            ? null
            : new EditableSource(id, source.Version, SourceSnapshot.Of(source), source.DeletedAt, await Revisions.LatestNumberAsync(db, RevisionEntity.Source, id, ct));
    }

    public async Task<EditResult<SourceSnapshot>> CreateAsync(SourceDraft draft, Editor editor, string? comment = null, CancellationToken ct = default)
    {
        var (errors, body) = Check(draft, editor, comment);
        if (errors.Count > 0)
        {
            return new EditResult<SourceSnapshot>.Invalid(errors);
        }
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await SlugErrorAsync(draft.Slug!.Trim(), null, ct) is { } taken)
        {
            return new EditResult<SourceSnapshot>.Invalid([taken]);
        }
        var now = clock.GetUtcNow();
        var source = Source.Empty(now);
        await SourceWrite.ApplyAsync(db, source, draft, body!, now, ct);
        source.UpdatedAt = now;
        db.Sources.Add(source);
        return await Steps.CommitAsync(source, 0, RevisionAction.Created, editor, comment, () => SourceSnapshot.Of(source), null, transaction, null, ct);
    }

    /// <summary>Saves new metadata and body; every passage quoted from the source is re-anchored (see <see cref="PassageReanchoring"/>).</summary>
    public async Task<EditResult<SourceSnapshot>> UpdateAsync(
        int id, SourceDraft draft, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default) =>
        await SaveAsync(id, draft, expectedVersion, RevisionAction.Updated, editor, comment, ct);

    /// <summary>Writes an earlier revision's state back as a new revision ("restored"), re-anchoring passages like any save.</summary>
    public async Task<EditResult<SourceSnapshot>> RestoreAsync(
        int id, int revisionNumber, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default)
    {
        var (snapshot, refused) = await Revisions.ToRestoreAsync<SourceSnapshot>(
            db, RevisionEntity.Source, id, revisionNumber, () => db.Sources.IgnoreQueryFilters().AnyAsync(s => s.Id == id, ct), ct);
        return refused ?? await SaveAsync(
            id, snapshot!.ToDraft(), expectedVersion, RevisionAction.Restored, editor, Revisions.RestoreComment(comment, revisionNumber), ct);
    }

    /// <summary>Soft delete; refused while a live claim cites the source (its citations would point nowhere).</summary>
    public Task<EditResult<SourceSnapshot>> DeleteAsync(
        int id, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default) =>
        SetDeletedAsync(id, expectedVersion, deleted: true, editor, comment, ct);

    public Task<EditResult<SourceSnapshot>> UndeleteAsync(
        int id, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default) =>
        SetDeletedAsync(id, expectedVersion, deleted: false, editor, comment, ct);

    private Task<EditResult<SourceSnapshot>> SetDeletedAsync(
        int id, uint expectedVersion, bool deleted, Editor editor, string? comment, CancellationToken ct) =>
        Steps.SetDeletedAsync(
            expectedVersion, deleted, editor, comment,
            async () =>
            {
                await Revisions.LockSourceAsync(db, id, ct);
                return await db.Sources.IgnoreQueryFilters().Include(s => s.Footnotes).FirstOrDefaultAsync(s => s.Id == id, ct);
            },
            async _ =>
            {
                // The lock keeps claim saves from citing the source meanwhile (they share it first).
                var citing = deleted
                    ? await db.Citations.Where(c => c.Passage!.SourceId == id).Select(c => c.Claim!.Slug).Distinct().OrderBy(s => s).Take(4).ToListAsync(ct)
                    : [];
                if (citing.Count == 0)
                {
                    return null;
                }
                var count = await db.Citations.Where(c => c.Passage!.SourceId == id).Select(c => c.ClaimId).Distinct().CountAsync(ct);
                var named = string.Join(", ", citing.Take(3)) + (count > 3 ? ", …" : "");
                return $"{count} claim{(count == 1 ? "" : "s")} cite{(count == 1 ? "s" : "")} this document ({named}); remove those citations or delete those claims first.";
            },
            source => Task.FromResult(SourceSnapshot.Of(source)),
            ct);

    private async Task<EditResult<SourceSnapshot>> SaveAsync(
        int id, SourceDraft draft, uint expectedVersion, RevisionAction action, Editor editor, string? comment, CancellationToken ct)
    {
        var (errors, body) = Check(draft, editor, comment);
        if (errors.Count > 0)
        {
            return new EditResult<SourceSnapshot>.Invalid(errors);
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Lock order: the source, then the claims citing it (claim saves share their sources before locking a claim).
        await Revisions.LockSourceAsync(db, id, ct);
        var source = await db.Sources.IgnoreQueryFilters().Include(s => s.Footnotes).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null || source.DeletedAt is not null)
        {
            return new EditResult<SourceSnapshot>.NotFound();
        }
        if (source.Version != expectedVersion)
        {
            return await ConflictAsync(id, ct);
        }
        if (draft.Slug!.Trim() != source.Slug && await SlugErrorAsync(draft.Slug.Trim(), id, ct) is { } taken)
        {
            return new EditResult<SourceSnapshot>.Invalid([taken]);
        }

        var before = SourceSnapshot.Of(source);
        var importedAt = source.UpdatedAt;
        var textBefore = AnchorableText.FromHtml(source.BodyHtml);
        var footnotesBefore = source.Footnotes.ToDictionary(f => f.Number, f => f.Text);

        // Passages nobody cites any more are not kept around to be re-anchored (claim saves cannot cite meanwhile).
        await SourceWrite.DropUncitedPassagesAsync(db, [id], ct);
        var claimIds = await db.Citations.IgnoreQueryFilters().Where(c => c.Passage!.SourceId == id).Select(c => c.ClaimId).Distinct().ToListAsync(ct);
        await Revisions.LockClaimsAsync(db, claimIds, ct);
        var passages = await db.Passages.IgnoreQueryFilters().Where(p => p.SourceId == id).OrderBy(p => p.Id).ToListAsync(ct);

        var states = PassageReanchoring.Reanchor(
            textBefore,
            footnotesBefore,
            AnchorableText.Of(body!.Rendered),
            body.Footnotes.ToDictionary(f => f.Number, f => f.Text),
            passages.Select(p => new PassageState(
                p.Id, p.Start, p.End, p.Exact, p.Prefix, p.Suffix, p.AnchorStatus, p.NeedsReview, p.PreviousExact,
                p.FootnoteId is { } fid ? source.Footnotes.FirstOrDefault(f => f.Id == fid)?.Number : null)).ToList());

        var now = clock.GetUtcNow();
        await SourceWrite.ApplyAsync(db, source, draft, body, now, ct);
        source.UpdatedAt = now;

        // Spans are unique among confirmed passages, and passages may trade places: the first write parks the moving
        // ones on spans no text has (negative, one per passage), the second puts them where they go.
        foreach (var (passage, state) in passages.Zip(states))
        {
            if (passage.Start != state.Start || passage.End != state.End || passage.NeedsReview != state.NeedsReview)
            {
                passage.Start = passage.End = (int)-passage.Id;
            }
        }

        async Task<ReanchorReport> ReanchorAsync()
        {
            foreach (var (passage, state) in passages.Zip(states))
            {
                passage.PlaceIn(source.CanonicalText, state.Start, state.End);
                passage.Exact = state.Exact;
                passage.Prefix = state.Prefix;
                passage.Suffix = state.Suffix;
                passage.AnchorStatus = state.Status;
                passage.NeedsReview = state.NeedsReview;
                passage.PreviousExact = state.PreviousExact;
                passage.Footnote = state.Footnote is { } n ? source.Footnotes.First(f => f.Number == n) : null;
                passage.FootnoteId = passage.Footnote?.Id;
            }
            await db.SaveChangesAsync(ct);
            await DeriveVerdictsAsync(claimIds, ct);
            return new ReanchorReport(
                states.Count(s => s.Status == AnchorStatus.Exact && !s.NeedsReview),
                states.Count(s => s.Status == AnchorStatus.Moved && !s.NeedsReview),
                states.Count(s => s.Status == AnchorStatus.Fuzzy),
                states.Count(s => s.Status == AnchorStatus.Orphaned),
                states.Where(s => s.NeedsReview).Select(s => s.Id).ToList());
        }

        return await Steps.CommitAsync(
            source, expectedVersion, action, editor, comment, () => SourceSnapshot.Of(source), () => (before, importedAt), transaction, ReanchorAsync, ct);
    }

    /// <summary>Derives again the verdicts of the claims citing the source (deleted ones too, so an undelete shows the truth).</summary>
    private async Task DeriveVerdictsAsync(List<long> claimIds, CancellationToken ct)
    {
        if (claimIds.Count == 0)
        {
            return;
        }
        var claims = await db.Claims.IgnoreQueryFilters().Where(c => claimIds.Contains(c.Id)).ToListAsync(ct);
        var evidence = await db.Citations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => claimIds.Contains(c.ClaimId))
            .OrderBy(c => c.ClaimId).ThenBy(c => c.Position)
            .Select(CitationEvidenceRow.Projection)
            .ToListAsync(ct);
        var byClaim = evidence.ToLookup(e => e.ClaimId);
        foreach (var claim in claims)
        {
            var verdict = AgreementRule.Evaluate(byClaim[claim.Id].Select(e => e.ToEvidence()).ToList());
            claim.ApplyVerdict(verdict);
        }
        // The claims are locked: their versions cannot have moved since they were read.
        await db.SaveChangesAsync(ct);
    }

    private async Task<EditResult<SourceSnapshot>> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Sources.IgnoreQueryFilters().AsNoTracking().Include(s => s.Footnotes).FirstOrDefaultAsync(s => s.Id == id, ct);
        return current is null
            ? new EditResult<SourceSnapshot>.NotFound()
            : new EditResult<SourceSnapshot>.Conflict(SourceSnapshot.Of(current), current.Version, await Revisions.LatestNumberAsync(db, RevisionEntity.Source, id, ct));
    }

    private static (List<FieldError> Errors, PreparedBody? Body) Check(SourceDraft draft, Editor editor, string? comment)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (errors, body) = DraftRules.Check(draft);
        errors.AddRange(Revisions.CheckWriter(editor, comment));
        return (errors, body);
    }

    private async Task<FieldError?> SlugErrorAsync(string slug, int? id, CancellationToken ct)
    {
        var other = await db.Sources.IgnoreQueryFilters().Where(s => s.Slug == slug && s.Id != id).Select(s => new { s.DeletedAt }).FirstOrDefaultAsync(ct);
        return other is null
            ? null
            : new FieldError("slug", other.DeletedAt is null
                ? $"Another source already uses the slug '{slug}'."
                : $"A deleted source uses the slug '{slug}'; undelete it, or choose another slug.");
    }
}
