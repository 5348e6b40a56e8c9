using KnowledgeBase.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Testing;

/// <summary>Documents that tests add to the seeded knowledge base, and take away again, through the source editing service.</summary>
public static class SourcesTesting
{
    /// <summary>Adds the document as "Test setup"; returns its id.</summary>
    public static async Task<int> CreateSourceAsync(this KnowledgeBaseApp app, SourceDraft draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SourceEditing>().CreateAsync(draft, new Editor("test-setup", "Test setup"));
        return (int)Assert.IsType<EditResult<SourceSnapshot>.Saved>(result).Id;
    }

    /// <summary>Deletes the document (softly) unless it is deleted already, so the seeded documents are all that readers see again.</summary>
    public static async Task DeleteSourceAsync(this KnowledgeBaseApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<SourceEditing>();
        if (await editing.FindAsync(id) is { DeletedAt: null } source)
        {
            Assert.IsType<EditResult<SourceSnapshot>.Saved>(await editing.DeleteAsync(id, source.Version, new Editor("test-cleanup", "Test cleanup")));
        }
    }

    /// <summary>The document's id, deleted or not; null when no document has that slug (its editor refused it).</summary>
    public static Task<int?> SourceIdAsync(this KnowledgeBaseApp app, string slug) =>
        app.QueryAsync(db => db.Sources.IgnoreQueryFilters().Where(s => s.Slug == slug).Select(s => (int?)s.Id).SingleOrDefaultAsync());
}
