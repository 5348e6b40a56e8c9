using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Testing;

/// <summary>An account made for a test, with its password.</summary>
public sealed record TestAccount(string Id, string Email, string Password, string DisplayName, string? Role);

/// <summary>
/// Accounts and signed-in clients for tests:
/// <code>
/// var editor = await app.SignInAsync(Roles.Editor);   // an HttpClient with a fresh Editor's session
/// var reader = await app.SignInAsync(null);           // signed in, but with no role (a Reader with an account)
/// var anonymous = app.CreateHttpsClient();            // nobody
/// </code>
/// Clients talk to https://localhost (the cookies are Secure), do not follow redirects, keep cookies, and each
/// comes from its own loopback address, so that the per-address sign-in rate limit never couples two tests.
/// </summary>
public static class AccountsTesting
{
    private static int _clients;

    /// <summary>Creates an account; role null makes one with no role.</summary>
    public static async Task<TestAccount> CreateAccountAsync(this KnowledgeBaseApp app, string? role, string? password = null, string? name = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var email = $"{(role ?? "reader").ToLowerInvariant()}-{id}@example.test";
        password ??= $"test-passphrase-{Guid.NewGuid():N}";
        name ??= $"{role ?? "Reader"} {id}";
        await using var scope = app.Services.CreateAsyncScope();
        if (role is null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
            var user = new EditorUser { UserName = email, Email = email, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            return new TestAccount(user.Id, email, password, name, null);
        }
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, name, role, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Values));
        }
        return new TestAccount(result.User!.Id, email, password, name, role);
    }

    /// <summary>An anonymous client on https://localhost from a loopback address of its own.</summary>
    public static HttpClient CreateHttpsClient(this KnowledgeBaseApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, $"127.1.{(n >> 8) & 255}.{n & 255}");
        return client;
    }

    /// <summary>A new account with that role (null: no role), signed in through the sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(this KnowledgeBaseApp app, string? role) =>
        await app.SignInAsync(await app.CreateAccountAsync(role));

    /// <summary>A client signed in as the account, through the sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(this KnowledgeBaseApp app, TestAccount account)
    {
        var client = app.CreateHttpsClient();
        using var response = await client.SignInWithFormAsync(account.Email, account.Password);
        if (response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Signing in as {account.Email} answered {(int)response.StatusCode}, not a redirect.");
        }
        return client;
    }

    /// <summary>Posts the sign-in form; the answer is a redirect on success.</summary>
    public static Task<HttpResponseMessage> SignInWithFormAsync(this HttpClient client, string email, string password, string? returnUrl = null) =>
        client.SubmitFormAsync(Links.SignIn(returnUrl), "sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}

/// <summary>
/// Test-only: lets a request say which client address it comes from (header X-Test-Client-Address), since the
/// in-memory test server has none. Installed by <see cref="KnowledgeBaseApp"/> in front of the app's pipeline.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };

    internal static void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
}

public static class ResponseExtensions
{
    /// <summary>Where a redirect points, as an absolute URI on https://localhost (relative or not in the header).</summary>
    public static Uri Target(this HttpResponseMessage response) =>
        new(new Uri("https://localhost"), response.Headers.Location ?? throw new InvalidOperationException($"The answer {(int)response.StatusCode} is not a redirect."));
}
