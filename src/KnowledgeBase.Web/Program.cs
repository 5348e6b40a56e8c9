using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Web;
using KnowledgeBase.Web.Components;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("KnowledgeBase")
    ?? builder.Configuration["KB_DATABASE"]
    ?? throw new InvalidOperationException(
        "No database configured: set KB_DATABASE (or ConnectionStrings__KnowledgeBase) to a PostgreSQL connection string, or start the app with ./kb run.");

if (MaintenanceCommands.IsMaintenance(args))
{
    // EF logs its probe of a not-yet-created history table as an error; the migration that follows is what matters.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
}

builder.Services.AddDbContextPool<KnowledgeBaseDb>(options => KnowledgeBaseDb.Configure(options, connectionString));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<SeedImporter>();
builder.Services.AddScoped<ClaimEditing>();
builder.Services.AddScoped<SourceEditing>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

// `KnowledgeBase.Web migrate` and `KnowledgeBase.Web seed DIR` run a maintenance task and exit.
if (await MaintenanceCommands.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Exposed so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
