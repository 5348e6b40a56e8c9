namespace KnowledgeBase.Core.Data;

/// <summary>A record of each seed import, so a repeated import of unchanged seed data does nothing.</summary>
public sealed class SeedImport
{
    public int Id { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string Summary { get; set; }
}
