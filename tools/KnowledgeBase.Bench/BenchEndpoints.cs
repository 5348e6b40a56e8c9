using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Api;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Compare;
using KnowledgeBase.Web.Search;
using KnowledgeBase.Web.Shared;
using KnowledgeBase.Web.Sources;
using KnowledgeBase.Web.Topics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KnowledgeBase.Bench;

/// <summary>
/// The benchmark's bare layers, mapped by the bench tool beside the app's own endpoints:
/// <list type="bullet">
/// <item><c>/bench/l2/{page}</c> runs the EF Core query functions the page calls, in the page's order, and writes them as JSON.</item>
/// <item><c>/bench/l1/{page}</c> sends the same SQL with raw Npgsql and writes every row as minimal HTML. The SQL is what
/// EF sent for that address the first time (<see cref="BenchCapture"/>), so L1 and L2 do the same database work.</item>
/// <item><c>/bench/l0/{page}</c> gives that SQL as a pgbench script, parameters inlined as typed literals.</item>
/// </list>
/// Pages and their inputs (query string): topic (slug, after), claim (id), source (slug), search (q),
/// compare (left, right), api-claims (cursor).
/// </summary>
internal static partial class BenchEndpoints
{
    private delegate Task<object?> PageQueries(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct);

    private static readonly Dictionary<string, PageQueries> Pages = new(StringComparer.Ordinal)
    {
        ["topic"] = TopicAsync,
        ["claim"] = ClaimAsync,
        ["source"] = SourceAsync,
        ["search"] = SearchAsync,
        ["compare"] = CompareAsync,
        ["api-claims"] = ApiClaimsAsync,
    };

    /// <summary>The SQL each address sent, captured once: L1 and L0 replay it.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<CapturedCommand>> Captured = new(StringComparer.Ordinal);

    public static void MapBenchEndpoints(this WebApplication app)
    {
        // L1's own connections, on the database the app was given, as given (not through the app's DbContext).
        // The app's session settings (no JIT, no parallel workers), so L1 differs from L2 only by EF.
        var dataSource = NpgsqlDataSource.Create(KnowledgeBaseDb.SessionConnectionString(
            app.Configuration.GetConnectionString("KnowledgeBase") ?? app.Configuration["KB_DATABASE"]
            ?? throw new InvalidOperationException("No database configured: set ConnectionStrings__KnowledgeBase or KB_DATABASE.")));
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        var bench = app.MapGroup("/bench").ExcludeFromDescription();
        bench.MapGet("/l2/{page}", async (string page, HttpContext context, KnowledgeBaseDb db, ReadingCache cache) =>
        {
            if (!Pages.TryGetValue(page, out var queries))
            {
                return Results.NotFound();
            }
            // The first visit of an address also records its SQL (copying a few parameters), for L1 and L0 to replay.
            var key = Key(page, context);
            object? result = null;
            if (Captured.ContainsKey(key))
            {
                result = await queries(db, cache, context.Request.Query, context.RequestAborted);
            }
            else
            {
                // Pages keep derived values (counts, filter options, a source's highlighted body) per content version:
                // warm them first, so the SQL recorded is what a page view sends in the steady state.
                await queries(db, cache, context.Request.Query, context.RequestAborted);
                Captured.TryAdd(key, await BenchCapture.CaptureAsync(async () => result = await queries(db, cache, context.Request.Query, context.RequestAborted)));
            }
            // What the page would answer 404 for (no such topic, claim, source or pair) is a 404 here too.
            return result is null ? Results.NotFound() : Results.Json(result);
        });
        // The addresses L2 has visited: the L1 run replays these, so it never pays for a first capture.
        bench.MapGet("/captured", () => Results.Text(
            string.Concat(Captured.Keys.Order(StringComparer.Ordinal).Select(k => "/bench/l1/" + k + "\n")),
            "text/plain"));
        bench.MapGet("/l1/{page}", async (string page, HttpContext context, KnowledgeBaseDb db, ReadingCache cache) =>
        {
            if (await CommandsAsync(page, context, db, cache) is not { } commands)
            {
                return Results.NotFound();
            }
            await WriteRowsAsync(dataSource, commands, context);
            return Results.Empty;
        });
        bench.MapGet("/l0/{page}", async (string page, HttpContext context, KnowledgeBaseDb db, ReadingCache cache) =>
            await CommandsAsync(page, context, db, cache) is { } commands
                ? Results.Text(PgbenchScript(commands), "text/plain")
                : Results.NotFound());
    }

    private static async Task<IReadOnlyList<CapturedCommand>?> CommandsAsync(string page, HttpContext context, KnowledgeBaseDb db, ReadingCache cache)
    {
        if (!Pages.TryGetValue(page, out var queries))
        {
            return null;
        }
        var key = Key(page, context);
        if (Captured.TryGetValue(key, out var commands))
        {
            return commands;
        }
        await queries(db, cache, context.Request.Query, context.RequestAborted);
        commands = await BenchCapture.CaptureAsync(() => queries(db, cache, context.Request.Query, context.RequestAborted));
        return Captured.GetOrAdd(key, commands);
    }

    private static string Key(string page, HttpContext context) => page + context.Request.QueryString.Value;

