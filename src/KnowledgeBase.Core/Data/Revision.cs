using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeBase.Core.Data;

/// <summary>What a revision belongs to.</summary>
public enum RevisionEntity
{
    Claim,
    Source,
}

/// <summary>What the save that stored a revision did.</summary>
public enum RevisionAction
{
    Created,
    Updated,
    Deleted,
    Undeleted,
    Restored,

    /// <summary>The state an entity had before its first edit, when it came from the seed import (which keeps no history).</summary>
    Imported,
}

/// <summary>
/// One save of a claim or a source: who, when, what they did and why, and the complete editable state after it
/// (a claim or source snapshot as JSON, see Editing), so any two revisions can be compared and
/// any one restored. Numbers run 1, 2, … per entity.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }
    public RevisionEntity EntityType { get; set; }
    public long EntityId { get; set; }
    public int Number { get; set; }
    public RevisionAction Action { get; set; }

    /// <summary>The snapshot as JSON (a jsonb column).</summary>
    public required string Snapshot { get; set; }

    /// <summary>The editor's user id; null for the seed import.</summary>
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Comment { get; set; }
}

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.Property(r => r.EntityType).HasConversion(EnumSlugConverter<RevisionEntity>.Instance).HasMaxLength(16);
        builder.Property(r => r.Action).HasConversion(EnumSlugConverter<RevisionAction>.Instance).HasMaxLength(16);
        builder.Property(r => r.Snapshot).HasColumnType("jsonb");
        builder.Property(r => r.AuthorId).HasMaxLength(EditLimits.AuthorId);
        builder.Property(r => r.AuthorName).HasMaxLength(EditLimits.AuthorName);
        builder.Property(r => r.Comment).HasMaxLength(EditLimits.Comment);
        // Numbers are unique per entity; the history page walks them newest first on the same index.
        builder.HasIndex(r => new { r.EntityType, r.EntityId, r.Number }).IsUnique();
    }
}
