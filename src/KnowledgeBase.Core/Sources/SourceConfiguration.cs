using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace KnowledgeBase.Core.Sources;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        // Soft delete: readers never see a deleted source; the editing services opt out with IgnoreQueryFilters.
        builder.HasQueryFilter(s => s.DeletedAt == null);
        builder.Property(s => s.Slug).HasMaxLength(120);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.ShortName).HasMaxLength(60);
        builder.Property(s => s.Publisher).HasMaxLength(300);
        builder.Property(s => s.Kind).HasMaxLength(60);
        builder.Property(s => s.Published).HasMaxLength(10);
        builder.Property(s => s.Url).HasMaxLength(2000);
        // Sources saved before markers were recorded as restored have none.
        builder.Property(s => s.RestoredMarkers).HasDefaultValueSql("'{}'");
        // Sources index and "newest first" listings.
        builder.HasIndex(s => new { s.Published, s.Id });
        // Finding documents by their words: title, short name, publisher and the whole canonical text.
        builder.Property<NpgsqlTsVector>(FullText.VectorProperty).IsGeneratedTsVectorColumn(
            FullText.Config, nameof(Source.Title), nameof(Source.ShortName), nameof(Source.Publisher), nameof(Source.CanonicalText));
        builder.HasIndex(FullText.VectorProperty).HasMethod("gin");
        builder.HasMany(s => s.Footnotes).WithOne(f => f.Source).HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Passages).WithOne(p => p.Source).HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FootnoteConfiguration : IEntityTypeConfiguration<Footnote>
{
    public void Configure(EntityTypeBuilder<Footnote> builder)
    {
        builder.HasIndex(f => new { f.SourceId, f.Number }).IsUnique();
        builder.HasQueryFilter(f => f.Source!.DeletedAt == null);
        builder.ComplexProperty(f => f.Cites, cites =>
        {
            cites.Property(c => c.Authors).HasColumnName("cites_authors").HasMaxLength(500);
            cites.Property(c => c.Title).HasColumnName("cites_title").HasMaxLength(1000);
            cites.Property(c => c.Outlet).HasColumnName("cites_outlet").HasMaxLength(300);
            cites.Property(c => c.Published).HasColumnName("cites_published").HasMaxLength(10);
            cites.Property(c => c.Url).HasColumnName("cites_url").HasMaxLength(2000);
        });
    }
}

internal sealed class PassageConfiguration : IEntityTypeConfiguration<Passage>
{
    public void Configure(EntityTypeBuilder<Passage> builder)
    {
        // One confirmed passage per span, so citations of the same words share it. Passages awaiting review are
        // outside the rule: an orphan keeps its old offsets, which new text may reuse.
        builder.HasIndex(p => new { p.SourceId, p.Start, p.End }).IsUnique().HasFilter("NOT needs_review");
        // A source's passages (editing, re-anchoring): the unique index above is partial, so it cannot serve them.
        builder.HasIndex(p => p.SourceId);
        builder.HasOne(p => p.Footnote).WithMany().HasForeignKey(p => p.FootnoteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.FootnoteId);
        builder.Property(p => p.Prefix).HasMaxLength(64);
        builder.Property(p => p.Suffix).HasMaxLength(64);
        // Full-text search over quotes and, at a lower weight, their context.
        builder.Property<NpgsqlTsVector>(FullText.VectorProperty).HasComputedColumnSql(FullText.PassageVectorSql, stored: true);
        builder.HasIndex(FullText.VectorProperty).HasMethod("gin");
        builder.Property(p => p.AnchorStatus).HasConversion(EnumSlugConverter<AnchorStatus>.Instance).HasMaxLength(16).HasDefaultValue(AnchorStatus.Exact);
        // The review queue walks passages awaiting review in id order; the partial index holds only those.
        builder.HasIndex(p => p.Id, "ix_passages_needs_review").HasFilter("needs_review").HasDatabaseName("ix_passages_needs_review");
        // The fill after migrations (PassageSentences) finds the passages stored before sentences were kept; the
        // partial index is empty once they are filled, so the check costs nothing on every later start.
        builder.HasIndex(p => p.Id, "ix_passages_sentence_missing").HasFilter("sentence IS NULL").HasDatabaseName("ix_passages_sentence_missing");
        builder.HasQueryFilter(p => p.Source!.DeletedAt == null);
    }
}
