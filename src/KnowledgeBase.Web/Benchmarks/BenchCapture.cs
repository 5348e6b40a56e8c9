using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace KnowledgeBase.Web.Benchmarks;

/// <summary>A command the app sent: its SQL and a copy of its parameters (values and types).</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Records the SQL a page's queries send, so the raw-Npgsql layer (L1) and pgbench (L0) replay exactly the same
/// statements. Recording is on only inside <see cref="CaptureAsync"/> (an async-local list); otherwise observing a
/// command costs one async-local read. Registered only in benchmark mode.
/// </summary>
internal sealed class BenchCapture : DbCommandInterceptor
{
    public static readonly BenchCapture Interceptor = new();

    private static readonly AsyncLocal<List<CapturedCommand>?> Recording = new();

    public static async Task<IReadOnlyList<CapturedCommand>> CaptureAsync(Func<Task> work)
    {
        var commands = new List<CapturedCommand>();
        Recording.Value = commands;
        try
        {
            await work();
        }
        finally
        {
            Recording.Value = null;
        }
        return commands;
    }

    /// <summary>Called for commands built on EF's connection by hand (raw SQL readers), which interceptors do not see.</summary>
    public static void Observe(DbCommand command)
    {
        if (Recording.Value is { } commands && command is NpgsqlCommand npgsql)
        {
            commands.Add(new CapturedCommand(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToList()));
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return ValueTask.FromResult(result);
    }
}
