using Npgsql;

namespace KnowledgeBase.Testing;

/// <summary>
/// A throwaway PostgreSQL database for one fixture, created on the server named by KB_TEST_DATABASE
/// (./kb test points it at the private cluster) and dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A new empty database, or a copy of <paramref name="template"/> (a database nobody is connected to).</summary>
    public static async Task<TestDatabase> CreateAsync(string? template = null)
    {
        var admin = Environment.GetEnvironmentVariable("KB_TEST_DATABASE")
            ?? throw new InvalidOperationException(
                "KB_TEST_DATABASE is not set: run the tests with ./kb test, or set it to a PostgreSQL connection string whose user may create databases.");
        var name = "kbtest_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(admin, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
