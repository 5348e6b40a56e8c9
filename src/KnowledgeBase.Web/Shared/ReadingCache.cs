using System.Globalization;
using KnowledgeBase.Core.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// Caching of what readers see, and its invalidation. Anonymous GETs of the reading pages and the read API are kept by
/// ASP.NET Core's output cache (switch: <c>KnowledgeBase:OutputCache</c>, default on), keyed by path, the whole query
/// string and the content version; expensive derived artefacts (counts, aggregates) are kept in memory under the same
/// version. Every committed content change (<see cref="ContentChanges"/>) bumps the version and evicts the output
/// cache's tag, so an editor's save shows on the next read. Never cached: signed-in users (the default policy skips
/// authenticated requests), responses that set a cookie, anything but 200, and pages outside <see cref="IsReading"/>
/// (sign-in, editing, history, admin), which are the only ones with forms carrying antiforgery tokens.
/// </summary>
public sealed class ReadingCache(IMemoryCache memory, IServiceProvider services) : IContentChangeObserver
{
    public const string SwitchKey = "KnowledgeBase:OutputCache";
    public const string Tag = "content";

    private long _version;

    /// <summary>Bumped on every committed content change: what every cache entry is keyed by.</summary>
    public long Version => Interlocked.Read(ref _version);

    public const string MemoryBudgetKey = "KnowledgeBase:ReadingCacheMegabytes";
    public const string OutputBudgetKey = "KnowledgeBase:OutputCacheMegabytes";

    /// <summary>What the derived values may weigh together by default; past it, new ones are computed each time until compaction makes room.</summary>
    public const int DefaultMemoryMegabytes = 48;

    /// <summary>What the output cache may hold by default (response bodies).</summary>
    public const int DefaultOutputMegabytes = 32;

    /// <summary>The weight of a value whose caller gives no estimate: small aggregates, counts and option lists.</summary>
    public const long DefaultEntryBytes = 8 * 1024;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A derived value computed once per content version: concurrent readers of a missing value share one computation
    /// (no stampede after an edit); a failed one is forgotten. Entries unused for a while are evicted. An entry counts
    /// against the memory budget by <paramref name="weigh"/>'s estimate of its bytes, once computed.
    /// </summary>
    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> compute, Func<T, long>? weigh = null)
    {
        var versioned = (Version, key);
        var created = false;
        var shared = memory.GetOrCreate(versioned, entry =>
        {
            created = true;
            entry.Size = DefaultEntryBytes;
            entry.SlidingExpiration = Unused;
            return new Lazy<Task<T>>(compute);
        })!;
        try
        {
            var value = await shared.Value;
            if (created && weigh is not null)
            {
                // Re-stored at its real weight: one too heavy for the room left is dropped, not kept at a false size.
                memory.Set(versioned, shared, new MemoryCacheEntryOptions { Size = Math.Max(1, weigh(value)), SlidingExpiration = Unused });
            }
            return value;
        }
        catch
        {
            memory.Remove(versioned);
            throw;
        }
    }

    /// <summary>Bytes of a string held in memory (UTF-16 plus the object header): the unit of cache weights.</summary>
    public static long Weight(string? text) => text is null ? 0 : 24 + 2L * text.Length;

    public async ValueTask ContentChangedAsync(CancellationToken ct)
    {
        // Refills must not come from a replica that has not replayed the change yet (see IReadFreshness).
        if (services.GetService<IReadFreshness>() is { } freshness)
        {
            await freshness.HoldReadsUntilCurrentAsync(ct);
        }
        await DropAsync(ct);
    }

    /// <summary>Drops every cached page and value, so the next reads compute them afresh.</summary>
    public async ValueTask DropAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _version);
        // Entries of older versions can no longer be looked up; evicting them frees their memory now.
        if (services.GetService<IOutputCacheStore>() is { } store)
        {
            await store.EvictByTagAsync(Tag, ct);
        }
    }

    /// <summary>An anonymous GET or HEAD of a reading page: what the output cache may store and serve.</summary>
    public static bool IsCacheable(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && IsReading(context.Request.Path);

    /// <summary>The anonymous reading pages and read endpoints; the claims exports stream a whole table and are never buffered.</summary>
    public static bool IsReading(PathString path) =>
        path == "/" || path.StartsWithSegments("/topics") || path.StartsWithSegments("/claims") || path.StartsWithSegments("/sources")
        || path.StartsWithSegments("/outlets") || path.StartsWithSegments("/search") || path.StartsWithSegments("/compare")
        || path.StartsWithSegments("/api")
        || (path.StartsWithSegments("/exports") && !path.StartsWithSegments("/exports/claims.csv") && !path.StartsWithSegments("/exports/claims.json"));
}

/// <summary>
/// Where reads may lag behind the primary (a streaming replica), what keeps the caches from being refilled with rows
/// older than a committed change: told before the caches drop, it holds such reads back until they include it.
/// </summary>
public interface IReadFreshness
{
    ValueTask HoldReadsUntilCurrentAsync(CancellationToken ct);
}

