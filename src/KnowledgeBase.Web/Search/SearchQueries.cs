using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeBase.Web.Search;

/// <summary>The filters as the database knows them (ids resolved from the slugs in the address).</summary>
public sealed record SearchFilters(int? TopicId, AgreementFlag? Flag, int? SourceId);

/// <summary>A page of ranked claim ids; <see cref="Total"/> counts every candidate, at most two caps' worth.</summary>
public sealed record SearchHitPage(IReadOnlyList<long> Ids, SearchCursor? Next, int Total, bool Capped);

/// <summary>A quote that matched, in its context, each part a ts_headline with match markers.</summary>
public sealed record QuoteMatch(long PassageId, string SourceSlug, string SourceShortName, string Prefix, string Exact, string Suffix);

/// <summary>A claim found by a search, as the results list shows it.</summary>
public sealed record ClaimResult(
    long Id, string Slug, string StatementHeadline, string? Figure, AgreementFlag Agreement, IReadOnlyList<string> Sources, QuoteMatch? Quote);

/// <summary>What a page of search results shows; <see cref="NothingToSearch"/> when the text has no searchable word.</summary>
public sealed record SearchResults(bool NothingToSearch, SearchHitPage Hits, IReadOnlyList<ClaimResult> Claims, IReadOnlyList<SourceResult> Sources)
{
    public static readonly SearchResults None = new(false, new SearchHitPage([], null, 0, false), [], []);
}

/// <summary>A document whose text matches; its title as a headline (titles are short; bodies are never headlined).</summary>
public sealed record SourceResult(string Slug, string TitleHeadline, string ShortName, string Kind, string Published);

public sealed record FilterOption(int Id, string Slug, string Label);

/// <summary>What the filter form offers: every topic and the newest sources, by name.</summary>
public sealed record FilterOptions(IReadOnlyList<FilterOption> Topics, IReadOnlyList<FilterOption> Sources);

/// <summary>
/// Full-text search with PostgreSQL's <c>websearch_to_tsquery('english', …)</c> over the generated, GIN-indexed
/// <c>search_vector</c> columns. A page costs a fixed number of queries: the ranked page of ids, the page's rows with
/// their highlights, (first page only) the matching documents, and, only when nothing matched, whether the text has any
/// searchable word (<see cref="PageAsync"/>).
/// </summary>
public static class SearchQueries
{
    public const int PageSize = 20;

    /// <summary>
    /// How many matches each path (claims by statement, passages by quote) takes before ranking. A common word at a million claims
    /// matches far more; ranking is then over the newest <see cref="CandidateCap"/> of each, which keeps a page
    /// fast, and the page says so.
    /// </summary>
    /// <remarks>
    /// At a million claims the cost of a common word is ranking: ts_rank over each candidate's statement and quotes.
    /// 2 × 500 candidates took 20–40 ms of SQL; 2 × 200 keep a page near 10 ms (docs/benchmarks.md).
    /// </remarks>
    public const int CandidateCap = 200;

    /// <summary>
    /// How many matching documents are ranked for the documents list: their vectors cover whole texts, so each rank
    /// reads kilobytes (500 of them took 26 ms at 20,000 documents; 100 take 1 ms).
    /// </summary>
    public const int SourceCandidateCap = 100;

    public const int SourceLimit = 10;

    // Rows read with SqlQueryRaw: EF matches their properties to the columns by the snake_case names of the model.

    /// <summary>A ranked claim id, with the count of candidates and whether a cap cut them (the same on every row).</summary>
    private sealed record HitRow(long Id, float Rank, int Total, bool Capped);

    /// <summary>A claim's row; the quote's columns are null when only its statement matched.</summary>
    private sealed record ResultRow(
        long Id, string Slug, string StatementHeadline, string? Figure, string Agreement, string[] Sources,
        long? QuotePassageId, string? QuoteSourceSlug, string? QuoteSourceShortName, string? QuotePrefix, string? QuoteExact, string? QuoteSuffix);

