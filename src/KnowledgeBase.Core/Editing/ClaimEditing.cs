using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>A claim as the editor opens it: its state, the token to save with, and whether it is deleted.</summary>
public sealed record EditableClaim(long Id, uint Version, ClaimSnapshot Snapshot, DateTimeOffset? DeletedAt, int LatestRevision);

/// <summary>What a draft would show if saved now: the derived verdict, the flag readers would see, each citation's anchoring.</summary>
/// <param name="Flag">The override if the draft sets a valid one, else the derived flag.</param>
/// <param name="Errors">Every refusal the draft would meet (the verdict counts only the citations that anchor).</param>
/// <param name="Warning">The statement lint's warning: the statement is firmer than every quote supporting it.</param>
public sealed record ClaimPreview(
    AgreementVerdict Verdict, AgreementFlag Flag, IReadOnlyList<CitationPreview> Citations, IReadOnlyList<FieldError> Errors, StatementWarning? Warning = null);

/// <summary>Where one citation of a draft anchors (null when it does not), and its footnote.</summary>
/// <param name="ProposedFootnote">The footnote the document proposes for the quote's place.</param>
/// <param name="Footnote">The footnote the citation would carry: the editor's choice if any, else the proposed one.</param>
/// <param name="AwaitingReview">The citation keeps a passage that re-anchoring could not find (orphaned) and an editor must fix.</param>
/// <param name="Proposal">What the evidence model proposes for the anchored quote (voice, certainty and the words behind it,
/// as-of time), for the editor to confirm; null while the quote is not anchored.</param>
/// <param name="Derivation">The derived total as readers will see it, its origins resolved ("$2,000 per soldier per month (USIP, this quote) × …").</param>
public sealed record CitationPreview(
    int Index, string? SourceSlug, string? SourceName, TextAnchor? Anchor, int? ProposedFootnote, int? Footnote, string? FootnoteText, bool AwaitingReview,
    ProposedEvidence? Proposal = null, string? Derivation = null);

/// <summary>
/// The one write path for claims, used by the editor pages and the API alike. Every save is checked field by field,
/// anchors each citation's quote in its document (refusing a quote that is not there or that occurs more than once
/// without a prefix or suffix to tell which), derives the agreement verdict, and stores the claim, its citations and
/// passages and a revision in one transaction. A save carries the version the editor started from; if the claim has
/// changed since, nothing is written and the editor gets both versions (<see cref="EditResult{T}.Conflict"/>).
/// </summary>
public sealed class ClaimEditing(KnowledgeBaseDb db, TimeProvider clock)
{
    private const string PassageSpanIndex = "ix_passages_source_id_start_end";
    private EditSteps<Claim, ClaimSnapshot> Steps => field ??= new(db, clock, RevisionEntity.Claim, "ix_claims_slug", ConflictAsync);

    public async Task<EditableClaim?> FindAsync(long id, CancellationToken ct = default)
    {
        var row = await SnapshotRowAsync(id, ct);
        return row is null ? null : new EditableClaim(id, row.Version, row.Snapshot, row.DeletedAt, await Revisions.LatestNumberAsync(db, RevisionEntity.Claim, id, ct));
    }

    public Task<EditResult<ClaimSnapshot>> CreateAsync(ClaimDraft draft, Editor editor, string? comment = null, CancellationToken ct = default) =>
        SaveAsync(null, draft, 0, RevisionAction.Created, editor, comment, null, ct);

    public Task<EditResult<ClaimSnapshot>> UpdateAsync(
        long id, ClaimDraft draft, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default) =>
        SaveAsync(id, draft, expectedVersion, RevisionAction.Updated, editor, comment, null, ct);

