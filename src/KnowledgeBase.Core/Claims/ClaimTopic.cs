using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Claims;

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
