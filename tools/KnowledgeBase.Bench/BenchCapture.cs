using System.Data.Common;
using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace KnowledgeBase.Bench;

/// <summary>A command the app sent: its SQL and a copy of its parameters (values and types).</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Records the SQL a page's queries send, so the raw-Npgsql layer (L1) and pgbench (L0) replay exactly the same
/// statements. An EF interceptor the tool adds to the app's DbContext: every page query goes through EF, so the
/// app's code holds no call for it. Recording is on only inside <see cref="CaptureAsync"/> (an async-local list);
/// otherwise observing a command costs one async-local read.
/// </summary>
internal sealed class BenchCapture : DbCommandInterceptor
{
    private static readonly BenchCapture Interceptor = new();

    private static readonly AsyncLocal<List<CapturedCommand>?> Recording = new();

    /// <summary>Adds the capture to the app's database context, beside the interceptors the app registers itself.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.ConfigureDbContext<KnowledgeBaseDb>(options => options.AddInterceptors(Interceptor));

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

    private static void Observe(DbCommand command)
    {
        if (Recording.Value is { } commands && command is NpgsqlCommand npgsql)
        {
            commands.Add(new CapturedCommand(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToList()));
        }
    }
}
