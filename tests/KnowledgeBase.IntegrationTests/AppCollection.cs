using KnowledgeBase.Testing;

namespace KnowledgeBase.IntegrationTests;

/// <summary>One seeded app (and database) shared by the read-only page tests.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<KnowledgeBaseApp>
{
    public const string Name = "seeded app";
}
