using System.Text.Json;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace KnowledgeBase.Core.Claims;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(120);
        builder.Property(c => c.Statement).HasMaxLength(2000);
        builder.Property(c => c.Figure).HasMaxLength(300);
        builder.Property(c => c.AgreementRationale).HasMaxLength(2000);
        builder.Property(c => c.OverrideReason).HasMaxLength(2000);
        builder.Property(c => c.Agreement).HasConversion(EnumSlugConverter<AgreementFlag>.Instance).HasMaxLength(16);
        builder.Property(c => c.ComputedAgreement).HasConversion(EnumSlugConverter<AgreementFlag>.Instance).HasMaxLength(16);
        builder.Property(c => c.OverrideAgreement).HasConversion(EnumSlugConverter<AgreementFlag>.Instance).HasMaxLength(16);
        builder.Property(c => c.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        // Soft delete: readers never see a deleted claim; the editing services opt out with IgnoreQueryFilters.
        builder.HasQueryFilter(c => c.DeletedAt == null);
        builder.ToTable(t => t.HasTrigger(DerivedByDatabase.ClaimTrigger));
        builder.HasIndex(c => c.Slug).IsUnique();
        // "All claims" filtered by flag, keyset-paged by id.
        builder.HasIndex(c => new { c.Agreement, c.Id });
        // Claims resting on one independent root (no independent confirmation), keyset-paged by id.
        builder.HasIndex(c => new { c.IndependentRoots, c.Id }).HasDatabaseName("ix_claims_by_independent_roots");
        // Full-text search over statements (weighted, so HasComputedColumnSql rather than IsGeneratedTsVectorColumn).
        builder.Property<NpgsqlTsVector>(FullText.VectorProperty).HasComputedColumnSql(FullText.ClaimVectorSql, stored: true);
        builder.HasIndex(FullText.VectorProperty).HasMethod("gin");
        builder.HasMany(c => c.Citations).WithOne(c => c.Claim).HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Topics).WithMany().UsingEntity<ClaimTopic>(
            j => j.HasOne(ct => ct.Topic).WithMany().HasForeignKey(ct => ct.TopicId).OnDelete(DeleteBehavior.Cascade),
            j => j.HasOne(ct => ct.Claim).WithMany().HasForeignKey(ct => ct.ClaimId).OnDelete(DeleteBehavior.Cascade),
            j =>
            {
                // The topic page walks (topic_id, claim_id) in key order: that is its keyset.
                j.HasKey(ct => new { ct.TopicId, ct.ClaimId });
                j.HasIndex(ct => ct.ClaimId);
                j.Property(ct => ct.Agreement).HasConversion(EnumSlugConverter<AgreementFlag>.Instance).HasMaxLength(16);
                DerivedByDatabase.Configure(j.Property(ct => ct.Agreement));
                DerivedByDatabase.Configure(j.Property(ct => ct.ClaimDeleted));
                j.ToTable(t => t.HasTrigger(DerivedByDatabase.ClaimTopicTrigger));
                // A topic's ?flag= walk and its counts per flag: one range of a partial index that holds only live claims.
                j.HasIndex(ct => new { ct.TopicId, ct.Agreement, ct.ClaimId }).HasFilter("NOT claim_deleted");
                j.HasQueryFilter(ct => !ct.ClaimDeleted);
            });
    }
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.Property(c => c.Stance).HasConversion(EnumSlugConverter<Stance>.Instance).HasMaxLength(20);
        builder.Property(c => c.Attribution).HasMaxLength(300);
        builder.Property(c => c.Figure).HasMaxLength(300);
        builder.Property(c => c.Voice).HasConversion(EnumSlugConverter<Voice>.Instance).HasMaxLength(16);
        builder.Property(c => c.Certainty).HasConversion(EnumSlugConverter<Certainty>.Instance).HasMaxLength(16);
        builder.Property(c => c.AsOfWords).HasMaxLength(EditLimits.AsOfWords);
        // One small JSON value rather than five columns: it is read and written whole, never filtered on.
        builder.Property(c => c.Derivation).HasColumnType("jsonb").HasConversion(DerivationConversion.Converter);
        builder.HasIndex(c => new { c.ClaimId, c.PassageId }).IsUnique();
        builder.HasIndex(c => c.PassageId);
        DerivedByDatabase.Configure(builder.Property(c => c.SourceId));
        builder.ToTable(t => t.HasTrigger(DerivedByDatabase.CitationTrigger));
        // Source filters (topic, all claims, search, API, compare) and the source page: a source's citing claims.
        builder.HasIndex(c => new { c.SourceId, c.ClaimId });
        builder.HasOne(c => c.Passage).WithMany().HasForeignKey(c => c.PassageId).OnDelete(DeleteBehavior.Restrict);
        // A deleted claim's citations stay (undelete brings them back) but no reader sees them.
        builder.HasQueryFilter(c => c.Claim!.DeletedAt == null);
    }
}

/// <summary>A derivation as JSON: an immutable record, so EF compares it by value.</summary>
internal static class DerivationConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    // EF never hands a converter a null (a null property is a NULL column), so the nullable type is only the property's.
    public static readonly ValueConverter<CitationDerivation?, string> Converter = new(
        d => JsonSerializer.Serialize(d, Options),
        s => JsonSerializer.Deserialize<CitationDerivation>(s, Options));
}

/// <summary>
/// Columns the database derives from other tables with triggers (created in the ScaleIndexes migration), so every
/// writer — the editing services, the seed importer, a bulk COPY — keeps them right without code of its own. EF never
/// writes them and reads them back after each insert or update.
/// </summary>
internal static class DerivedByDatabase
{
    /// <summary>citations.source_id from the passage's source.</summary>
    public const string CitationTrigger = "citations_source_id";

    /// <summary>claim_topics.agreement and claim_deleted from the claim, on insert.</summary>
    public const string ClaimTopicTrigger = "claim_topics_from_claim";

    /// <summary>Copies a claim's new flag or deletion onto its claim_topics rows.</summary>
    public const string ClaimTrigger = "claims_to_claim_topics";

    public static void Configure(PropertyBuilder property)
    {
        property.ValueGeneratedOnAddOrUpdate();
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
