namespace KnowledgeBase.Core.Shared;

/// <summary>
/// What the editors' write path needs of an aggregate it saves (a claim, a source), so one piece of code can check a
/// save's version, stamp its time and soft-delete either.
/// </summary>
public interface IEditable
{
    /// <summary>The id its revisions are filed under.</summary>
    long Id { get; }

    string Slug { get; }

    /// <summary>Optimistic concurrency token: PostgreSQL's <c>xmin</c>, which changes whenever the row does.</summary>
    uint Version { get; }

    DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When an editor deleted it (soft delete).</summary>
    DateTimeOffset? DeletedAt { get; set; }
}
