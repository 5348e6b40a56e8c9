using System.Net;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeBase.IntegrationTests.Health;

public sealed class HealthTests(KnowledgeBaseApp app) : IClassFixture<KnowledgeBaseApp>
{
    [Theory]
    [InlineData(HealthEndpoints.LivePath, "Healthy")]
    [InlineData(HealthEndpoints.ReadyPath, "Healthy\ndatabase: Healthy, database reachable, schema up to date\n")]
    public async Task A_running_app_on_a_migrated_database_is_live_and_ready(string path, string body)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pending_migrations_make_the_app_live_but_not_ready()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var unmigrated = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:KnowledgeBase", database.ConnectionString);
            builder.UseEnvironment("Development");
        });
        var client = unmigrated.CreateClient();

        using var ready = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("Unhealthy\ndatabase: Unhealthy, 1", await ready.Content.ReadAsStringAsync());
        using var live = await client.GetAsync(new Uri(HealthEndpoints.LivePath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
