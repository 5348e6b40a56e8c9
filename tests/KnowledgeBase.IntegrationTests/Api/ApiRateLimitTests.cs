using System.Globalization;
using System.Net;
using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgeBase.IntegrationTests.Api;

[Collection(AppCollection.Name)]
public sealed class ApiRateLimitTests(KnowledgeBaseApp app)
{
    [Fact]
    public async Task Anonymous_clients_over_the_limit_get_429_with_retry_after()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Api:PermitsPerMinute", "3"));
        var client = ApiClient.For(limited);
        for (var i = 0; i < 3; i++)
        {
            await client.GetJsonAsync("/api/v1/topics");
        }
        using var refused = await client.GetAsync(new Uri("/api/v1/topics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);

        // Another client address has its own window.
        var other = ApiClient.For(limited);
        await other.GetJsonAsync("/api/v1/topics");
    }
}

/// <summary>The app with an anonymous API limit of 3 a minute, so a test reaches it quickly.</summary>
public sealed class RateLimitedApp : KnowledgeBaseApp
{
    public const int Permits = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:PermitsPerMinute", Permits.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Who the anonymous limit applies to, and the Retry-After it gives (issue 15).</summary>
public sealed class ApiRateLimitIdentityTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static async Task<List<HttpStatusCode>> ReadTopicsAsync(HttpClient client, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/topics", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Signed_in_editors_are_not_limited_as_anonymous_clients()
    {
        var editor = await app.SignInAsync(KnowledgeBase.Core.Accounts.Roles.Editor);

        Assert.All(await ReadTopicsAsync(editor, RateLimitedApp.Permits * 2), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Api_tokens_are_not_limited_as_anonymous_clients_but_a_false_token_is()
    {
        var (_, token) = await app.ApiTokenAsync(KnowledgeBase.Core.Accounts.Roles.Editor);

        var withToken = await ReadTopicsAsync(ApiClient.For(app).WithToken(token), RateLimitedApp.Permits * 2);
        var withFalseToken = await ReadTopicsAsync(ApiClient.For(app).WithToken("kb_0123456789ab_not-a-real-secret"), RateLimitedApp.Permits + 1);

        Assert.All(withToken, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, withFalseToken[^1]);
    }

    [Fact]
    public async Task Retry_after_is_the_time_left_in_the_window_not_the_whole_window()
    {
        var client = ApiClient.For(app);
        await ReadTopicsAsync(client, RateLimitedApp.Permits);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var refused = await client.GetAsync(new Uri("/api/v1/topics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 58);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains($"wait {seconds} seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
