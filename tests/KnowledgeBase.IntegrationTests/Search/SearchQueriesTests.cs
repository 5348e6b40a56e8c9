using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Search;

[Collection(AppCollection.Name)]
public sealed class SearchQueriesTests(KnowledgeBaseApp app)
{
    private static readonly SearchFilters None = new(null, null, null);

    [Fact]
    public async Task Keyset_pages_over_rank_and_id_give_the_same_order_as_one_page()
    {
        var all = await app.QueryAsync(db => SearchQueries.HitsAsync(db, "Korea", None, null, CancellationToken.None, pageSize: 500));

        var walked = new List<long>();
        SearchCursor? after = null;
        var pages = 0;
        do
        {
            var page = await app.QueryAsync(db => SearchQueries.HitsAsync(db, "Korea", None, after, CancellationToken.None, pageSize: 7));
            Assert.Equal(all.Total, page.Total);
            walked.AddRange(page.Ids);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.True(all.Ids.Count > 14);
        Assert.Equal(all.Ids, walked);
        Assert.Equal((all.Ids.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task A_statement_match_ranks_above_a_claim_found_only_through_a_quote()
    {
        // Some claims say "troops" in their statement (weight A); others only in a quote (B) or its context (D).
        var page = await app.QueryAsync(db => SearchQueries.HitsAsync(db, "troops", None, null, CancellationToken.None, pageSize: 100));
        var statements = await app.QueryAsync(db => db.Claims.Where(c => page.Ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Statement));

        var inStatement = page.Ids.Select((id, i) => (i, hit: statements[id].Contains("troop", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Contains(inStatement, x => x.hit);
        Assert.Contains(inStatement, x => !x.hit);
        var lastStatementHit = inStatement.Where(x => x.hit).Max(x => x.i);
        var firstQuoteOnly = inStatement.Where(x => !x.hit).Min(x => x.i);
        Assert.True(lastStatementHit < firstQuoteOnly, "claims whose statement matches come before claims matched only by a quote");
    }

    [Fact]
    public async Task The_candidate_cap_bounds_the_work_and_is_reported()
    {
        var capped = await app.QueryAsync(db => SearchQueries.HitsAsync(db, "Korea", None, null, CancellationToken.None, pageSize: 100, cap: 3));
        var full = await app.QueryAsync(db => SearchQueries.HitsAsync(db, "Korea", None, null, CancellationToken.None, pageSize: 100));

        Assert.True(capped.Capped);
        Assert.InRange(capped.Total, 1, 6);
        Assert.False(full.Capped);
        Assert.True(full.Total > 6);
    }

    [Fact]
    public async Task Results_keep_the_ranked_order_and_highlight_statement_and_quote()
    {
        var page = await app.QueryAsync(db => SearchQueries.HitsAsync(db, "Kursk", None, null, CancellationToken.None));
        var results = await app.QueryAsync(db => SearchQueries.ResultsAsync(db, "Kursk", page.Ids, null, CancellationToken.None));

        // The troops in Kursk rank first: "Kursk" is in their statement as well as their quotes.
        Assert.Equal(
            [Seed.Claims.CombatPredictedLateOctober, Seed.Claims.KurskSurpriseAttack, Seed.Claims.TroopsInKursk],
            results.Select(r => r.Slug).Order(StringComparer.Ordinal));
        var kursk = results[0];
        Assert.Equal(Seed.Claims.TroopsInKursk, kursk.Slug);
        Assert.Equal(AgreementFlag.Agree, kursk.Agreement);
        Assert.Equal(["USIP", "MP-IDSA"], kursk.Sources);
        Assert.Contains($"{Highlight.Start}Kursk{Highlight.Stop}", kursk.StatementHeadline);
        Assert.NotNull(kursk.Quote);
        Assert.Contains($"{Highlight.Start}Kursk{Highlight.Stop}", kursk.Quote.Exact);
    }

    [Fact]
    public async Task Only_stop_words_leave_nothing_to_search_for()
    {
        Assert.Equal(0, await app.QueryAsync(db => SearchQueries.TermCountAsync(db, "the and of", CancellationToken.None)));
        Assert.Equal(3, await app.QueryAsync(db => SearchQueries.TermCountAsync(db, "Kursk troops", CancellationToken.None)));
    }

    [Fact]
    public async Task A_page_tells_nothing_to_search_for_from_no_match_and_from_a_match()
    {
        var stopWords = await app.QueryAsync(db => SearchQueries.PageAsync(db, "the and of", None, null, withSources: true, CancellationToken.None));
        var noMatch = await app.QueryAsync(db => SearchQueries.PageAsync(db, "zebrafish", None, null, withSources: true, CancellationToken.None));
        var found = await app.QueryAsync(db => SearchQueries.PageAsync(db, "Kursk", None, null, withSources: true, CancellationToken.None));
        var withoutSources = await app.QueryAsync(db => SearchQueries.PageAsync(db, "Kursk", None, null, withSources: false, CancellationToken.None));

        Assert.True(stopWords.NothingToSearch);
        Assert.Empty(stopWords.Claims);
        Assert.False(noMatch.NothingToSearch);
        Assert.Empty(noMatch.Claims);
        Assert.Equal(0, noMatch.Hits.Total);
        Assert.False(found.NothingToSearch);
        Assert.Equal(found.Hits.Ids, found.Claims.Select(c => c.Id));
        Assert.NotEmpty(found.Sources);
        Assert.Equal(found.Hits.Ids, withoutSources.Hits.Ids);
        Assert.Empty(withoutSources.Sources);
    }

    [Fact]
    public async Task The_generated_vectors_exist_and_are_gin_indexed()
    {
        var indexes = await app.QueryAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname LIKE '%search_vector'")
            .ToListAsync());

        Assert.Equal(3, indexes.Count);
        Assert.All(indexes, i => Assert.Contains("USING gin (search_vector)", i));
    }
}
