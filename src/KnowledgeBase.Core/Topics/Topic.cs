using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeBase.Core.Topics;

/// <summary>A subject researchers browse by; a claim belongs to one or more.</summary>
public sealed class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public List<Claim> Claims { get; set; } = [];
}

/// <summary>The claim–topic link; its key (topic, claim) is the topic page's keyset.</summary>
public sealed class ClaimTopic
{
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public long ClaimId { get; set; }
    public Claim? Claim { get; set; }

    /// <summary>The claim's flag, copied by the database (triggers) so a topic's flag filter and counts read one index.</summary>
    public AgreementFlag Agreement { get; private set; }

    /// <summary>Whether the claim is soft-deleted, copied by the database (triggers): the soft-delete filter without a join.</summary>
    public bool ClaimDeleted { get; private set; }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(120);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(2000);
    }
}
