using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeBase.Bench;

/// <summary>One column of a COPY: its name, its wire type and how a row gives its value (null writes NULL).</summary>
internal sealed record CopyColumn<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

/// <summary>A table the corpus is copied into, with its column list in one place.</summary>
internal sealed class CopyTable<T>(string name, params CopyColumn<T>[] columns)
{
    public string Name { get; } = name;

    public string CopyCommand { get; } =
        $"COPY {name} ({string.Join(", ", columns.Select(c => '"' + c.Name + '"'))}) FROM STDIN (FORMAT BINARY, FREEZE)";

    public void Write(NpgsqlBinaryImporter importer, T row)
    {
        importer.StartRow();
        foreach (var column in columns)
        {
            if (column.Value(row) is { } value)
            {
                importer.Write(value, column.Type);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }
}

/// <summary>
/// A COPY that writes its rows frozen and all-visible, so the load needs no VACUUM pass over the corpus afterwards.
/// PostgreSQL allows FREEZE only into a table emptied in the same transaction, hence the TRUNCATE before it.
/// </summary>
internal sealed class FreezingCopy : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private FreezingCopy(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBinaryImporter importer) =>
        (_connection, _transaction, Importer) = (connection, transaction, importer);

    public NpgsqlBinaryImporter Importer { get; }

    public static async Task<FreezingCopy> OpenAsync<T>(NpgsqlDataSource dataSource, CopyTable<T> table, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        await using (var truncate = new NpgsqlCommand($"TRUNCATE {table.Name}", connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(ct);
        }
        return new FreezingCopy(connection, transaction, await connection.BeginBinaryImportAsync(table.CopyCommand, ct));
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await Importer.CompleteAsync(ct);
        await Importer.DisposeAsync(); // the connection leaves the COPY state only then
        await _transaction.CommitAsync(ct);
    }

    /// <summary>Commits each copy in turn (every table of a generator pass, once its rows are all written).</summary>
    public static async Task CommitAllAsync(CancellationToken ct, params FreezingCopy[] copies)
    {
        foreach (var copy in copies)
        {
            await copy.CommitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Importer.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>
/// Loads a <see cref="BenchCorpus"/> into a database migrated by the app: drops the secondary indexes and foreign
/// keys (read from pg_catalog, so indexes added later are handled alike), binary-COPYs every table on parallel
/// connections, then recreates the saved definitions and ANALYZEs. The corpus loaded is recorded in
/// <c>bench_corpus</c>, so a rerun with the same size and generator version reuses it.
/// </summary>
internal sealed class BenchCorpusLoader(NpgsqlDataSource dataSource, TextWriter log)
{
    public static readonly string[] Tables = ["topics", "sources", "footnotes", "passages", "claims", "claim_topics", "citations"];

    private static readonly DateTimeOffset LoadedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CopyTable<int> TopicTable = new(
        "topics",
        new("id", NpgsqlDbType.Integer, id => id),
        new("slug", NpgsqlDbType.Text, id => BenchCorpus.TopicSlug(id)),
        new("name", NpgsqlDbType.Text, id => BenchCorpus.TopicName(id)),
        new("description", NpgsqlDbType.Text, id => $"Synthetic topic {id.ToString(CultureInfo.InvariantCulture)} of the benchmark corpus."));

    private static readonly CopyTable<BenchSource> SourceTable = new(
        "sources",
        new("id", NpgsqlDbType.Integer, s => s.Id),
        new("slug", NpgsqlDbType.Text, s => s.Slug),
        new("title", NpgsqlDbType.Text, s => s.Title),
        new("short_name", NpgsqlDbType.Text, s => s.ShortName),
        new("authors", NpgsqlDbType.Array | NpgsqlDbType.Text, s => s.Authors),
        new("publisher", NpgsqlDbType.Text, s => s.Publisher),
        new("kind", NpgsqlDbType.Text, s => s.Kind),
        new("published", NpgsqlDbType.Text, s => s.Published),
        new("url", NpgsqlDbType.Text, s => s.Url),
        new("body_markdown", NpgsqlDbType.Text, s => s.BodyMarkdown),
        new("body_html", NpgsqlDbType.Text, s => s.BodyHtml),
        new("canonical_text", NpgsqlDbType.Text, s => s.CanonicalText),
        new("created_at", NpgsqlDbType.TimestampTz, _ => LoadedAt),
        new("updated_at", NpgsqlDbType.TimestampTz, _ => LoadedAt));

    private static readonly CopyTable<(BenchSource Source, BenchFootnote Note)> FootnoteTable = new(
        "footnotes",
        new("id", NpgsqlDbType.Integer, x => x.Note.Id),
        new("source_id", NpgsqlDbType.Integer, x => x.Source.Id),
        new("number", NpgsqlDbType.Integer, x => x.Note.Number),
        new("text", NpgsqlDbType.Text, x => x.Note.Text),
        new("start", NpgsqlDbType.Integer, x => x.Note.Start),
        new("end", NpgsqlDbType.Integer, x => x.Note.End),
        new("cites_authors", NpgsqlDbType.Text, x => x.Note.Authors),
        new("cites_title", NpgsqlDbType.Text, x => x.Note.Title),
        new("cites_outlet", NpgsqlDbType.Text, x => x.Note.Outlet),
        new("cites_published", NpgsqlDbType.Text, x => x.Note.Published),
        new("cites_url", NpgsqlDbType.Text, x => x.Note.Url));

    private static readonly CopyTable<(BenchSource Source, BenchPassage Passage)> PassageTable = new(
        "passages",
        new("id", NpgsqlDbType.Bigint, x => x.Passage.Id),
        new("source_id", NpgsqlDbType.Integer, x => x.Source.Id),
        new("start", NpgsqlDbType.Integer, x => x.Passage.Anchor.Start),
        new("end", NpgsqlDbType.Integer, x => x.Passage.Anchor.End),
        new("exact", NpgsqlDbType.Text, x => x.Passage.Anchor.Exact),
        new("prefix", NpgsqlDbType.Text, x => x.Passage.Anchor.Prefix),
        new("suffix", NpgsqlDbType.Text, x => x.Passage.Anchor.Suffix),
        new("sentence", NpgsqlDbType.Text, x => x.Passage.Sentence),
        new("footnote_id", NpgsqlDbType.Integer, x => x.Passage.FootnoteId));

    private static readonly CopyTable<BenchClaim> ClaimTable = new(
        "claims",
        new("id", NpgsqlDbType.Bigint, c => c.Id),
        new("slug", NpgsqlDbType.Text, c => c.Slug),
        new("statement", NpgsqlDbType.Text, c => c.Statement),
        new("figure", NpgsqlDbType.Text, c => c.Figure),
        new("computed_agreement", NpgsqlDbType.Text, c => c.Verdict.Flag.ToSlug()),
        new("agreement_rationale", NpgsqlDbType.Text, c => c.Verdict.Rationale),
        new("override_agreement", NpgsqlDbType.Text, c => c.Override?.ToSlug()),
        new("override_reason", NpgsqlDbType.Text, c => c.OverrideReason),
        new("agreement", NpgsqlDbType.Text, c => (c.Override ?? c.Verdict.Flag).ToSlug()),
        new("created_at", NpgsqlDbType.TimestampTz, c => c.CreatedAt),
        new("updated_at", NpgsqlDbType.TimestampTz, c => c.DeletedAt ?? c.CreatedAt),
        new("deleted_at", NpgsqlDbType.TimestampTz, c => c.DeletedAt));

    private static readonly CopyTable<(BenchClaim Claim, int TopicId)> ClaimTopicTable = new(
        "claim_topics",
        new("topic_id", NpgsqlDbType.Integer, x => x.TopicId),
        new("claim_id", NpgsqlDbType.Bigint, x => x.Claim.Id),
        new("agreement", NpgsqlDbType.Text, x => (x.Claim.Override ?? x.Claim.Verdict.Flag).ToSlug()),
        new("claim_deleted", NpgsqlDbType.Boolean, x => x.Claim.DeletedAt is not null));

    private static readonly CopyTable<(BenchClaim Claim, BenchCitation Citation, long Id)> CitationTable = new(
        "citations",
        new("id", NpgsqlDbType.Bigint, x => x.Id),
        new("claim_id", NpgsqlDbType.Bigint, x => x.Claim.Id),
        new("passage_id", NpgsqlDbType.Bigint, x => x.Citation.PassageId),
        new("source_id", NpgsqlDbType.Integer, x => x.Citation.SourceId),
        new("position", NpgsqlDbType.Integer, x => x.Citation.Position),
        new("stance", NpgsqlDbType.Text, x => x.Citation.Stance.ToSlug()),
        new("figure", NpgsqlDbType.Text, x => x.Citation.Figure));

    private const string MaintenanceMemory = "SET maintenance_work_mem = '1GB'";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>What is loaded now, if anything: (claims, generator version).</summary>
    public async Task<(int Claims, int Version)?> LoadedAsync(CancellationToken ct)
    {
        await CreateRecordTableAsync(ct);
        await using var command = dataSource.CreateCommand("SELECT claims, generator_version FROM bench_corpus WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt32(0), reader.GetInt32(1)) : null;
    }

    private Task CreateRecordTableAsync(CancellationToken ct) =>
        ExecuteAsync("CREATE TABLE IF NOT EXISTS bench_corpus (id int PRIMARY KEY, claims int NOT NULL, generator_version int NOT NULL, loaded_at timestamptz NOT NULL, load_seconds double precision NOT NULL, phases text NOT NULL)", ct);

    public async Task LoadAsync(CorpusSize size, CancellationToken ct)
    {
        var phases = new List<string>();
        var phase = Stopwatch.StartNew();
        void Done(string name)
        {
            phases.Add($"{name} {phase.Elapsed.TotalSeconds:F1}s");
            Say($"{name} done in {phase.Elapsed.TotalSeconds:F1}s");
            phase.Restart();
        }

        Say($"generating {size.Claims:N0} claims, {size.Sources:N0} sources, {size.Passages:N0} passages, {size.Topics} topics");
        var corpus = new BenchCorpus(size);
        Done($"rendering {corpus.TemplatesRendered} source templates");

        await CreateRecordTableAsync(ct); // a --rebuild into a new database has not asked what is loaded
        await ExecuteAsync("DELETE FROM bench_corpus", ct);
        await ExecuteAsync($"TRUNCATE {string.Join(", ", Tables)} RESTART IDENTITY CASCADE", ct);
        var (indexes, foreignKeys, triggers) = await SecondaryDefinitionsAsync(ct);
        foreach (var (table, name, _) in foreignKeys)
        {
            await ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", ct);
        }
        foreach (var (_, name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        }
        // The triggers that keep derived columns (citations.source_id, claim_topics' flag) would look up rows that
        // other connections are still copying; the corpus writes those columns itself. They are dropped, not disabled:
        // a disabled row trigger still makes COPY insert row by row, and then FREEZE cannot mark the pages all-visible.
        foreach (var (table, name, _) in triggers)
        {
            await ExecuteAsync($"DROP TRIGGER \"{name}\" ON {table}", ct);
        }
        Done($"dropping {indexes.Count} indexes, {foreignKeys.Count} foreign keys and {triggers.Count} triggers");

        await CopyAsync(TopicTable, Enumerable.Range(1, size.Topics), ct);
        await Task.WhenAll(
            Task.Run(() => CopySourcesAsync(corpus, ct), ct),
            Task.Run(() => CopyClaimsAsync(corpus, ct), ct));
        foreach (var trigger in triggers)
        {
            await ExecuteAsync(trigger.Definition, ct);
        }
        Done("COPY (search vectors computed as rows arrive)");

        // Longest first, two at a time: the machine has two cores and each build is single-threaded. The GIN builds
        // are most of this phase at 5M claims (several minutes each), and PostgreSQL documents their time as "very
        // sensitive to the maintenance_work_mem setting": two builds of 1 GB fit the machine's memory many times over.
        var byCost = indexes.OrderByDescending(i => i.Definition.Contains("gin", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(i => Array.IndexOf(Tables, i.Table))
            .Select(i => i.Definition).ToList();
        await InParallelAsync(byCost, MaintenanceMemory, ct);
        Done($"creating {indexes.Count} indexes");
        await InParallelAsync(foreignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT \"{f.Name}\" {f.Definition}").ToList(), MaintenanceMemory, ct);
        Done($"adding {foreignKeys.Count} foreign keys");

        // Identity sequences continue after the copied ids, so the app's own inserts do not collide.
        await ExecuteAsync("""
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT table_name, column_name FROM information_schema.columns
                       WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name IN ('topics', 'sources', 'footnotes', 'passages', 'claims', 'citations')
              LOOP
                EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), (SELECT coalesce(max(%I), 0) + 1 FROM %I), false)',
                               r.table_name, r.column_name, r.column_name, r.table_name);
              END LOOP;
            END $$
            """, ct);
        // COPY FREEZE already wrote the rows frozen and all-visible (index-only scans work at once, as after the
        // VACUUM that autovacuum would run in a steady state), so only the statistics are left to gather.
        await InParallelAsync(Tables.Select(t => $"ANALYZE {t}").ToList(), null, ct);
        Done("ANALYZE");

        var total = _clock.Elapsed.TotalSeconds;
        await using var record = dataSource.CreateCommand(
            "INSERT INTO bench_corpus (id, claims, generator_version, loaded_at, load_seconds, phases) VALUES (1, $1, $2, now(), $3, $4)");
        record.Parameters.Add(new NpgsqlParameter { Value = size.Claims });
        record.Parameters.Add(new NpgsqlParameter { Value = BenchCorpus.GeneratorVersion });
        record.Parameters.Add(new NpgsqlParameter { Value = total });
        record.Parameters.Add(new NpgsqlParameter { Value = string.Join("; ", phases) });
        await record.ExecuteNonQueryAsync(ct);
        Say($"corpus loaded in {total:F1}s ({string.Join("; ", phases)})");
    }

    private async Task CopySourcesAsync(BenchCorpus corpus, CancellationToken ct)
    {
        await using var sources = await FreezingCopy.OpenAsync(dataSource, SourceTable, ct);
        await using var footnotes = await FreezingCopy.OpenAsync(dataSource, FootnoteTable, ct);
        await using var passages = await FreezingCopy.OpenAsync(dataSource, PassageTable, ct);
        var count = corpus.Size.Sources;
        for (var i = 0; i < count; i++)
        {
            var source = corpus.Source(i);
            SourceTable.Write(sources.Importer, source);
            foreach (var note in source.Footnotes)
            {
                FootnoteTable.Write(footnotes.Importer, (source, note));
            }
            foreach (var passage in source.Passages)
            {
                PassageTable.Write(passages.Importer, (source, passage));
            }
            Progress("sources", i + 1, count);
        }
        await FreezingCopy.CommitAllAsync(ct, sources, footnotes, passages);
    }

    private async Task CopyClaimsAsync(BenchCorpus corpus, CancellationToken ct)
    {
        await using var claims = await FreezingCopy.OpenAsync(dataSource, ClaimTable, ct);
        await using var topics = await FreezingCopy.OpenAsync(dataSource, ClaimTopicTable, ct);
        await using var citations = await FreezingCopy.OpenAsync(dataSource, CitationTable, ct);
        var count = corpus.Size.Claims;
        var citationId = 0L;
        for (var i = 0; i < count; i++)
        {
            var claim = corpus.Claim(i);
            ClaimTable.Write(claims.Importer, claim);
            foreach (var topicId in claim.TopicIds)
            {
                ClaimTopicTable.Write(topics.Importer, (claim, topicId));
            }
            foreach (var citation in claim.Citations)
            {
                CitationTable.Write(citations.Importer, (claim, citation, ++citationId));
            }
            Progress("claims", i + 1, count);
        }
        await FreezingCopy.CommitAllAsync(ct, claims, topics, citations);
    }

    private async Task CopyAsync<T>(CopyTable<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var copy = await FreezingCopy.OpenAsync(dataSource, table, ct);
        foreach (var row in rows)
        {
            table.Write(copy.Importer, row);
        }
        await copy.CommitAsync(ct);
    }

    /// <summary>
    /// The corpus tables' secondary indexes (not those behind a primary key or constraint), the foreign keys touching
    /// them and their user triggers, as pg_catalog holds them, so the saved definitions recreate exactly what the
    /// migrations made.
    /// </summary>
    private async Task<SavedSchema> SecondaryDefinitionsAsync(CancellationToken ct) => new(
        await DefinitionsAsync("""
            SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            ORDER BY i.tablename, i.indexname
            """, ct),
        await DefinitionsAsync("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))
            ORDER BY 1, 2
            """, ct),
        await DefinitionsAsync("""
            SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
            WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text = ANY($1)
            ORDER BY 1, 2
            """, ct));

    private async Task<List<SavedDefinition>> DefinitionsAsync(string sql, CancellationToken ct)
    {
        var definitions = new List<SavedDefinition>();
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = Tables });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            definitions.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return definitions;
    }

    private sealed record SavedDefinition(string Table, string Name, string Definition);

    private sealed record SavedSchema(List<SavedDefinition> Indexes, List<SavedDefinition> ForeignKeys, List<SavedDefinition> Triggers);

    private async Task InParallelAsync(List<string> statements, string? setup, CancellationToken ct)
    {
        var next = -1;
        async Task Worker()
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            if (setup is not null)
            {
                await using var set = new NpgsqlCommand(setup, connection);
                await set.ExecuteNonQueryAsync(ct);
            }
            int i;
            while ((i = Interlocked.Increment(ref next)) < statements.Count)
            {
                var started = Stopwatch.StartNew();
                await using var command = new NpgsqlCommand(statements[i], connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(ct);
                Say($"  {started.Elapsed.TotalSeconds,6:F1}s  {Shorten(statements[i])}");
            }
        }
        await Task.WhenAll(Worker(), Worker());
    }

    private static string Shorten(string sql) => sql.Length <= 110 ? sql : sql[..107] + "...";

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private void Progress(string what, int done, int total)
    {
        var step = Math.Max(1, total / 10);
        if (done % step == 0 || done == total)
        {
            Say($"  {what}: {done:N0} / {total:N0}");
        }
    }

    private void Say(string message)
    {
        lock (log)
        {
            log.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:F1}s] {message}");
        }
    }
}
