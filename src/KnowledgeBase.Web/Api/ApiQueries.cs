using System.Linq.Expressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using KnowledgeBase.Web.Topics;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace KnowledgeBase.Web.Api;

/// <summary>The API's claim filters, resolved to ids.</summary>
public sealed record ApiClaimFilter(int? TopicId, AgreementFlag? Flag, int? SourceId, string? Text, bool SingleRoot = false);

/// <summary>
/// The API's reads. Lists are keyset-paged by id (ascending, so a walk sees every claim once even while claims are
/// added); every page costs one query for the rows, whatever its depth.
/// </summary>
public static class ApiQueries
{
    public static async Task<(IReadOnlyList<ApiClaimSummary> Items, long? Last)> ClaimsAsync(
        KnowledgeBaseDb db, ApiClaimFilter filter, long after, int limit, CancellationToken ct)
    {
        var rows = await ClaimList(db, after, limit + 1, filter.Flag, filter.TopicId, filter.SourceId, filter.SingleRoot ? 1 : null, filter.Text)
            .ToListAsync(ct);
        var more = rows.Count > limit;
        var page = rows.Take(limit).Select(r => new ApiClaimSummary(
            r.Id, r.Slug, r.Statement, ApiFigure.From(r.Figure), r.Agreement.ToSlug(), r.Topics,
            r.Sources.Order(StringComparer.Ordinal).ToList(), Links.Claim(r.Id, r.Slug))).ToList();
        return (page, more ? page[^1].Id : null);
    }

    private sealed record ClaimRow(long Id, string Slug, string Statement, string? Figure, AgreementFlag Agreement, List<string> Topics, List<string> Sources);

    // Compiled once (the list is the API's most read address): composed per request, EF hashed the expression tree,
    // compared it with its query cache and walked it for parameters every time. Compiled, a page took 0.86-0.97 ms of
    // the app's CPU against 1.01-1.09 ms (docs/benchmarks-notes.md). Unset filters drop out of the SQL, as in
    // ClaimQueries.MatchesFilters.
    private static readonly Func<KnowledgeBaseDb, long, int, AgreementFlag?, int?, int?, int?, string?, IAsyncEnumerable<ClaimRow>> ClaimList =
        EF.CompileAsyncQuery(ClaimListQuery().Expand());

    private static Expression<Func<KnowledgeBaseDb, long, int, AgreementFlag?, int?, int?, int?, string?, IQueryable<ClaimRow>>> ClaimListQuery() =>
        (db, after, take, flag, topicId, sourceId, independentRoots, text) => db.Claims.AsNoTracking()
            .Where(c => c.Id > after && ClaimQueries.MatchesFilters.Invoke(db, c, flag, topicId, sourceId, independentRoots))
            .Where(c => text == null
                || EF.Property<NpgsqlTsVector>(c, FullText.VectorProperty).Matches(EF.Functions.WebSearchToTsQuery(FullText.Config, text))
                || c.Citations.Any(x => EF.Property<NpgsqlTsVector>(x.Passage!, FullText.VectorProperty)
                    .Matches(EF.Functions.WebSearchToTsQuery(FullText.Config, text))))
            .OrderBy(c => c.Id)
            .Take(take)
            .Select(c => new ClaimRow(
                c.Id,
                c.Slug,
                c.Statement,
                c.Figure,
                c.Agreement,
                c.Topics.OrderBy(t => t.Slug).Select(t => t.Slug).ToList(),
                c.Citations.Select(x => x.Passage!.Source!.Slug).Distinct().ToList()));

