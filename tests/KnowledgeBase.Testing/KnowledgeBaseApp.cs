using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Testing;

/// <summary>The real app on its own throwaway database, migrated and seeded from seed-data/.</summary>
public class KnowledgeBaseApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly bool _ownsDatabase = true;

    public KnowledgeBaseApp()
    {
    }

    /// <summary>A second app instance on <paramref name="first"/>'s database, already migrated and seeded (and dropped by it).</summary>
    protected KnowledgeBaseApp(KnowledgeBaseApp first)
    {
        ArgumentNullException.ThrowIfNull(first);
        (_database, _ownsDatabase) = (first.Database, false);
    }

    /// <summary>Browser tests need a real socket; HTTP tests are fine with the in-memory test server.</summary>
    protected virtual bool RealServer => false;

    /// <summary>The output cache switch (KnowledgeBase:OutputCache); on, as in production, unless a fixture says otherwise.</summary>
    protected virtual bool OutputCache => true;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed-data");

    public async Task InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        if (RealServer)
        {
            UseKestrel(0);
            StartServer();
        }
        if (_ownsDatabase)
        {
            await DatabaseMigration.RunAsync(Services);
            await MaintenanceCommands.SeedAsync(Services, SeedDirectory);
        }
    }

    /// <summary>The address of the real server (with <see cref="RealServer"/>).</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:KnowledgeBase", Database.ConnectionString);
        builder.UseEnvironment("Development");
        builder.UseSetting(ReadingCache.SwitchKey, OutputCache ? "true" : "false");
        TestClientAddress.AddTo(builder);
    }

    /// <summary>Runs a query against the app's database.</summary>
    public async Task<T> QueryAsync<T>(Func<KnowledgeBaseDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KnowledgeBaseDb>());
    }

    public Task<Claim> ClaimAsync(string slug) =>
        QueryAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Slug == slug));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
