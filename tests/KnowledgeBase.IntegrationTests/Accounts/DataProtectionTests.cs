using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class DataProtectionTests(KnowledgeBaseApp app)
{
    /// <summary>A second instance of the app on the same database, as after a restart.</summary>
    private sealed class Restarted(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:KnowledgeBase", connectionString);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task The_key_ring_is_in_the_database_so_a_restart_keeps_people_signed_in()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor, name: "Restart Editor");
        var client = app.CreateHttpsClient();
        using var signIn = await client.SignInWithFormAsync(editor.Email, editor.Password);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsSetup.AuthCookie + "=", StringComparison.Ordinal)).Split(';')[0];

        Assert.True(await app.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
        await using var restarted = new Restarted(app.Database.ConnectionString);
        using var other = restarted.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Restart Editor", await response.Content.ReadAsStringAsync());
    }
}
