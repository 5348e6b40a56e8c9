using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KnowledgeBase.IntegrationTests.Seeding;

/// <summary>Each test gets an empty database of its own: these tests write.</summary>
public sealed class SeedImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = NewDb();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private KnowledgeBaseDb NewDb()
    {
        var options = new DbContextOptionsBuilder<KnowledgeBaseDb>();
        KnowledgeBaseDb.Configure(options, _database.ConnectionString);
        return new KnowledgeBaseDb(options.Options);
    }

    private async Task<SeedImportResult> ImportAsync(string directory)
    {
        await using var db = NewDb();
        return await new SeedImporter(db, TimeProvider.System).ImportAsync(directory);
    }

    /// <summary>A digest of every row the import writes, timestamps included.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "topics", "sources", "footnotes", "passages", "claims", "claim_topics", "citations" })
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t", connection);
            parts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task Importing_the_seed_fills_an_empty_database()
    {
        var result = await ImportAsync(KnowledgeBaseApp.SeedDirectory);

        Assert.False(result.Unchanged);
        await using var db = NewDb();
        Assert.Equal(2, await db.Sources.CountAsync());
        Assert.True(await db.Claims.CountAsync() >= 45);
        Assert.Equal(Seed.MpIdsa.FootnoteCount, await db.Footnotes.CountAsync(f => f.Source!.Slug == Seed.MpIdsa.Slug));
        Assert.Equal(result.Citations, await db.Citations.CountAsync());
        var bothSources = await db.Claims.CountAsync(c => c.Citations.Select(x => x.Passage!.SourceId).Distinct().Count() == 2);
        Assert.True(bothSources >= 12, $"{bothSources} claims are cited by both documents");
    }

    [Fact]
    public async Task Importing_the_same_seed_again_changes_nothing_and_duplicates_nothing()
    {
        await ImportAsync(KnowledgeBaseApp.SeedDirectory);
        var before = await SnapshotAsync();

        var again = await ImportAsync(KnowledgeBaseApp.SeedDirectory);

        Assert.True(again.Unchanged);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Reapplying_the_seed_row_by_row_writes_nothing_when_nothing_changed()
    {
        await ImportAsync(KnowledgeBaseApp.SeedDirectory);
        var before = await SnapshotAsync();
        await using (var db = NewDb())
        {
            // Forget the import record, so the importer compares every row instead of skipping.
            await db.SeedImports.ExecuteDeleteAsync();
        }

        var again = await ImportAsync(KnowledgeBaseApp.SeedDirectory);

        Assert.False(again.Unchanged);
        Assert.Equal(0, again.Changes);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_seed_with_a_quote_that_is_not_in_the_document_is_refused_whole_naming_the_claim()
    {
        var broken = CopySeed();
        var claims = Path.Combine(broken, "claims.yaml");
        var text = await File.ReadAllTextAsync(claims);
        const string Original = "strategic materials shall only be licensed if they are used for peaceful purposes";
        Assert.Contains(Original, text);
        await File.WriteAllTextAsync(claims, text.Replace(Original, "strategic materials shall always be licensed", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<SeedImportException>(() => ImportAsync(broken));

        var problem = Assert.Single(error.Problems);
        Assert.Contains($"claim '{Seed.Claims.ForeignTradeActClause}'", problem);
        Assert.Contains("not in the document", problem);
        await using var db = NewDb();
        Assert.Equal(0, await db.Claims.CountAsync());
        Assert.Equal(0, await db.Sources.CountAsync());
    }

    private static string CopySeed()
    {
        var target = Path.Combine(Path.GetTempPath(), "kb-seed-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(KnowledgeBaseApp.SeedDirectory, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(KnowledgeBaseApp.SeedDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
