using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Core.Topics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KnowledgeBase.Core.Data;

/// <summary>
/// The one database context: sources, their footnotes and passages, topics, claims and citations; the accounts
/// (ASP.NET Core Identity: users, roles), their API tokens and the DataProtection key ring.
/// </summary>
public sealed class KnowledgeBaseDb(DbContextOptions<KnowledgeBaseDb> options)
    : IdentityDbContext<EditorUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public const string MigrationsAssembly = "KnowledgeBase.Migrations";

    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Footnote> Footnotes => Set<Footnote>();
    public DbSet<Passage> Passages => Set<Passage>();
    public DbSet<SourceSlugHistory> SourceSlugHistory => Set<SourceSlugHistory>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimTopic> ClaimTopics => Set<ClaimTopic>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<SeedImport> SeedImports => Set<SeedImport>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>
    /// The options every host uses: Npgsql, snake_case names, migrations in their own assembly. Sessions run without
    /// parallel query: the app's queries are index lookups of a page each, where starting workers costs more than it
    /// saves (a search for a rare word took 9 ms of its 13 waiting for two workers) and steals the cores that serve
    /// concurrent requests. Transient failures are retried briefly outside the callers' own transactions
    /// (<see cref="TransientFailureRetry"/>).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(SessionConnectionString(connectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly)
                   .ExecutionStrategy(dependencies => new TransientFailureRetry(dependencies)))
               .UseSnakeCaseNamingConvention();
    }

    /// <summary>
    /// The connection string with the session settings every connection of the app runs with (see <see cref="Configure"/>).
    /// JIT is off: the app's queries are index lookups, and JIT compiled the claim page's query (whose estimate
    /// crosses the JIT threshold) in 120 ms to run it in under 1 ms. Statements are not prepared automatically, though
    /// planning costs a claim page more than running it: Npgsql's automatic preparation lost its place in the protocol
    /// after a connection was cut (the outage tests), and a prepared search could fall back to a plan blind to its words.
    /// </summary>
    public static string SessionConnectionString(string connectionString)
    {
        var session = new NpgsqlConnectionStringBuilder(connectionString);
        session.Options = $"{session.Options} -c max_parallel_workers_per_gather=0 -c jit=off".Trim();
        return session.ConnectionString;
    }

    /// <summary>
    /// Identity's schema is pinned here rather than read from the app's IdentityOptions, so that the model is the
    /// same in the app and at design time (where `dotnet ef` builds it without the app's services).
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity first: the configurations in Accounts/ then rename its tables.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KnowledgeBaseDb).Assembly);
    }
}
