using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Browse;

/// <summary>
/// The seeded claims with their flags, topics, sources and cited outlets, loaded plainly so that tests can work out
/// what a filtered list must hold in memory, independently of the app's queries.
/// </summary>
internal sealed record ClaimFacts(long Id, AgreementFlag Flag, IReadOnlySet<string> Topics, IReadOnlySet<string> Sources, IReadOnlySet<string> Outlets)
{
    public static async Task<List<ClaimFacts>> LoadAsync(KnowledgeBaseApp app) => await app.QueryAsync(async db =>
    {
        var claims = await db.Claims.Select(c => new { c.Id, c.Agreement }).ToListAsync();
        var topics = await db.ClaimTopics.Select(x => new { x.ClaimId, x.Topic!.Slug }).ToListAsync();
        var citations = await db.Citations
            .Select(x => new { x.ClaimId, Source = x.Passage!.Source!.Slug, Outlet = x.Passage.Footnote == null ? null : x.Passage.Footnote.Cites.Outlet })
            .ToListAsync();
        return claims.Select(c => new ClaimFacts(
                c.Id,
                c.Agreement,
                topics.Where(t => t.ClaimId == c.Id).Select(t => t.Slug).ToHashSet(),
                citations.Where(x => x.ClaimId == c.Id).Select(x => x.Source).ToHashSet(),
                citations.Where(x => x.ClaimId == c.Id && x.Outlet != null).Select(x => x.Outlet!).ToHashSet()))
            .ToList();
    });
}
