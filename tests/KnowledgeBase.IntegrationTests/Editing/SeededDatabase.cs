using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KnowledgeBase.IntegrationTests.Editing;

/// <summary>
/// A database migrated and seeded once (through <see cref="SeedImporter"/>), used as a PostgreSQL template: each
/// editing test writes to a copy of its own, made in a fraction of the time a fresh import takes.
/// </summary>
public sealed class SeededTemplate : IAsyncLifetime
{
    private TestDatabase? _template;

    public string Name => _template?.Name ?? throw new InvalidOperationException("The template is not ready.");

    public async Task InitializeAsync()
    {
        _template = await TestDatabase.CreateAsync();
        await using (var db = SeededDatabase.Open(_template.ConnectionString))
        {
            await db.Database.MigrateAsync();
            await new SeedImporter(db, TimeProvider.System).ImportAsync(KnowledgeBaseApp.SeedDirectory);
        }
        // A template must have no open connections while it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        if (_template is not null)
        {
            await _template.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EditingCollection : ICollectionFixture<SeededTemplate>
{
    public const string Name = "Editing";
}

/// <summary>A copy of the seeded template for one test, dropped afterwards.</summary>
public sealed class SeededDatabase : IAsyncDisposable
{
    public static readonly Editor Ada = new("user-ada", "Ada Editor");
    public static readonly Editor Ben = new("user-ben", "Ben Editor");

    private readonly TestDatabase _database;

    private SeededDatabase(TestDatabase database) => _database = database;

    public string ConnectionString => _database.ConnectionString;

    public static async Task<SeededDatabase> CopyAsync(SeededTemplate template) =>
        new(await TestDatabase.CreateAsync(template: template.Name));

    public static KnowledgeBaseDb Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<KnowledgeBaseDb>();
        KnowledgeBaseDb.Configure(options, connectionString);
        return new KnowledgeBaseDb(options.Options);
    }

    public KnowledgeBaseDb NewDb() => Open(ConnectionString);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
