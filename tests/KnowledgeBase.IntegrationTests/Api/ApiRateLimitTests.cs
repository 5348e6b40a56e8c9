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
