using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Editing.Claims;

/// <summary>A document an editor can cite.</summary>
public sealed record SourceOption(int Id, string Slug, string ShortName, string Title);

/// <summary>A topic an editor can file a claim under.</summary>
public sealed record TopicOption(string Slug, string Name);

/// <summary>The choices the claim editor offers: every live document and every topic (both small lists), two queries.</summary>
public static class ClaimEditorQueries
{
    public static Task<List<SourceOption>> SourcesAsync(KnowledgeBaseDb db, CancellationToken ct) =>
        db.Sources.AsNoTracking().OrderBy(s => s.ShortName).ThenBy(s => s.Id)
            .Select(s => new SourceOption(s.Id, s.Slug, s.ShortName, s.Title)).ToListAsync(ct);

    public static Task<List<TopicOption>> TopicsAsync(KnowledgeBaseDb db, CancellationToken ct) =>
        db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new TopicOption(t.Slug, t.Name)).ToListAsync(ct);
}