    /// <summary>
    /// A page of results: the ranked claims with their rows, and on request the matching documents. Whether the text
    /// has any searchable word is asked only when no claim matched: a text of stop words alone makes an empty query,
    /// which <see cref="HitsAsync"/> turns away before reading a row, so a search that finds something costs one round
    /// trip fewer.
    /// </summary>
    public static async Task<SearchResults> PageAsync(
        KnowledgeBaseDb db, string text, SearchFilters filters, SearchCursor? after, bool withSources, CancellationToken ct, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var hits = await HitsAsync(db, text, filters, after, ct, pageSize);
        if (hits.Ids.Count == 0 && await TermCountAsync(db, text, ct) == 0)
        {
            return SearchResults.None with { NothingToSearch = true };
        }
        var claims = await ResultsAsync(db, text, hits.Ids, filters.SourceId, ct);
        var sources = withSources ? await SourcesAsync(db, text, ct) : [];
        return new SearchResults(false, hits, claims, sources);
    }

    /// <summary>How many lexemes the query has after stemming and stop words: 0 means nothing to search for.</summary>
    public static Task<int> TermCountAsync(KnowledgeBaseDb db, string text, CancellationToken ct) =>
        db.Database.SqlQueryRaw<int>("SELECT numnode(websearch_to_tsquery('english', @q)) AS \"Value\"", Text("q", text)).SingleAsync(ct);

