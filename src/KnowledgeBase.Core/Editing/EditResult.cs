using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;

namespace KnowledgeBase.Core.Editing;

/// <summary>
/// One refusal, to show next to its field. <paramref name="Field"/> is the draft's property path in camelCase with
/// 0-based indexes ("statement", "topics[0]", "citations[1].quote", "footnotes[3].url" where 3 is the footnote number);
/// "" for a refusal of the whole request. <paramref name="Candidates"/> lists where an ambiguous quote occurs.
/// </summary>
public sealed record FieldError(string Field, string Message, IReadOnlyList<AnchorCandidate>? Candidates = null);

/// <summary>How a source save re-anchored the passages quoted from it.</summary>
/// <param name="NeedsReview">Ids of the passages now waiting in the review queue (fuzzy or orphaned).</param>
public sealed record ReanchorReport(int Exact, int Moved, int Fuzzy, int Orphaned, IReadOnlyList<long> NeedsReview)
{
    public static readonly ReanchorReport None = new(0, 0, 0, 0, []);

    public int Total => Exact + Moved + Fuzzy + Orphaned;
}

/// <summary>What a save, delete, undelete or restore came to; <typeparamref name="TSnapshot"/> is the entity's snapshot type.</summary>
public abstract record EditResult<TSnapshot>
{
    private EditResult()
    {
    }

    /// <summary>Done. <paramref name="Version"/> is the new concurrency token to send with the next save.</summary>
    /// <param name="Reanchoring">For a source save: what happened to the passages quoted from it.</param>
    /// <param name="Warning">For a claim save: the statement lint's warning (saved anyway: a lint never refuses).</param>
    public sealed record Saved(long Id, uint Version, int RevisionNumber, ReanchorReport? Reanchoring = null, StatementWarning? Warning = null) : EditResult<TSnapshot>;

    /// <summary>Refused, nothing written; each error belongs next to a field. The editor's draft is theirs to fix and resend.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : EditResult<TSnapshot>
    {
        public IEnumerable<FieldError> For(string field) => Errors.Where(e => e.Field == field);
    }

    /// <summary>
    /// Someone else saved first (the expected version is stale); nothing written. <paramref name="Current"/> is what is
    /// stored now and <paramref name="CurrentVersion"/> the token to save over it with, once the editor has chosen.
    /// </summary>
    public sealed record Conflict(TSnapshot Current, uint CurrentVersion, int CurrentRevision) : EditResult<TSnapshot>;

    /// <summary>No such entity (or it is deleted and the operation needs a live one).</summary>
    public sealed record NotFound : EditResult<TSnapshot>;
}