    /// <summary>Writes an earlier revision's state back as a new revision ("restored"); its quotes are found again in today's text.</summary>
    public async Task<EditResult<ClaimSnapshot>> RestoreAsync(
        long id, int revisionNumber, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default)
    {
        var (snapshot, refused) = await Revisions.ToRestoreAsync<ClaimSnapshot>(
            db, RevisionEntity.Claim, id, revisionNumber, () => db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Id == id, ct), ct);
        return refused ?? await SaveAsync(
            id, snapshot!.ToDraft(), expectedVersion, RevisionAction.Restored, editor, Revisions.RestoreComment(comment, revisionNumber),
            snapshot.Citations, ct);
    }

    /// <summary>Soft delete: the claim disappears from every reader page; its citations stay, so undelete brings it all back.</summary>
    public Task<EditResult<ClaimSnapshot>> DeleteAsync(
        long id, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default) =>
        SetDeletedAsync(id, expectedVersion, deleted: true, editor, comment, ct);

    /// <summary>Brings a deleted claim back, with its citations; refused while a document it cites is deleted.</summary>
    public Task<EditResult<ClaimSnapshot>> UndeleteAsync(
        long id, uint expectedVersion, Editor editor, string? comment = null, CancellationToken ct = default) =>
        SetDeletedAsync(id, expectedVersion, deleted: false, editor, comment, ct);

    private Task<EditResult<ClaimSnapshot>> SetDeletedAsync(
        long id, uint expectedVersion, bool deleted, Editor editor, string? comment, CancellationToken ct)
    {
        List<int> citedSources = [];
        return Steps.SetDeletedAsync(
            expectedVersion, deleted, editor, comment,
            async () =>
            {
                // Undeleting reads whether the cited documents are live, so it shares them first, in the lock order.
                if (!deleted)
                {
                    citedSources = await db.Citations.IgnoreQueryFilters()
                        .Where(c => c.ClaimId == id).Select(c => c.Passage!.SourceId).Distinct().ToListAsync(ct);
                }
                await Revisions.ShareSourcesAsync(db, citedSources, ct);
                await Revisions.LockClaimsAsync(db, [id], ct);
                return await db.Claims.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == id, ct);
            },
            async _ =>
            {
                if (citedSources.Count == 0)
                {
                    return null;
                }
                var deletedSources = await db.Sources.IgnoreQueryFilters()
                    .Where(s => citedSources.Contains(s.Id) && s.DeletedAt != null).Select(s => s.ShortName).ToListAsync(ct);
                return deletedSources.Count == 0
                    ? null
                    : $"It cites {string.Join(" and ", deletedSources)}, which {(deletedSources.Count == 1 ? "has" : "have")} been deleted: undelete the document first.";
            },
            async _ => (await SnapshotRowAsync(id, ct))!.Snapshot,
            ct);
    }

    /// <summary>
    /// The verdict and anchoring a draft would get, for live feedback while the editor types; reads, never writes.
    /// Give <paramref name="claimId"/> when editing an existing claim, so citations still awaiting review are recognised.
    /// </summary>
    public async Task<ClaimPreview> PreviewAgreementAsync(ClaimDraft draft, long? claimId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = DraftRules.Check(draft);
        var current = claimId is { } id
            ? await db.Citations.IgnoreQueryFilters().AsNoTracking().Where(c => c.ClaimId == id).Select(c => c.Passage!).ToListAsync(ct)
            : [];
        var sources = await LoadSourcesAsync(draft, tracking: false, ct);
        var anchored = Anchor(draft, sources, current, errors);
        var derivations = await DerivationsAsync(draft, TextValues.Blank(draft.Slug), sources, errors, ct);
        var facts = anchored.ToDictionary(a => a.Index, a =>
        {
            var citation = new Citation();
            a.Draft.ApplyTo(citation, a.Stance, derivations.GetValueOrDefault(a.Index));
            return new PlacedCitation(citation, a.Kept ?? Passage.From(a.Source, a.Anchor!), a.Source, a.Draft.Footnote ?? a.Proposed).Facts();
        });
        var evidence = anchored.Select(a => facts[a.Index].ToEvidence()).ToList();
        var verdict = AgreementRule.Evaluate(evidence);
        var flag = EnumSlugs.TryParse<AgreementFlag>(draft.OverrideFlag?.Trim(), out var overridden) && !string.IsNullOrWhiteSpace(draft.OverrideReason)
            ? overridden
            : verdict.Flag;
        var previews = draft.Citations.Select((c, i) =>
        {
            var a = anchored.FirstOrDefault(x => x.Index == i);
            var source = c is null ? null : Find(sources, c);
            var footnote = a is null ? null : c!.Footnote ?? a.Proposed;
            return new CitationPreview(
                i, source?.Slug, source?.ShortName, a?.Anchor ?? (a?.Kept is { } k ? new TextAnchor(k.Start, k.End, k.Exact, k.Prefix, k.Suffix) : null),
                a?.Proposed, footnote, source?.Footnotes.FirstOrDefault(f => f.Number == footnote)?.Text, a?.Kept is not null,
                facts.GetValueOrDefault(i)?.Propose(),
                derivations.GetValueOrDefault(i)?.ToFigure(source?.ShortName ?? "", TextValues.Blank(c?.Attribution)).Describe());
        }).ToList();
        var warning = string.IsNullOrWhiteSpace(draft.Statement) ? null : StatementLint.Check(draft.Statement, evidence);
        return new ClaimPreview(verdict, flag, previews, errors, warning);
    }

    private async Task<EditResult<ClaimSnapshot>> SaveAsync(
        long? id, ClaimDraft draft, uint expectedVersion, RevisionAction action, Editor editor, string? comment,
        IReadOnlyList<CitationSnapshot>? hints, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = DraftRules.Check(draft);
        errors.AddRange(Revisions.CheckWriter(editor, comment));
        if (errors.Count > 0)
        {
            return new EditResult<ClaimSnapshot>.Invalid(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await SaveOnceAsync(id, draft, expectedVersion, action, editor, comment, hints, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && Revisions.UniqueViolation(e) == PassageSpanIndex)
            {
                // Another save created a passage for the same words at the same moment; the next attempt reuses it.
            }
        }
    }

    private async Task<EditResult<ClaimSnapshot>> SaveOnceAsync(
        long? id, ClaimDraft draft, uint expectedVersion, RevisionAction action, Editor editor, string? comment,
        IReadOnlyList<CitationSnapshot>? hints, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Lock order, everywhere: sources (shared), then the claim. A source save locks its source, then the claims
        // citing it. The sources are read after the lock, so their text is the one the passages are anchored in.
        await Revisions.ShareSourcesAsync(db, await SourceIdsAsync(draft, ct), ct);
        var sources = await LoadSourcesAsync(draft, tracking: true, ct);

        Claim? claim = null;
        ClaimSnapshot? before = null;
        if (id is { } claimId)
        {
            await Revisions.LockClaimsAsync(db, [claimId], ct);
            claim = await db.Claims.IgnoreQueryFilters()
                .Include(c => c.Topics)
                .Include(c => c.Citations).ThenInclude(c => c.Passage)
                .AsSplitQuery()
                .FirstOrDefaultAsync(c => c.Id == claimId, ct);
            if (claim is null || claim.DeletedAt is not null)
            {
                return new EditResult<ClaimSnapshot>.NotFound();
            }
            if (claim.Version != expectedVersion)
            {
                return await ConflictAsync(claimId, ct);
            }
            before = (await SnapshotRowAsync(claimId, ct))!.Snapshot;
        }

        var errors = new List<FieldError>();
        var current = claim?.Citations.Select(c => c.Passage!).ToList() ?? [];
        var anchored = Anchor(draft, sources, current, errors, hints);
        var slug = await ChooseSlugAsync(draft, claim, errors, ct);
        var derivations = await DerivationsAsync(draft, slug, sources, errors, ct);
        var topics = await FindTopicsAsync(draft, errors, ct);
        if (errors.Count > 0)
        {
            return new EditResult<ClaimSnapshot>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var importedAt = claim?.UpdatedAt ?? now;
        if (claim is not null && claim.Slug != slug)
        {
            await DerivationOrigins.FollowClaimRenameAsync(db, claim.Slug, slug, ct);
        }
        claim ??= db.Claims.Add(new Claim { Slug = slug, Statement = "", CreatedAt = now }).Entity;
        claim.Slug = slug;
        var passages = await PassagesAsync(anchored, ct);
        // A footnote the editor chose is set on the passage; otherwise a new passage gets the one its place proposes.
        var citations = anchored.Select(a => new CitationPlacement(
            a.Source, a.Draft, a.Stance, a.Anchor, a.Draft.Footnote ?? a.Proposed, a.Draft.Footnote is not null, a.Kept,
            Derivation: derivations.GetValueOrDefault(a.Index)));
        var placed = ClaimWrite.Apply(
            db, claim, draft, topics, citations, passages,
            written => AgreementRule.Evaluate(written.Select(p => p.Evidence()).ToList()));
        claim.UpdatedAt = now;

        var snapshot = new ClaimSnapshot(
            claim.Slug, claim.Statement, claim.Figure, topics.Select(t => t.Slug).Order(StringComparer.Ordinal).ToList(),
            claim.OverrideAgreement?.ToSlug(), claim.OverrideReason,
            placed.Select(p => CitationSnapshot.Of(p.Citation, p.Passage, p.Source.Slug, p.Footnote)).ToList());
        var result = await Steps.CommitAsync(
            claim, expectedVersion, action, editor, comment, () => snapshot,
            before is null ? null : () => (before, importedAt), transaction, null, ct);
        return result is EditResult<ClaimSnapshot>.Saved saved
            ? saved with { Warning = StatementLint.Check(claim.Statement, [.. placed.Select(p => p.Evidence())]) }
            : result;
    }

    private async Task<EditResult<ClaimSnapshot>> ConflictAsync(long id, CancellationToken ct)
    {
        var row = await SnapshotRowAsync(id, ct);
        return row is null || row.DeletedAt is not null
            ? new EditResult<ClaimSnapshot>.NotFound()
            : new EditResult<ClaimSnapshot>.Conflict(row.Snapshot, row.Version, await Revisions.LatestNumberAsync(db, RevisionEntity.Claim, id, ct));
    }

    private sealed record SnapshotRow(ClaimSnapshot Snapshot, uint Version, DateTimeOffset? DeletedAt);

    /// <summary>The stored state of a claim, deleted or not, as one snapshot; two round trips (claim, citations), no tracking.</summary>
    private async Task<SnapshotRow?> SnapshotRowAsync(long id, CancellationToken ct)
    {
        var row = await db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Slug,
                c.Statement,
                c.Figure,
                c.OverrideAgreement,
                c.OverrideReason,
                c.Version,
                c.DeletedAt,
                Topics = c.Topics.Select(t => t.Slug).ToList(),
                Citations = c.Citations.OrderBy(x => x.Position).Select(x => new
                {
                    Citation = x,
                    x.Passage,
                    x.Passage!.Source!.Slug,
                    Footnote = x.Passage.Footnote == null ? null : (int?)x.Passage.Footnote.Number,
                }).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var citations = row.Citations.Select(x => CitationSnapshot.Of(x.Citation, x.Passage!, x.Slug, x.Footnote)).ToList();
        var snapshot = new ClaimSnapshot(
            row.Slug, row.Statement, row.Figure, row.Topics.Order(StringComparer.Ordinal).ToList(), row.OverrideAgreement?.ToSlug(),
            row.OverrideReason, citations);
        return new SnapshotRow(snapshot, row.Version, row.DeletedAt);
    }

    /// <summary>One citation of the draft that anchored (or keeps an orphaned passage): everything the save needs.</summary>
    private sealed record Anchored(int Index, CitationDraft Draft, Source Source, TextAnchor? Anchor, Passage? Kept, int? Proposed, Stance Stance);

    private async Task<List<int>> SourceIdsAsync(ClaimDraft draft, CancellationToken ct) =>
        CitedSources(draft) is { } sources ? await sources.Select(s => s.Id).ToListAsync(ct) : [];

    private async Task<List<Source>> LoadSourcesAsync(ClaimDraft draft, bool tracking, CancellationToken ct)
    {
        if (CitedSources(draft)?.Include(s => s.Footnotes) is not { } query)
        {
            return [];
        }
        return await (tracking ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>The documents the draft's citations name, by id or (without one) by slug, deleted ones included; null when they name none.</summary>
    private IQueryable<Source>? CitedSources(ClaimDraft draft)
    {
        var ids = draft.Citations.Where(c => c?.SourceId is not null).Select(c => c.SourceId!.Value).Distinct().ToList();
        var slugs = draft.Citations.Where(c => c is { SourceId: null } && !string.IsNullOrWhiteSpace(c.SourceSlug))
            .Select(c => c.SourceSlug!.Trim()).Distinct().ToList();
        return ids.Count == 0 && slugs.Count == 0 ? null : db.Sources.IgnoreQueryFilters().Where(s => ids.Contains(s.Id) || slugs.Contains(s.Slug));
    }

    private static Source? Find(List<Source> sources, CitationDraft draft) =>
        draft.SourceId is { } id ? sources.FirstOrDefault(s => s.Id == id) : sources.FirstOrDefault(s => s.Slug == draft.SourceSlug?.Trim());

    /// <summary>
    /// Anchors every citation of the draft in its document. A quote not in the text, or found more than once without
    /// a prefix/suffix that singles one out, is refused on that citation (with the candidates). A quote the claim
    /// already cites through a passage awaiting review (orphaned: its words are gone) is kept as it is, so the rest of
    /// the claim can still be edited; the review queue keeps listing it until an editor fixes the quote.
    /// </summary>
    private static List<Anchored> Anchor(
        ClaimDraft draft, List<Source> sources, List<Passage> current, List<FieldError> errors, IReadOnlyList<CitationSnapshot>? hints = null)
    {
        var result = new List<Anchored>();
        var texts = new Dictionary<int, AnchorableText>();
        var seen = new Dictionary<(int, long, int, int), int>();
        foreach (var (c, i) in draft.Citations.Select((c, i) => (c, i)))
        {
            var at = $"citations[{i}]";
            if (c is null || string.IsNullOrWhiteSpace(c.Quote) || errors.Any(e => e.Field.StartsWith(at + ".", StringComparison.Ordinal)))
            {
                continue;
            }
            var source = Find(sources, c);
            if (source is null)
            {
                errors.Add(new($"{at}.source", c.SourceId is { } id ? $"There is no document {id}." : $"There is no document '{c.SourceSlug!.Trim()}'."));
                continue;
            }
            if (source.DeletedAt is not null)
            {
                errors.Add(new($"{at}.source", $"{source.ShortName} ('{source.Slug}') has been deleted; undelete it to cite it."));
                continue;
            }
            if (c.Footnote is { } gone && hints is not null && source.Footnotes.All(f => f.Number != gone))
            {
                // Restoring a citation whose footnote the document no longer has: the place proposes one again.
                c.Footnote = null;
            }
            if (c.Footnote is { } chosen && source.Footnotes.All(f => f.Number != chosen))
            {
                var has = source.Footnotes.Count == 0 ? "it has no footnotes" : $"its footnotes run from 1 to {source.Footnotes.Max(f => f.Number)}";
                errors.Add(new($"{at}.footnote", $"{source.ShortName} has no footnote {chosen}: {has}."));
                continue;
            }
            if (!EnumSlugs.TryParse<Stance>(c.StanceSlug(), out var stance))
            {
                continue; // already refused by DraftRules
            }
            if (!texts.TryGetValue(source.Id, out var text))
            {
                text = texts[source.Id] = AnchorableText.FromHtml(source.BodyHtml);
            }

            var (quote, prefix, suffix) = (c.Quote, c.Prefix, c.Suffix);
            if (hints is not null && i < hints.Count && hints[i].SourceId == source.Id)
            {
                // Restoring: look for the words where they were, then elsewhere, as re-anchoring does.
                var h = hints[i];
                var again = Reanchoring.Reanchor(text.Text, new TextAnchor(h.Start, h.End, h.Exact, h.Prefix, h.Suffix));
                if (again.Status is AnchorStatus.Exact or AnchorStatus.Moved)
                {
                    (quote, prefix, suffix) = (again.Anchor!.Exact, again.Anchor.Prefix, again.Anchor.Suffix);
                }
            }

            var anchor = CitationAnchoring.Anchor(text, quote, prefix, suffix);
            Anchored? anchored = null;
            switch (anchor.Anchoring.Outcome)
            {
                case AnchorOutcome.Found:
                    anchored = new(i, c, source, anchor.Anchor, null, anchor.ProposedFootnote, stance);
                    break;
                case AnchorOutcome.NotFound when anchor.Anchoring.Candidates.Count == 0:
                    var orphan = current.FirstOrDefault(p => p.SourceId == source.Id && p.NeedsReview && SameWords(p.Exact, quote));
                    if (orphan is not null)
                    {
                        anchored = new(i, c, source, null, orphan, orphan.FootnoteId is { } fid ? source.Footnotes.FirstOrDefault(f => f.Id == fid)?.Number : null, stance);
                    }
                    else
                    {
                        errors.Add(new($"{at}.quote", $"These words are not in {source.ShortName}'s text. Copy them from the document exactly as they stand."));
                    }
                    break;
                default:
                    // Several places: none of them with the prefix or suffix given, or no prefix or suffix to choose by.
                    errors.Add(new(
                        $"{at}.quote",
                        $"These words occur {Times(anchor.Anchoring.Candidates.Count)} in {source.ShortName}"
                        + (anchor.Anchoring.Outcome == AnchorOutcome.NotFound
                            ? ", but never with the words given before or after them; correct the prefix or suffix, or pick one of the places below."
                            : "; add a few words right before them (prefix) or right after them (suffix) to say which place you mean."),
                        anchor.Anchoring.Candidates));
                    break;
            }
            if (anchored is null)
            {
                continue;
            }
            var key = anchored.Kept is { } k ? (source.Id, k.Id, 0, 0) : (source.Id, 0L, anchored.Anchor!.Start, anchored.Anchor.End);
            if (seen.TryGetValue(key, out var earlier))
            {
                errors.Add(new($"{at}.quote", $"Citation {earlier + 1} already quotes these words of {source.ShortName}."));
                continue;
            }
            seen[key] = i;
            result.Add(anchored);
        }
        return result;
    }

    /// <summary>The confirmed passages already at the anchored spans, so citations of the same words share one.</summary>
    private async Task<PassageSpans> PassagesAsync(List<Anchored> anchored, CancellationToken ct)
    {
        var spans = anchored.Where(a => a.Anchor is not null).ToList();
        if (spans.Count == 0)
        {
            return new PassageSpans([]);
        }
        var sourceIds = spans.Select(a => a.Source.Id).Distinct().ToList();
        var starts = spans.Select(a => a.Anchor!.Start).Distinct().ToList();
        return await PassageSpans.LoadAsync(
            db.Passages.IgnoreQueryFilters().Where(p => sourceIds.Contains(p.SourceId) && starts.Contains(p.Start) && !p.NeedsReview), ct);
    }

    private async Task<string> ChooseSlugAsync(ClaimDraft draft, Claim? claim, List<FieldError> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(draft.Slug))
        {
            if (claim is not null)
            {
                return claim.Slug;
            }
            // Derived from the statement: the first free one of slug, slug-2, … slug-50 (one indexed lookup).
            var stem = DraftRules.SlugFrom(draft.Statement!);
            var candidates = Enumerable.Range(1, 50).Select(n => n == 1 ? stem : $"{stem}-{n}").ToList();
            var taken = await db.Claims.IgnoreQueryFilters().Where(c => candidates.Contains(c.Slug)).Select(c => c.Slug).ToListAsync(ct);
            return candidates.FirstOrDefault(s => !taken.Contains(s)) ?? $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";
        }
        var slug = draft.Slug.Trim();
        if (slug != claim?.Slug)
        {
            var other = await db.Claims.IgnoreQueryFilters().Where(c => c.Slug == slug).Select(c => new { c.DeletedAt }).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                errors.Add(new("slug", other.DeletedAt is null
                    ? $"Another claim already uses the slug '{slug}'."
                    : $"A deleted claim uses the slug '{slug}'; undelete it, or choose another slug."));
            }
        }
        return slug;
    }

    /// <summary>
    /// The draft's derivations by citation index, each origin found among the stored claims (deleted ones too: they
    /// still exist) or, for the claim's own slug, among the draft's own citations as they are about to be saved.
    /// </summary>
    private async Task<Dictionary<int, CitationDerivation>> DerivationsAsync(
        ClaimDraft draft, string? ownSlug, List<Source> sources, List<FieldError> errors, CancellationToken ct)
    {
        var named = DerivationOrigins.ClaimsNamed(draft.Citations);
        if (named.Count == 0)
        {
            return [];
        }
        var claims = await db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => named.Contains(c.Slug))
            .Select(c => new OriginClaim(c.Slug, c.Citations.OrderBy(x => x.Position)
                .Select(x => new OriginCitation(x.Passage!.Source!.Slug, x.Passage.Source.ShortName, x.Attribution)).ToList()))
            .AsSplitQuery()
            .ToDictionaryAsync(c => c.Slug, ct);
        if (ownSlug is not null)
        {
            claims[ownSlug] = new OriginClaim(ownSlug, [.. draft.Citations
                .Select(c => c is null || Find(sources, c) is not { } s ? null : new OriginCitation(s.Slug, s.ShortName, TextValues.Blank(c.Attribution)))
                .OfType<OriginCitation>()]);
        }
        var result = new Dictionary<int, CitationDerivation>();
        foreach (var (c, i) in draft.Citations.Select((c, i) => (c, i)))
        {
            if (c is not null && DerivationOrigins.Resolve(c, $"citations[{i}]", s => claims.GetValueOrDefault(s), errors) is { } derivation)
            {
                result[i] = derivation;
            }
        }
        return result;
    }

    private async Task<List<Topic>> FindTopicsAsync(ClaimDraft draft, List<FieldError> errors, CancellationToken ct)
    {
        var wanted = draft.Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        var topics = await db.Topics.Where(t => wanted.Contains(t.Slug)).ToListAsync(ct);
        foreach (var (slug, i) in draft.Topics.Select((t, i) => (t?.Trim(), i)))
        {
            if (!string.IsNullOrEmpty(slug) && topics.All(t => t.Slug != slug) && !errors.Any(e => e.Field == $"topics[{i}]"))
            {
                errors.Add(new($"topics[{i}]", $"There is no topic '{DraftRules.Shorten(slug)}'."));
            }
        }
        return topics;
    }

    private static bool SameWords(string a, string b) =>
        string.Equals(TextValues.Squeeze(a), TextValues.Squeeze(b), StringComparison.Ordinal);

    private static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => $"{n} times" };
}
