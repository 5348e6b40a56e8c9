using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Soak;
using Npgsql;

// ./kb soak [--quick]: the reliability campaign of issue 15 against a Release build on the private cluster.
var settings = Settings.Parse(args);
var rows = new List<string>();
var notes = new List<string>();
var kestrelNotes = new List<string>();
// Other work shares the machine: the 1-minute load average at the start and after each phase goes into the report.
var loads = new List<string> { LoadAverage() };
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// The report is rewritten after every phase, so a phase that fails leaves the earlier ones' results.
async Task Row(string id, string goal, string measured, bool met)
{
    rows.Add($"| {id} | {goal} | {measured} | {(met ? "met" : "**missed**")} |");
    loads.Add(LoadAverage());
    await File.WriteAllTextAsync(settings.Report, Report());
}
void Say(string text) => Console.Error.WriteLine($"soak: {text}");

// Unpooled: F1 restarts the server under it, and every check opens a fresh connection anyway.
await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(settings.Database) { Pooling = false }.ConnectionString);
var claims = new List<(long Id, string Slug)>();
await using (var command = db.CreateCommand("SELECT id, slug FROM claims WHERE deleted_at IS NULL ORDER BY id"))
await using (var reader = await command.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        claims.Add((reader.GetInt64(0), reader.GetString(1)));
    }
}
var sources = await ListAsync("SELECT slug FROM sources WHERE deleted_at IS NULL ORDER BY id");
var topics = await ListAsync("SELECT slug FROM topics ORDER BY id");
var urls = new List<string> { "/", "/topics", "/claims", "/claims?sort=agreement", "/sources", "/outlets", "/search?q=troops", "/search?q=russia+ukraine",
    $"/compare?left={sources[0]}&right={sources[^1]}", "/api/v1/claims?limit=5", "/api/v1/topics" };
urls.AddRange(topics.Select(t => $"/topics/{t}"));
urls.AddRange(sources.Select(s => $"/sources/{s}"));
urls.AddRange(claims.Select(c => $"/claims/{c.Id}/{c.Slug}"));
urls.AddRange(claims.Take(10).Select(c => $"/api/v1/claims/{c.Id}"));
var writerClaims = claims.Skip(1).Take(4).Select(c => c.Id).ToList();
var contested = claims[0].Id;

await using var app = new AppProcess(settings);
using var http = Load.Client(settings.BaseAddress, settings.Readers + 16);
var writers = new Writers(http, settings.Token);
var lifted = new Dictionary<string, string> { ["Api__WritesPerMinute"] = "100000" };

