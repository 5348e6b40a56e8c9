using KnowledgeBase.Core.Editing;
using KnowledgeBase.IntegrationTests.Compare;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnowledgeBase.IntegrationTests.Caching;

/// <summary>
/// Writes by another process (here: a plain connection, as psql or ./kb seed would make) reach the app's caches through
/// the database's content notifications; its own writes are not counted twice.
/// </summary>
public sealed class ContentNotificationTests(KnowledgeBaseApp app) : IClassFixture<KnowledgeBaseApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_claim_changed_by_another_process_is_served_fresh_once_its_notification_arrives()
    {
        var client = PageClient.For(app);
        var claim = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var url = $"/claims/{claim.Id}/{claim.Slug}";
        Assert.DoesNotContain("written elsewhere", await client.GetPageAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("written elsewhere", await client.GetPageAsync(url), StringComparison.Ordinal); // now cached

        await using (var other = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE claims SET statement = statement || ' (written elsewhere)' WHERE id = @id", other);
            update.Parameters.AddWithValue("id", claim.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var deadline = DateTime.UtcNow + Patience;
        while (!(await client.GetPageAsync(url)).Contains("(written elsewhere)", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the cached page stayed stale for {Patience.TotalSeconds} s after another process's write");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_app_s_own_committed_write_moves_the_content_version_once()
    {
        var cache = app.Services.GetRequiredService<ReadingCache>();
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
        var editable = (await editing.FindAsync(claim.Id))!;
        var draft = editable.Snapshot.ToDraft();
        draft.Statement += " Checked.";

        var before = cache.Version;
        Assert.IsType<EditResult<KnowledgeBase.Core.Editing.ClaimSnapshot>.Saved>(
            await editing.UpdateAsync(claim.Id, draft, editable.Version, new Editor("user-ada", "Ada Editor")), exactMatch: false);
        Assert.Equal(before + 1, cache.Version);

        // Notifications arrive in commit order: once a later foreign write has been heard (its change is served), the
        // notification of our own write was handled too, and must not have moved the version again.
        var client = PageClient.For(app);
        await client.GetPageAsync("/topics"); // cached, so that seeing the change proves the notification was handled
        await using (var other = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var touch = new NpgsqlCommand("UPDATE topics SET name = name || ' (renamed elsewhere)' WHERE id = (SELECT min(id) FROM topics)", other);
            Assert.Equal(1, await touch.ExecuteNonQueryAsync());
        }
        var deadline = DateTime.UtcNow + Patience;
        while (!(await client.GetPageAsync("/topics")).Contains("(renamed elsewhere)", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "another process's write was never heard");
            await Task.Delay(20);
        }
        Assert.Equal(before + 2, cache.Version);
    }
}