    /// <summary>A claim and its version (xmin, the ETag), read as its page reads it.</summary>
    public static async Task<(ApiClaim Claim, uint Version)?> ClaimAsync(KnowledgeBaseDb db, long id, CancellationToken ct)
    {
        if (await ClaimQueries.FindAsync(db, id, ct) is not { } claim)
        {
            return null;
        }
        var agreement = new ApiAgreement(
            claim.Agreement.ToSlug(), claim.ComputedAgreement.ToSlug(), claim.Rationale,
            claim.OverrideAgreement is { } o ? new ApiOverride(o.ToSlug(), claim.OverrideReason ?? "") : null);
        var citations = claim.Citations.Select(ApiCitation.From).ToList();
        var topics = claim.Topics.Select(t => new ApiTopicRef(t.Slug, t.Name)).ToList();
        return (new ApiClaim(claim.Id, claim.Slug, claim.Statement, ApiFigure.From(claim.Figure), agreement, topics, citations,
            claim.CreatedAt, claim.UpdatedAt, Links.Claim(claim.Id, claim.Slug)), claim.Version);
    }

    public static async Task<(IReadOnlyList<ApiSourceSummary> Items, int? Last)> SourcesAsync(
        KnowledgeBaseDb db, int after, int limit, CancellationToken ct)
    {
        var rows = await db.Sources.AsNoTracking()
            .Where(s => s.Id > after)
            .OrderBy(s => s.Id)
            .Take(limit + 1)
            .Select(s => new { s.Id, s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published, s.Url, s.Retrieved })
            .ToListAsync(ct);
        var more = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        return (page.Select(s => new ApiSourceSummary(s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published,
            s.Url, s.Retrieved, Links.Source(s.Slug))).ToList(), more ? page[^1].Id : null);
    }

    public static async Task<ApiSource?> SourceAsync(KnowledgeBaseDb db, string slug, CancellationToken ct)
    {
        var s = await db.Sources.AsNoTracking()
            .Where(x => x.Slug == slug)
            .Select(x => new
            {
                x.Slug,
                x.Title,
                x.ShortName,
                x.Authors,
                x.Publisher,
                x.Kind,
                x.Published,
                x.Url,
                x.Retrieved,
                x.EditorialNote,
                x.UpdatedAt,
                Footnotes = x.Footnotes.OrderBy(f => f.Number).Select(f => new
                {
                    f.Number,
                    f.Text,
                    f.Cites.Authors,
                    f.Cites.Title,
                    f.Cites.Outlet,
                    f.Cites.Published,
                    f.Cites.Url,
                }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return s is null
            ? null
            : new ApiSource(s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Kind, s.Published, s.Url, s.Retrieved, s.EditorialNote,
                s.Footnotes.Select(f => new ApiFootnote(f.Number, f.Text, new ApiCitedWork(f.Authors, f.Title, f.Outlet, f.Published, f.Url),
                    Links.Footnote(s.Slug, f.Number))).ToList(),
                s.UpdatedAt, Links.Source(s.Slug));
    }

    /// <summary>The topics with their claim counts, from the pages' cached list.</summary>
    public static async Task<List<ApiTopic>> TopicsAsync(KnowledgeBaseDb db, ReadingCache cache, CancellationToken ct) =>
        (await TopicQueries.ListAsync(db, cache, ct)).Select(t => new ApiTopic(t.Slug, t.Name, t.Description, t.ClaimCount, Links.Topic(t.Slug))).ToList();

    /// <summary>A live claim's version alone (one primary-key lookup): enough to answer If-None-Match or If-Match: *.</summary>
    public static Task<uint?> ClaimVersionAsync(KnowledgeBaseDb db, long id, CancellationToken ct) =>
        db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => (uint?)c.Version).SingleOrDefaultAsync(ct);

    /// <summary>A live claim's citation ids in order, as its snapshot lists them.</summary>
    public static Task<List<long>> CitationIdsAsync(KnowledgeBaseDb db, long claimId, CancellationToken ct) =>
        db.Citations.AsNoTracking().Where(c => c.ClaimId == claimId).OrderBy(c => c.Position).Select(c => c.Id).ToListAsync(ct);

    public static Task<int?> TopicIdAsync(KnowledgeBaseDb db, string slug, CancellationToken ct) =>
        db.Topics.AsNoTracking().Where(t => t.Slug == slug).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);

    public static Task<int?> SourceIdAsync(KnowledgeBaseDb db, string slug, CancellationToken ct) =>
        db.Sources.AsNoTracking().Where(s => s.Slug == slug).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
}
