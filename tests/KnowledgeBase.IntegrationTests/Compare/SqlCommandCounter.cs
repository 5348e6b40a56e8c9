using System.Diagnostics;

namespace KnowledgeBase.IntegrationTests.Compare;

/// <summary>
/// Records the SQL commands Npgsql runs against one database while it is alive, through Npgsql's tracing
/// activities: how a test proves a page costs a fixed number of queries.
/// </summary>
internal sealed class SqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<string> _commands = [];

    public SqlCommandCounter(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database && activity.GetTagItem("db.query.text") is string sql)
                {
                    lock (_commands)
                    {
                        _commands.Add(sql);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