// B first, with the anonymous read limit lifted too, so every payload reaches its handler.
Say("B: bad-input corpus");
await app.StartAsync(new Dictionary<string, string>(lifted) { ["Api__PermitsPerMinute"] = "1000000" });
{
    var corpus = BadInput.Corpus();
    var valid = (await writers.ReadAsync(contested))!.Value.Body;
    var bad = new BadInput(http, writers, settings.BaseAddress, contested, topics[0], sources[0]);
    await bad.RunAsync(corpus, settings.Quick ? 4 : 1, valid);
    var results = bad.Results.ToList();
    var fivehundreds = results.Where(r => r.Status >= 500 || r.Status == 0).ToList();
    var notProblem = results.Count(r => r.ApiNotProblem);
    var kestrel = results.Where(r => r.Kestrel).ToList();
    string ByStatus(IEnumerable<(string Target, string Payload, int Status, bool ApiNotProblem, bool Kestrel)> answers) =>
        string.Join(", ", answers.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
    await Row("B", "bad-input corpus through every text parameter and body: 0 answers of 500; every API error the app answers is problem details (Kestrel's own refusals, before the app runs, counted apart)",
        $"{corpus.Count} payloads, {results.Count} requests{(settings.Quick ? " (each payload through one target in 4)" : "")}; {fivehundreds.Count} answers of 5xx or no answer; {notProblem} API errors not problem+json; by status {ByStatus(results)}; of these refused by Kestrel before the app ran (no body, no security headers): {kestrel.Count} ({ByStatus(kestrel)}), {kestrel.Count(r => r.Target.StartsWith("/api/", StringComparison.Ordinal))} of them under /api",
        fivehundreds.Count == 0 && notProblem == 0);
    foreach (var group in fivehundreds.GroupBy(r => (r.Target, r.Status)).OrderByDescending(g => g.Count()).Take(30))
    {
        notes.Add($"B: {group.Count()} × {group.Key.Status} from `{group.Key.Target}`, e.g. payload `{Shown(group.First().Payload)}`");
    }
    foreach (var group in results.Where(r => r.ApiNotProblem).GroupBy(r => (r.Target, r.Status)).OrderByDescending(g => g.Count()))
    {
        notes.Add($"B: {group.Count()} × {group.Key.Status} not problem+json from `{group.Key.Target}`, payloads {string.Join(", ", group.Select(r => $"`{Shown(r.Payload)}`"))}");
    }
    foreach (var group in kestrel.GroupBy(r => (r.Target, r.Status)).OrderByDescending(g => g.Count()))
    {
        kestrelNotes.Add($"{group.Count()} × {group.Key.Status} from `{group.Key.Target}`, payloads {string.Join(", ", group.Select(r => $"`{Shown(r.Payload)}`").Distinct())}");
    }
}
await app.StopAsync();
await app.StartAsync(lifted);

Say($"L1: {settings.Readers} readers for {settings.Duration.TotalSeconds} s");
{
    var load = new Load(http, urls);
    await load.ReadAsync(settings.Readers, settings.Duration);
    var answers = load.Answers.ToList();
    var pages = answers.Where(a => !(a.IsApi && a.Status == 429)).ToList();
    var errors = pages.Count(a => a.Status is not (200 or 304));
    var limited = answers.Where(a => a.IsApi && a.Status == 429).ToList();
    var badRetry = limited.Count(a => !Load.RetryAfterIsCorrect(a));
    await Row("L1", $"{settings.Readers} concurrent readers, {settings.Duration.TotalSeconds} s over the reading pages: 0 errors, p99 measured; API 429s apart, each with a correct Retry-After",
        $"{pages.Count} answers ({pages.Count / settings.Duration.TotalSeconds:0}/s), {errors} errors; p50 {Load.Percentile(pages.Select(a => a.Ms), 0.5):0} ms, p99 {Load.Percentile(pages.Select(a => a.Ms), 0.99):0} ms; {limited.Count} API 429s, {badRetry} without a correct Retry-After",
        errors == 0 && badRetry == 0);
}

Say("L2: readers and 4 API writers");
{
    var load = new Load(http, urls);
    var reading = load.ReadAsync(settings.Readers, settings.Duration);
    await writers.WriteAsync(writerClaims, settings.Duration, load);
    await reading;
    var (lost, acknowledged) = await LostAsync();
    var errors = load.Answers.Count(a => a.Status is not (200 or 304 or 429));
    await Row("L2", "readers plus 4 writers through the API: every acknowledged save present at the end",
        $"{acknowledged} saves acknowledged, {lost} lost; {load.Answers.Count} reads, {errors} read errors; write answers {StatusCounts(writers.Answers)}",
        acknowledged > 0 && lost == 0 && errors == 0);
}

Say($"F1: PostgreSQL stopped for {settings.Outage.TotalSeconds} s mid-load");
{
    var load = new Load(http, urls);
    var phase = settings.Duration + settings.Outage + TimeSpan.FromSeconds(10);
    var reading = load.ReadAsync(settings.Readers / 4, phase);
    var writing = new Writers(http, settings.Token);
    var written = writing.WriteAsync(writerClaims, phase, load);
    await Task.Delay(settings.Duration / 2);
    var down = load.Clock.Elapsed.TotalMilliseconds;
    await Settings.ShellAsync(settings.DbStop);
    var stopped = load.Clock.Elapsed.TotalMilliseconds;
    await Task.Delay(settings.Outage);
    await Settings.ShellAsync(settings.DbStart);
    var up = load.Clock.Elapsed.TotalMilliseconds;
    await Task.WhenAll(reading, written);
    var all = load.Answers.Concat(writing.Answers).ToList();
    var during = all.Where(a => a.StartedMs >= down && a.StartedMs < up).ToList();
    var after = all.Where(a => a.StartedMs >= up).ToList();
    var unavailableAfter = after.Count(a => a.Status is 503 or >= 500 or 0);
    var otherDuring = during.Count(a => a.Status is not (200 or 204 or 304 or 429 or 503 or 412));
    var noRetryAfter = during.Count(a => a.Status == 503 && !Load.RetryAfterIsCorrect(a));
    var (lost, acknowledged) = await LostAsync(writing);
    await Row("F1", $"PostgreSQL stopped for {settings.Outage.TotalSeconds} s mid-load: 503s only during the outage, 0 after; no acknowledged write lost",
        $"stopped {stopped - down:0} ms after the command, back {up - down:0} ms after it began; during: {during.Count(a => a.Status == 503)} × 503 ({noRetryAfter} without Retry-After), {during.Count(a => a.Status is 200 or 204 or 304)} served (output cache, retries), {otherDuring} other errors; after: {after.Count} answers, {unavailableAfter} errors; {acknowledged} acknowledged saves, {lost} lost",
        after.Count > 0 && acknowledged > 0 && unavailableAfter == 0 && otherDuring == 0 && noRetryAfter == 0 && lost == 0);
}

Say("F2: the app killed (SIGKILL) mid-write");
{
    var load = new Load(http, urls);
    var writing = new Writers(http, settings.Token);
    var written = writing.WriteAsync(writerClaims, TimeSpan.FromSeconds(20), load);
    await Task.Delay(TimeSpan.FromSeconds(6));
    await app.KillAsync();
    await app.StopAsync();
    await app.StartAsync(lifted);
    await written;
    var (lost, acknowledged) = await LostAsync(writing);
    var half = await HalfWrittenAsync();
    await Row("F2", "the app killed (SIGKILL) mid-write: no half-written revision (each claim's current state equals its latest revision), 0 acknowledged saves lost",
        $"{acknowledged} saves acknowledged across the kill, {lost} lost; {half.Checked} claims checked, {half.Mismatched} whose state differs from their latest revision",
        acknowledged > 0 && lost == 0 && half.Mismatched == 0);
}

Say("C1: 20 parallel saves of one claim with the same ETag");
{
    var current = (await writers.ReadAsync(contested))!.Value;
    var statuses = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
    {
        var body = current.Body.DeepClone().AsObject();
        body["statement"] = Writers.Statement(body["statement"]!.GetValue<string>(), 1000 + i);
        using var put = writers.Request(HttpMethod.Put, $"/api/v1/claims/{contested}", body.ToJsonString());
        put.Headers.IfMatch.Add(current.ETag);
        try
        {
            using var response = await http.SendAsync(put);
            return (i, Status: (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (i, Status: 0);
        }
    }));
    var saved = statuses.Where(s => s.Status is 200 or 204).ToList();
    var refused = statuses.Count(s => s.Status == 412);
    var others = statuses.Where(s => s.Status is not (200 or 204 or 412)).Select(s => s.Status).ToList();
    var final = Writers.SequenceOf(await StatementAsync(contested));
    var winner = saved.Count == 1 && final == 1000 + saved[0].i;
    await Row("C1", "20 parallel saves of one claim with the same ETag: exactly 1 saved, 19 × 412, no silent overwrite",
        $"{saved.Count} saved, {refused} × 412, others: {(others.Count > 0 ? string.Join(", ", others) : "none")}; the stored statement is {(winner ? "the saved one" : "NOT the saved one")}",
        saved.Count == 1 && refused == 19 && winner);
}
await app.StopAsync();

Console.Out.Write(Report());
return rows.All(r => r.EndsWith("| met |", StringComparison.Ordinal)) ? 0 : 1;

async Task<List<string>> ListAsync(string sql)
{
    var list = new List<string>();
    await using var command = db.CreateCommand(sql);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        list.Add(reader.GetString(0));
    }
    return list;
}

