using KnowledgeBase.Testing;

namespace KnowledgeBase.IntegrationTests.Caching;

/// <summary>The seeded app with the output cache switched off (KnowledgeBase:OutputCache=false): every request renders.</summary>
public sealed class UncachedApp : KnowledgeBaseApp
{
    protected override bool OutputCache => false;
}
