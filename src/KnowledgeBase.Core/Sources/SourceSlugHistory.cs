using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeBase.Core.Sources;

/// <summary>
/// A slug a source used to have. Links people saved keep working: the old address redirects to the new one.
/// </summary>
public sealed class SourceSlugHistory
{
    public long Id { get; set; }
    public int SourceId { get; set; }
    public required string Slug { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class SourceSlugHistoryConfiguration : IEntityTypeConfiguration<SourceSlugHistory>
{
    public void Configure(EntityTypeBuilder<SourceSlugHistory> builder)
    {
        builder.Property(h => h.Slug).HasMaxLength(120);
        // One owner per old slug: the source that last gave it up.
        builder.HasIndex(h => h.Slug).IsUnique();
        builder.HasOne<Source>().WithMany().HasForeignKey(h => h.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
