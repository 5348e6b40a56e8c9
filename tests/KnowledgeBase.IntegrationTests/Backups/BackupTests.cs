using System.Diagnostics;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Backups;

/// <summary><c>./kb backup</c> and <c>./kb restore</c> on the test's databases: what comes back is what went out.</summary>
public sealed class BackupTests(KnowledgeBaseApp app) : IClassFixture<KnowledgeBaseApp>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kb-backup-test-").FullName;

    [Fact]
    public async Task A_backup_restored_into_a_new_database_exports_byte_for_byte_as_the_original()
    {
        var account = await app.CreateAccountAsync("Editor");
        var backup = Path.Combine(_work, "kb.dump");
        var (backedUp, _, backupErrors) = await KbAsync(app.Database.ConnectionString, "backup", backup);
        Assert.True(backedUp == 0, backupErrors);

        await using var restored = await TestDatabase.CreateAsync();
        var (restoredCode, _, restoreErrors) = await KbAsync(restored.ConnectionString, "restore", backup);
        Assert.True(restoredCode == 0, restoreErrors);

        var original = await ExportAsync(app.Database.ConnectionString, "original");
        var copy = await ExportAsync(restored.ConnectionString, "restored");
        var files = Directory.GetFiles(original, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(original, f)).Order().ToList();
        Assert.Contains("claims.yaml", files);
        Assert.Equal(files, Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(copy, f)).Order());
        foreach (var file in files)
        {
            var before = await File.ReadAllBytesAsync(Path.Combine(original, file));
            var after = await File.ReadAllBytesAsync(Path.Combine(copy, file));
            Assert.True(before.AsSpan().SequenceEqual(after), $"{file} differs between the original and the restored database");
        }
        // Accounts are not exported, but they are backed up.
        await using var db = Context(restored.ConnectionString);
        Assert.True(await db.Users.AnyAsync(u => u.Id == account.Id));
    }

    [Fact]
    public async Task Restoring_into_a_database_that_holds_anything_is_refused_and_changes_nothing()
    {
        var backup = Path.Combine(_work, "kb.dump");
        Assert.Equal(0, (await KbAsync(app.Database.ConnectionString, "backup", backup)).Code);
        var claims = await app.QueryAsync(db => db.Claims.CountAsync());

        var (code, _, errors) = await KbAsync(app.Database.ConnectionString, "restore", backup);

        Assert.Equal(1, code);
        Assert.Contains("refusing to restore", errors, StringComparison.Ordinal);
        Assert.Contains("not empty", errors, StringComparison.Ordinal);
        Assert.Equal(claims, await app.QueryAsync(db => db.Claims.CountAsync()));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        var backup = Path.Combine(_work, "taken.dump");
        await File.WriteAllTextAsync(backup, "keep me");

        var (code, _, errors) = await KbAsync(app.Database.ConnectionString, "backup", backup);

        Assert.Equal(1, code);
        Assert.Contains("exists", errors, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(backup));
    }

    private async Task<string> ExportAsync(string connectionString, string name)
    {
        var directory = Path.Combine(_work, name);
        await using var db = Context(connectionString);
        await new SeedExporter(db).ExportAsync(directory, force: false, revisions: true);
        return directory;
    }

    private static KnowledgeBaseDb Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<KnowledgeBaseDb>();
        KnowledgeBaseDb.Configure(options, connectionString);
        return new KnowledgeBaseDb(options.Options);
    }

    /// <summary>Runs the repository's launcher with KB_DATABASE set to the database.</summary>
    private static async Task<(int Code, string Output, string Errors)> KbAsync(string database, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "kb"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KB_DATABASE"] = database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "kb")) && File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No repository (kb and KnowledgeBase.sln) above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
