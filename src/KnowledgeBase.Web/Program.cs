using System.CommandLine;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Web;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Api;
using KnowledgeBase.Web.Components;
using KnowledgeBase.Web.Exports;
using KnowledgeBase.Web.Health;
using KnowledgeBase.Web.Intake;
using KnowledgeBase.Web.Replicas;
using KnowledgeBase.Web.Security;
using KnowledgeBase.Web.Shared;

// `KnowledgeBase.Web convert FILE` needs no database: it runs before the app is composed.
if (ConvertCommand.Matches(args))
{
    return await CommandLines.InvokeAsync(new RootCommand { ConvertCommand.Command() }, args, Console.Out, Console.Error);
}

var app = Program.Build(args);

// `KnowledgeBase.Web migrate`, `... seed DIR` and `... user add|list` run a maintenance task and exit.
if (await MaintenanceCommands.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await app.RunAsync();
return 0;

/// <summary>Public so integration tests can host the app with WebApplicationFactory, and tools with <see cref="Build"/>.</summary>
public partial class Program
{
    /// <summary>
    /// The app, configured: services, middleware and endpoints. This is the one place that composes it; a tool that
    /// hosts the real app (it may add services in <paramref name="extend"/>, before the build, and endpoints after)
    /// calls this too, so it serves exactly what <c>dotnet KnowledgeBase.Web.dll</c> serves.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? extend = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        var connectionString = builder.Configuration.GetConnectionString("KnowledgeBase")
            ?? builder.Configuration["KB_DATABASE"]
            ?? throw new InvalidOperationException(
                "No database configured: set KB_DATABASE (or ConnectionStrings__KnowledgeBase) to a PostgreSQL connection string, or start the app with ./kb run.");

        if (MaintenanceCommands.IsMaintenance(args))
        {
            // EF logs its probe of a not-yet-created history table as an error; the migration that follows is what matters.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
            // `user list` prints a table: keep it free of log lines.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Warning);
        }

        // Tagged with this app's name, so the content notifications its own writes cause are told from others'.
        var instance = ContentNotificationListener.NewInstance();
        builder.Services.AddDbContextPool<KnowledgeBaseDb>((services, options) => KnowledgeBaseDb.Configure(
            options.AddInterceptors(services.GetRequiredService<ContentChanges>())
                .AddInterceptors(services.GetServices<ReplicaRouting>()),
            ContentNotificationListener.Tag(connectionString, instance)));
        builder.Services.AddReadReplica(builder.Configuration, connectionString, instance);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SeedImporter>();
        builder.Services.AddAccounts();
        builder.Services.AddScoped<ClaimEditing>();
        builder.Services.AddScoped<SourceEditing>();
        builder.Services.AddApi();
        // A circuit message carries one field's value as typed: 512 KB holds a 100,000-character paste into a claim's
        // statement (3 bytes a character at most), so it is refused next to the field rather than dropping the
        // connection. A source's body, up to 500,000 characters, does not travel this way: it is read as a stream.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 512 * 1024);
        builder.Services.AddReadingCache();
        builder.Services.AddHealth();
        builder.LetTheAppRefuseLongAddresses();
        builder.Services.AddHostedService(services => new ContentNotificationListener(
            connectionString, instance, services.GetRequiredService<ReadingCache>(), services.GetRequiredService<ILogger<ContentNotificationListener>>()));
        extend?.Invoke(builder);

        var app = builder.Build();

        app.UseSecurityHeaders();
        app.Use(PublicAddress.From(app.Configuration).CheckAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                StatusCodeSelector = ApiErrors.StatusOf,
            });
            app.UseHsts();
        }
        app.UseStatusPages();
        app.UseApiErrors();
        // Inside the error handlers, so an outage is answered here first (503, not 500); before authentication, which reads the database.
        app.UseDatabaseOutageAnswers();
        app.UseCors();
        app.UseTextParameterCheck();
        // Authentication first, so the limits tell signed-in editors and API tokens from anonymous clients.
        app.UseAuthentication();
        app.UseApiTokenUser();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseReadReplica();
        app.UseReadingCache(app.Configuration);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapApi();
        app.MapExports();
        app.MapOpenApi();
        app.MapHealth();
        return app;
    }
}