    private static async Task WriteRowsAsync(NpgsqlDataSource dataSource, IReadOnlyList<CapturedCommand> commands, HttpContext context)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        foreach (var captured in commands)
        {
            await using var command = new NpgsqlCommand(captured.Sql, connection);
            foreach (var parameter in captured.Parameters)
            {
                // A parameter belongs to one command at a time.
                command.Parameters.Add(parameter.Clone());
            }
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            html.Append("<table>");
            while (await reader.ReadAsync(context.RequestAborted))
            {
                html.Append("<tr>");
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    html.Append("<td>").Append(WebUtility.HtmlEncode(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))).Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        html.Append("</body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }

    /// <summary>The page's statements with each parameter replaced by a typed literal, one transaction per page view.</summary>
    private static string PgbenchScript(IReadOnlyList<CapturedCommand> commands)
    {
        var script = new StringBuilder();
        foreach (var command in commands)
        {
            var byName = command.Parameters
                .Select((p, i) => (Name: string.IsNullOrEmpty(p.ParameterName) ? (i + 1).ToString(CultureInfo.InvariantCulture) : p.ParameterName.TrimStart('@'), Parameter: p))
                .ToDictionary(x => x.Name, x => x.Parameter, StringComparer.Ordinal);
            var sql = Placeholder().Replace(command.Sql, m =>
                byName.TryGetValue(m.Groups["name"].Value, out var p) ? Literal(p) : m.Value);
            // pgbench reads ":name" as its own variable; none of the app's SQL uses it, but a one-line statement is safest.
            script.Append(Regex.Replace(sql, @"\s+", " ").Trim()).Append(";\n");
        }
        return script.ToString();
    }

    private static string Literal(NpgsqlParameter p)
    {
        if (p.Value is null or DBNull)
        {
            return "NULL";
        }
        var text = p.Value switch
        {
            Array array => "{" + string.Join(",", array.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "}",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
        var type = string.IsNullOrEmpty(p.DataTypeName) ? "" : "::" + p.DataTypeName;
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" + type;
    }

    [GeneratedRegex(@"[@$](?<name>[A-Za-z_0-9]+)")]
    private static partial Regex Placeholder();

    // ----- each page's queries, as the page calls them

    private static string? Text(IQueryCollection query, string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;

    private static async Task<object?> TopicAsync(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct)
    {
        long after = 0;
        if (Text(query, "after") is { } cursor && !Cursor.TryDecodeId(cursor, out after))
        {
            return null;
        }
        if (await TopicQueries.FindAsync(db, cache, Text(query, "slug") ?? "", ct) is not { } topic)
        {
            return null;
        }
        var sources = await ClaimListQueries.SourceOptionsAsync(db, cache, null, ct);
        var counts = await TopicQueries.TopicFlagCountsAsync(db, cache, topic.Id, null, ct);
        var page = await TopicQueries.ClaimsAsync(db, topic.Id, after, ct);
        return new { topic, sources, counts, page };
    }

    private static async Task<object?> ClaimAsync(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct)
    {
        if (!long.TryParse(Text(query, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await ClaimQueries.FindAsync(db, id, ct) is not { } claim)
        {
            return null;
        }
        var related = await RelatedClaimQueries.ForAsync(db, claim.Id, ct);
        return new { claim, related };
    }

    private static async Task<object?> SourceAsync(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct)
    {
        if (await SourceQueries.FindAsync(db, Text(query, "slug") ?? "", ct) is not { } source)
        {
            return null;
        }
        // The queries the page runs when its view is not cached, each time, as L1 runs their SQL: no copy of the page's cache.
        var passages = await SourceQueries.PassagesAsync(db, source.Id, ct);
        var body = await SourceQueries.BodyHtmlAsync(db, source.Id, ct);
        var compareWith = await CompareQueries.CandidatesAsync(db, source.Id, take: 5, ct);
        return new { source, passages, body, compareWith };
    }

    private static async Task<object?> SearchAsync(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct)
    {
        var text = Text(query, "q") ?? "";
        var options = await SearchQueries.FilterOptionsAsync(db, cache, null, ct);
        var found = await SearchQueries.PageAsync(db, text, new SearchFilters(null, null, null), null, withSources: true, ct);
        return new { options, found };
    }

    private static async Task<object?> CompareAsync(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct)
    {
        var sources = await CompareQueries.SourcesAsync(db, cache, Text(query, "left"), Text(query, "right"), ct);
        var left = sources.Find(s => s.Slug == Text(query, "left"));
        var right = sources.Find(s => s.Slug == Text(query, "right"));
        if (left is null || right is null)
        {
            return null;
        }
        var counts = await CompareQueries.CountsAsync(db, left.Id, right.Id, ct);
        var shared = await CompareQueries.SharedAsync(db, left.Id, right.Id, null, CompareSort.Flag, null, ct);
        var onlyLeft = await CompareQueries.OnlyInAsync(db, left.Id, right.Id, CompareCursor.OnlyLeft, null, ct);
        var onlyRight = await CompareQueries.OnlyInAsync(db, right.Id, left.Id, CompareCursor.OnlyRight, null, ct);
        return new { sources, counts, shared, onlyLeft, onlyRight };
    }

    private static async Task<object?> ApiClaimsAsync(KnowledgeBaseDb db, ReadingCache cache, IQueryCollection query, CancellationToken ct)
    {
        long after = 0;
        if (Text(query, "cursor") is { } cursor && !Cursor.TryDecodeId(cursor, out after))
        {
            return null;
        }
        var (items, last) = await ApiQueries.ClaimsAsync(db, new ApiClaimFilter(null, null, null, null), after, ApiEndpoints.DefaultLimit, ct);
        return new { items, next = last };
    }
}
