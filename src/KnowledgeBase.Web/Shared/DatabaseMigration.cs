using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Shared;

/// <summary>Brings the database up to the latest migration: every command that writes does it first.</summary>
public static class DatabaseMigration
{
    public static async Task RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>().Database.MigrateAsync();
    }
}