async Task<string> StatementAsync(long id)
{
    await using var command = db.CreateCommand("SELECT statement FROM claims WHERE id = $1");
    command.Parameters.AddWithValue(id);
    return (string)(await command.ExecuteScalarAsync())!;
}

// A save is lost when the stored statement carries an earlier sequence number than the last acknowledged one.
async Task<(int Lost, int Acknowledged)> LostAsync(Writers? of = null)
{
    var lost = 0;
    foreach (var (id, saves) in (of ?? writers).Saves)
    {
        if (Writers.SequenceOf(await StatementAsync(id)) < saves.Acknowledged)
        {
            lost++;
        }
    }
    return (lost, (of ?? writers).Answers.Count(a => a.Status is 200 or 204));
}

// Every live claim's statement against the snapshot of its latest revision.
async Task<(int Checked, int Mismatched)> HalfWrittenAsync()
{
    await using var command = db.CreateCommand("""
        SELECT c.id, c.statement, r.snapshot::text FROM claims c
        JOIN LATERAL (SELECT snapshot FROM revisions WHERE entity_type = 'claim' AND entity_id = c.id ORDER BY number DESC LIMIT 1) r ON true
        """);
    await using var reader = await command.ExecuteReaderAsync();
    var (count, mismatched) = (0, 0);
    while (await reader.ReadAsync())
    {
        count++;
        using var snapshot = JsonDocument.Parse(reader.GetString(2));
        var statement = snapshot.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals("statement") || p.NameEquals("Statement")).Value;
        if (statement.ValueKind != JsonValueKind.String || statement.GetString() != reader.GetString(1))
        {
            mismatched++;
        }
    }
    return (count, mismatched);
}

