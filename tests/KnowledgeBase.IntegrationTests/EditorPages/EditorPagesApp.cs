using KnowledgeBase.Testing;

namespace KnowledgeBase.IntegrationTests.EditorPages;

/// <summary>
/// A seeded app of its own for the editor pages' tests: they save, restore and re-anchor, and the shared seeded app's
/// read-only tests count on the seed being as imported.
/// </summary>
public sealed class EditorPagesApp : KnowledgeBaseApp;

[CollectionDefinition(Name)]
public sealed class EditorPagesCollection : ICollectionFixture<EditorPagesApp>
{
    public const string Name = "editor pages app";
}
