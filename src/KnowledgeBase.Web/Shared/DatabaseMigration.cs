using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// Brings the database up to the latest migration, then fills what a migration cannot derive in SQL (passages'
/// sentences, <see cref="PassageSentences"/>): every command that writes does it first.
/// </summary>
public static class DatabaseMigration
{
    public static async Task RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>();
        await db.Database.MigrateAsync();
        await PassageSentences.FillMissingAsync(db);
    }
}