string Report()
{
    var report = new StringBuilder()
        .AppendLine("# Reliability")
        .AppendLine()
        .AppendLine($"Written by `./kb soak{(settings.Quick ? " --quick" : "")}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: the Release app over loopback on the private cluster (its own database, `knowledgebase_soak`, seeded afresh), driven by `tools/KnowledgeBase.Soak`.")
        .AppendLine()
        .AppendLine($"- Machine: {Environment.ProcessorCount} cores; 1-minute load average at the start and after each phase: {string.Join(", ", loads)} (the app, PostgreSQL, the load generator and other work share these cores: the goals are counts of errors, not throughput)")
        .AppendLine($"- Phases of {settings.Duration.TotalSeconds} s{(settings.Quick ? " (--quick; the full run takes 60 s)" : "")}, {settings.Readers} readers over {urls.Count} addresses (every topic, source and claim page, lists, search, compare and some API reads); API writes with an Editor's token, the per-token write limit lifted for the campaign (`Api__WritesPerMinute`) so that writers measure durability, not the limiter; the anonymous API read limit left at its default except in B")
        .AppendLine("- 5xx or no answer counts as an error; 429 from the API's read limit is counted apart; a durability goal with no acknowledged save (or F1 with no answer after the outage) is missed: nothing was shown")
        .AppendLine()
        .AppendLine("| id | goal | measured | result |")
        .AppendLine("| --- | --- | --- | --- |");
    rows.ForEach(r => report.AppendLine(r));
    if (notes.Count > 0)
    {
        report.AppendLine().AppendLine("## Failures found").AppendLine();
        notes.ForEach(n => report.AppendLine("- " + n));
    }
    if (kestrelNotes.Count > 0)
    {
        report.AppendLine().AppendLine("## Refused by Kestrel before the app ran").AppendLine()
            .AppendLine("Kestrel answers a request it cannot parse or that is over its limits itself, before any middleware, with a bare status: no body, no security headers (aspnet/KestrelHttpServer#2947; see the README's Accounts and security). The app raises Kestrel's request line limit to 64 KB and refuses addresses over 8 KB itself (414, problem details under /api), so what is left here is a NUL (`%00`) in the path (400) and request lines over 64 KB (414).")
            .AppendLine();
        kestrelNotes.ForEach(n => report.AppendLine("- " + n));
    }
    return report.ToString();
}

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

static string StatusCounts(IEnumerable<Answer> answers) =>
    string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));

static string Shown(string payload)
{
    var shown = new string(payload.Take(40).Select(c => char.IsControl(c) ? '␀' : c).ToArray()).Replace("`", "'", StringComparison.Ordinal).Replace("|", "¦", StringComparison.Ordinal);
    return payload.Length > 40 ? shown + $"… ({payload.Length} chars)" : shown;
}