public static class ReadingCacheSetup
{
    /// <summary>After AddRazorComponents: it replaces Blazor's antiforgery state provider.</summary>
    public static IServiceCollection AddReadingCache(this IServiceCollection services)
    {
        // Budgets in bytes: together with the runtime and the pools they keep the server near its memory target
        // (docs/benchmarks.md), whatever addresses readers try.
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IConfiguration>((options, configuration) =>
            options.SizeLimit = configuration.GetValue(ReadingCache.MemoryBudgetKey, ReadingCache.DefaultMemoryMegabytes) * 1024L * 1024);
        services.AddSingleton<ReadingCache>();
        services.AddSingleton<IContentChangeObserver>(sp => sp.GetRequiredService<ReadingCache>());
        services.AddSingleton<ContentChanges>();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<AntiforgeryStateProvider, ReadingAntiforgeryState>());
        services.AddOptions<OutputCacheOptions>().Configure<IConfiguration>((options, configuration) =>
            options.SizeLimit = configuration.GetValue(ReadingCache.OutputBudgetKey, ReadingCache.DefaultOutputMegabytes) * 1024L * 1024);
        services.AddOutputCache(options =>
        {
            // Larger responses (a compare page of two long documents is ~300 KB) are served fresh: a few of them would
            // fill the budget, and copying them in and out under a rotation of addresses cost more than it saved.
            options.MaximumBodySize = 256 * 1024;
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            options.AddBasePolicy(policy => policy
                .With(context => ReadingCache.IsCacheable(context.HttpContext))
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "v", context.RequestServices.GetRequiredService<ReadingCache>().Version.ToString(CultureInfo.InvariantCulture)))
                // Blazor answers its enhanced navigation (a fetch that patches the page in place) with headers of its
                // own, such as ssr-framing: a page fetched that way and one loaded whole are different responses.
                .VaryByValue(context => new KeyValuePair<string, string>("nav", EnhancedNavigation.IsRequested(context.Request) ? "enhanced" : "full"))
                .Tag(ReadingCache.Tag));
        });
        return services;
    }

    /// <summary>Serves and stores cached responses unless <c>KnowledgeBase:OutputCache</c> is false. After authentication, so signed-in users bypass it.</summary>
    public static IApplicationBuilder UseReadingCache(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue(ReadingCache.SwitchKey, true))
        {
            return app;
        }
        app.Use((context, next) =>
        {
            if (ReadingCache.IsCacheable(context))
            {
                context.Response.OnStarting(EnhancedNavigation.RestoreAllowHeader, context.Response);
            }
            return next(context);
        });
        return app.UseOutputCache();
    }
}

/// <summary>
/// Antiforgery tokens only where a form can use them. Blazor's own provider persists a token into every server-rendered
/// page (and sets the antiforgery cookie), which would make every reading page uncacheable — or worse, cache one
/// reader's token for all. Anonymous reading pages carry no form that posts, so they get none; every other page
/// (sign-in, admin, history, a signed-in reader's header with its sign-out form) gets the token as before.
/// Interactive circuits post nothing over HTTP and need none.
/// </summary>
internal sealed class ReadingAntiforgeryState(IHttpContextAccessor accessor, IAntiforgery antiforgery) : AntiforgeryStateProvider
{
    private AntiforgeryRequestToken? _token;

    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        if (_token is not null)
        {
            return _token;
        }
        if (accessor.HttpContext is not { } context || context.WebSockets.IsWebSocketRequest || ReadingCache.IsCacheable(context))
        {
            return null;
        }
        var tokens = antiforgery.GetAndStoreTokens(context);
        return _token = tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken, tokens.FormFieldName);
    }
}

/// <summary>Blazor's enhanced navigation, as the output cache must see it.</summary>
internal static class EnhancedNavigation
{
    private const string AllowHeader = "blazor-enhanced-nav";

    /// <summary>Blazor's own test: its script sends exactly this one Accept value when it fetches a page to patch it in place.</summary>
    public static bool IsRequested(HttpRequest request) =>
        request.Headers.Accept is [var accept] && string.Equals(accept, "text/html; blazor-enhanced-nav=on", StringComparison.Ordinal);

    /// <summary>
    /// The output cache stores header values it knows by a case-insensitive table, and "allow" is in it (as the Allow
    /// header's name), so a cached page comes back with <c>blazor-enhanced-nav: Allow</c>. Blazor's script compares
    /// the value case-sensitively, takes the page for a non-Blazor one and loads it whole; with a #fragment in the
    /// address that load never leaves the page, and the script fetches it again, without end. Run as the response
    /// starts, cached or not.
    /// </summary>
    public static Task RestoreAllowHeader(object state)
    {
        var response = (HttpResponse)state;
        if (string.Equals(response.Headers[AllowHeader], "Allow", StringComparison.Ordinal))
        {
            response.Headers[AllowHeader] = "allow";
        }
        return Task.CompletedTask;
    }
}
