using System.Net;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Sources;

/// <summary>Renames a source, so it runs on an app and database of its own.</summary>
public sealed class RenamedSourceTests : IAsyncLifetime
{
    private readonly KnowledgeBaseApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task The_old_address_of_a_renamed_source_redirects_to_the_new_one()
    {
        const string Old = Seed.Usip.Slug;
        const string New = "usip-2024-how-should-seoul-respond";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>();
            var editing = scope.ServiceProvider.GetRequiredService<SourceEditing>();
            var id = await db.Sources.Where(s => s.Slug == Old).Select(s => s.Id).SingleAsync();
            var editable = (await editing.FindAsync(id))!;
            var draft = editable.Snapshot.ToDraft();
            draft.Slug = New;

            var result = await editing.UpdateAsync(id, draft, editable.Version, new Editor("test", "Test Editor"), "rename");

            Assert.IsType<EditResult<SourceSnapshot>.Saved>(result);
        }
        using var client = PageClient.For(_app);

        using var renamed = await client.GetAsync(new Uri(Links.Source(Old), UriKind.Relative));
        var page = await client.GetPageAsync(Links.Source(New));

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(Links.Source(New), renamed.Headers.Location?.AbsolutePath);
        Assert.Contains("How Should Seoul Respond", page);
        using var unknown = await client.GetAsync(new Uri(Links.Source("never-existed"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