    /// <summary>
    /// Claims whose statement, or any quote citing them, matches; ranked by the statement's rank (weight A) plus
    /// the best quote's (B for the quote, D for its context), keyset-paged over (rank, id).
    /// </summary>
    public static async Task<SearchHitPage> HitsAsync(
        KnowledgeBaseDb db, string text, SearchFilters filters, SearchCursor? after, CancellationToken ct, int pageSize = PageSize, int cap = CandidateCap)
    {
        var claimFilter = "";
        var parameters = new List<NpgsqlParameter> { Text("q", text), Int("cap", cap), Int("take", pageSize + 1) };
        if (filters.Flag is { } flag)
        {
            claimFilter += " AND c.agreement = @flag";
            parameters.Add(Text("flag", flag.ToSlug()));
        }
        if (filters.TopicId is { } topicId)
        {
            claimFilter += " AND EXISTS (SELECT 1 FROM claim_topics ct WHERE ct.topic_id = @topic AND ct.claim_id = c.id)";
            parameters.Add(Int("topic", topicId));
        }
        var statementSourceFilter = "";
        var passageSourceFilter = "";
        if (filters.SourceId is { } sourceId)
        {
            statementSourceFilter = " AND EXISTS (SELECT 1 FROM citations sc WHERE sc.claim_id = c.id AND sc.source_id = @source)";
            passageSourceFilter = " AND p.source_id = @source";
            parameters.Add(Int("source", sourceId));
        }
        var keyset = "";
        if (after is { } cursor)
        {
            keyset = "WHERE (rank, id) < (@after_rank, @after_id)";
            parameters.Add(new NpgsqlParameter("after_rank", NpgsqlDbType.Real) { Value = cursor.Rank });
            parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Bigint) { Value = cursor.Id });
        }

        // Each path stops at the cap: the planner either walks the primary key backwards checking the vector
        // (common words) or reads the GIN index (rare words); either way it never ranks every match. Telling the two
        // apart needs word statistics that reach rare words: the search vectors' statistics target is raised for
        // that (migration SearchStatistics; with the default, a rare word walked the whole key: 0.3 s at 1M claims;
        // at 1,000 on quotes and documents, a rare search's SQL took 7.7 ms against 4.5 ms at 1M). q is NOT
        // MATERIALIZED so the planner sees the words and can estimate how many rows match: materialized, it could
        // not, and walked the whole primary key for a rare word (4.8 s at a million claims; 7 ms inlined). Quotes are capped as passages, before the joins: capped after them, a misestimate made
        // the planner merge-join the whole citations index (1.2 s for a common word). Each candidate is ranked where
        // it is found: a claim's rank is its statement's (a partial match counts, as ts_rank counts it) plus its best
        // candidate quote's. Looking up every quote of every candidate claim again cost two thirds of a common word's
        // query (15 of 23 ms at 1M claims, docs/benchmarks.md); the two differ only when the quotes were capped, and
        // the page then says the ranking is among the newest matches. numnode(q.query) > 0 folds to a constant: an
        // empty query (stop words only) then plans as nothing to scan, whatever the filters, instead of a walk that no
        // row can end.
        var sql = $"""
            WITH q AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', @q) AS query),
            by_statement AS (
                SELECT c.id, ts_rank(c.search_vector, q.query) AS rank FROM claims c, q
                WHERE numnode(q.query) > 0 AND c.deleted_at IS NULL AND c.search_vector @@ q.query{claimFilter}{statementSourceFilter}
                ORDER BY c.id DESC LIMIT @cap),
            quoted AS (
                SELECT p.id, ts_rank(p.search_vector, q.query) AS rank FROM passages p, q
                WHERE numnode(q.query) > 0 AND p.search_vector @@ q.query{passageSourceFilter}
                ORDER BY p.id DESC LIMIT @cap),
            by_quote AS (
                SELECT ci.claim_id AS id, max(quoted.rank) AS rank, max(ts_rank(c.search_vector, q.query)) AS statement_rank
                FROM quoted
                JOIN citations ci ON ci.passage_id = quoted.id
                JOIN claims c ON c.id = ci.claim_id, q
                WHERE c.deleted_at IS NULL{claimFilter}
                GROUP BY ci.claim_id),
            ranked AS (
                SELECT coalesce(s.id, b.id) AS id, (coalesce(s.rank, b.statement_rank) + coalesce(b.rank, 0))::real AS rank
                FROM by_statement s FULL JOIN by_quote b ON b.id = s.id)
            SELECT id, rank,
                (SELECT count(*) FROM ranked)::int AS total,
                ((SELECT count(*) FROM by_statement) >= @cap OR (SELECT count(*) FROM quoted) >= @cap) AS capped
            FROM ranked {keyset}
            ORDER BY rank DESC, id DESC
            LIMIT @take
            """;

        // Past the last result the page is empty and carries no count: none is needed to say so.
        var rows = await db.Database.SqlQueryRaw<HitRow>(sql, parameters.ToArray()).ToListAsync(ct);
        var more = rows.Count > pageSize;
        var items = more ? rows[..pageSize] : rows;
        return new SearchHitPage(
            items.Select(r => r.Id).ToList(),
            more ? new SearchCursor(items[^1].Rank, items[^1].Id) : null,
            rows.Count > 0 ? rows[0].Total : 0,
            rows.Count > 0 && rows[0].Capped);
    }

    /// <summary>The rows for a page of ids, in the given order: statement and best quote highlighted, citing documents.</summary>
    public static async Task<IReadOnlyList<ClaimResult>> ResultsAsync(
        KnowledgeBaseDb db, string text, IReadOnlyList<long> ids, int? sourceId, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var sql = $"""
            WITH q AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', @q) AS query)
            SELECT c.id, c.slug, ts_headline('english', c.statement, q.query, @all) AS statement_headline, c.figure, c.agreement,
                ARRAY(SELECT s.short_name FROM citations ci JOIN passages p ON p.id = ci.passage_id JOIN sources s ON s.id = p.source_id
                      WHERE ci.claim_id = c.id GROUP BY s.short_name ORDER BY min(ci.position)) AS sources,
                bq.id AS quote_passage_id, bq.slug AS quote_source_slug, bq.short_name AS quote_source_short_name,
                ts_headline('english', bq.prefix, q.query, @all) AS quote_prefix,
                ts_headline('english', bq.exact, q.query, @all) AS quote_exact,
                ts_headline('english', bq.suffix, q.query, @all) AS quote_suffix
            FROM claims c CROSS JOIN q
            LEFT JOIN LATERAL (
                SELECT p.id, s.slug, s.short_name, p.prefix, p.exact, p.suffix
                FROM citations ci JOIN passages p ON p.id = ci.passage_id JOIN sources s ON s.id = p.source_id
                WHERE ci.claim_id = c.id AND p.search_vector @@ q.query{(sourceId is null ? "" : " AND p.source_id = @source")}
                ORDER BY ts_rank(p.search_vector, q.query) DESC, ci.position
                LIMIT 1) bq ON true
            WHERE c.id = ANY(@ids)
            """;
        var parameters = new List<NpgsqlParameter>
        {
            Text("q", text),
            Text("all", Highlight.Options("HighlightAll=true")),
            new("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids.ToArray() },
        };
        if (sourceId is { } s)
        {
            parameters.Add(Int("source", s));
        }
        var results = (await db.Database.SqlQueryRaw<ResultRow>(sql, parameters.ToArray()).ToListAsync(ct)).ToDictionary(
            r => r.Id,
            r => new ClaimResult(
                r.Id, r.Slug, r.StatementHeadline, r.Figure, EnumSlugs.Parse<AgreementFlag>(r.Agreement), r.Sources,
                r.QuotePassageId is { } passageId
                    ? new QuoteMatch(passageId, r.QuoteSourceSlug!, r.QuoteSourceShortName!, r.QuotePrefix!, r.QuoteExact!, r.QuoteSuffix!)
                    : null));
        return ids.Where(results.ContainsKey).Select(id => results[id]).ToList();
    }

    /// <summary>Documents whose title, names or text match, best first among the newest <see cref="SourceCandidateCap"/>; only titles are headlined.</summary>
    public static async Task<IReadOnlyList<SourceResult>> SourcesAsync(KnowledgeBaseDb db, string text, CancellationToken ct, int limit = SourceLimit)
    {
        const string sql = """
            WITH q AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', @q) AS query),
            found AS (
                SELECT s.id, ts_rank(s.search_vector, q.query) AS rank FROM sources s, q
                WHERE s.deleted_at IS NULL AND s.search_vector @@ q.query ORDER BY s.id DESC LIMIT @cap),
            best AS (SELECT id, rank FROM found ORDER BY rank DESC, id LIMIT @limit)
            SELECT s.slug, ts_headline('english', s.title, q.query, @all) AS title_headline, s.short_name, s.kind, s.published
            FROM best b JOIN sources s ON s.id = b.id, q
            ORDER BY b.rank DESC, s.id
            """;
        return await db.Database.SqlQueryRaw<SourceResult>(
            sql, Text("q", text), Text("all", Highlight.Options("HighlightAll=true")), Int("cap", SourceCandidateCap), Int("limit", limit))
            .ToListAsync(ct);
    }

    /// <summary>Every topic, and the sources a filter offers (the newest and the address's), for the form and to check the slugs in the address.</summary>
    public static Task<FilterOptions> FilterOptionsAsync(KnowledgeBaseDb db, ReadingCache cache, string? selectedSource, CancellationToken ct) =>
        cache.GetOrCreateAsync($"search-options:{selectedSource}", () => ComputeFilterOptionsAsync(db, cache, selectedSource, ct));

    private static async Task<FilterOptions> ComputeFilterOptionsAsync(KnowledgeBaseDb db, ReadingCache cache, string? selectedSource, CancellationToken ct)
    {
        var topics = await db.Topics.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new FilterOption(t.Id, t.Slug, t.Name))
            .ToListAsync(ct);
        var sources = await Browse.ClaimListQueries.OfferedSourcesAsync(db, cache, selectedSource, ct);
        return new FilterOptions(topics, sources.Select(s => new FilterOption(s.Id, s.Slug, s.ShortName + ": " + s.Title)).ToList());
    }

    private static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };

    private static NpgsqlParameter Int(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };
}
