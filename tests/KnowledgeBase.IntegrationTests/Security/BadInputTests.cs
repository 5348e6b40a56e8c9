using System.Net;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Security;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Security;

/// <summary>
/// Issue 15's causes of 500, each pinned: a clear 4xx instead, problem details under /api and the site's page
/// elsewhere. (Figures, Markdown nesting and what only a real socket can send have tests of their own.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BadInputTests(KnowledgeBaseApp app)
{
    public static TheoryData<string> PagesWithANul => new()
    {
        "/search?q=troops%00",
        "/search?q=troops&topic=troop%00deployment",
        "/search?q=troops&source=%00",
        "/claims?topic=troop-deployment%00",
        "/claims?source=usip%00",
        "/topics/troop-deployment?source=%00x",
        "/compare?left=%00&right=x",
        "/sources?after=%00",
        "/claims?flag=agree&%00=x",
        "/search?q=a%01b",
    };

    [Theory]
    [MemberData(nameof(PagesWithANul))]
    public async Task A_control_character_in_any_query_parameter_is_the_sites_400_page(string url)
    {
        using var response = await PageClient.For(app).GetAsync(new Uri(url, UriKind.Relative));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("That request could not be understood", document.QuerySelector("h1")?.TextContent);
        Assert.Contains("holds the control character U+00", document.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.GetValues("Content-Security-Policy").SingleOrDefault());
    }

    public static TheoryData<string> ApiWithANul => new()
    {
        "/api/v1/claims?q=a%00b",
        "/api/v1/claims?topic=%00",
        "/api/v1/claims?source=usip%00",
        "/api/v1/claims?flag=%00",
        "/api/v1/sources?cursor=%00",
    };

    [Theory]
    [MemberData(nameof(ApiWithANul))]
    public async Task A_control_character_in_an_api_parameter_is_a_400_problem(string url)
    {
        var problem = await ApiClient.For(app).GetProblemAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal("/api#invalid-parameter", problem.GetProperty("type").GetString());
        Assert.Contains("U+0000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_the_site_does_not_answer_for_is_a_400_problem_under_api()
    {
        var client = ApiClient.For(app);
        client.DefaultRequestHeaders.Host = "evil.example";

        var problem = await client.GetProblemAsync("/api/v1/claims/1", HttpStatusCode.BadRequest);

        Assert.Equal("Host not served", problem.GetProperty("title").GetString());
        Assert.Contains("does not answer for the host", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/claims?flag=agree")]
    [InlineData("/api/v1/topics")]
    public async Task A_host_the_site_does_not_answer_for_is_a_400_with_the_security_headers(string url)
    {
        var client = ApiClient.For(app);
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not answer for the host", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task Absolute_addresses_come_from_the_public_address_not_the_host_header()
    {
        using var site = app.WithWebHostBuilder(b => b.UseSetting(PublicAddress.Setting, "https://kb.example.org"));
        var claim = await app.ClaimAsync("troops-sent-to-russia");
        var client = ApiClient.For(site);
        client.DefaultRequestHeaders.Host = "localhost";
        var permalink = "https://kb.example.org" + Links.Claim(claim.Id, claim.Slug);

        var page = await client.GetPageAsync(Links.Claim(claim.Id, claim.Slug));
        using var oldSlug = await client.GetAsync(new Uri(Links.Claim(claim.Id, "an-old-slug"), UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri("/exports/claims.csv", UriKind.Relative));
        client.DefaultRequestHeaders.Host = "kb.example.org";
        using var publicHost = await client.GetAsync(new Uri("/", UriKind.Relative));
        client.DefaultRequestHeaders.Host = "evil.example";
        using var evil = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains($"\"url\":\"{permalink}\"", page.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"href=\"{permalink}\" rel=\"bookmark\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost", page, StringComparison.Ordinal);
        Assert.StartsWith("https://kb.example.org/", oldSlug.Headers.Location?.ToString() ?? "https://kb.example.org/", StringComparison.Ordinal);
        Assert.Contains(permalink, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, publicHost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
    }

    [Fact]
    public async Task Signing_out_without_an_antiforgery_token_is_a_400_page_and_leaves_the_session()
    {
        var editor = await app.SignInAsync(Roles.Editor);
        var anonymous = app.CreateHttpsClient();

        foreach (var client in new[] { editor, anonymous })
        {
            using var response = await client.PostAsync(new Uri(Links.SignOut, UriKind.Relative),
                new FormUrlEncodedContent([new("returnUrl", "/topics")]));

            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
            Assert.Contains("sign out again", html, StringComparison.Ordinal);
        }
        Assert.Contains("Signed in as", await editor.GetPageAsync("/topics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_with_the_headers_form_still_signs_out()
    {
        var editor = await app.SignInAsync(Roles.Editor);

        using var response = await editor.SubmitFormAsync("/topics", Links.SignOut);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.DoesNotContain("Signed in as", await editor.GetPageAsync("/topics"), StringComparison.Ordinal);
    }

    /// <summary>Posts a page's form URL-encoded (as a browser does) with some fields' values replaced (one holding a NUL).</summary>
    private static async Task<string> PostWithANulAsync(
        HttpClient client, string url, string form, HttpStatusCode expected, params (string Field, string Value)[] values)
    {
        var page = await client.GetFormAsync(url, form);
        var fields = page.Fields.Where(f => !values.Any(v => v.Field == f.Key)).Concat(values.Select(v => new KeyValuePair<string, string>(v.Field, v.Value)));
        using var response = await client.PostAsync(new Uri(page.Action, UriKind.Relative), new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}, not {(int)expected}: {html[..Math.Min(html.Length, 3000)]}");
        return html;
    }

    [Fact]
    public async Task A_nul_in_the_sign_in_password_shows_the_form_again_with_the_message()
    {
        var account = await app.CreateAccountAsync(Roles.Editor);

        var html = await PostWithANulAsync(app.CreateHttpsClient(), Links.SignInPage, "sign-in", HttpStatusCode.OK,
            ("Input.Email", account.Email), ("Input.Password", "pass\0word"));

        var document = new HtmlParser().ParseDocument(html);
        Assert.Contains("The email or password is wrong.", document.QuerySelector("#sign-in-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("form input[name='Input.Email']"));
    }

    [Fact]
    public async Task A_nul_in_an_admin_form_shows_the_form_again_with_the_message_next_to_the_field()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var user = await app.CreateAccountAsync(Roles.Editor);

        var added = new HtmlParser().ParseDocument(
            await PostWithANulAsync(admin, Links.AdminUsers, "add-user", HttpStatusCode.UnprocessableEntity,
                ("Add.Email", $"n-{Guid.NewGuid():N}"[..14] + "@example.test"), ("Add.DisplayName", "Ann\0Lee"), ("Add.Role", Roles.Editor), ("Add.Password", "a-good-long-passphrase")));
        var role = new HtmlParser().ParseDocument(
            await PostWithANulAsync(admin, Links.AdminUser(user.Id), "role", HttpStatusCode.UnprocessableEntity, ("RoleInput.Role", "Admin\0")));

        Assert.Contains("cannot be stored", added.QuerySelector("#add-name-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(role.QuerySelector("#role-select"));
        Assert.Contains("role", role.QuerySelector("[role=alert], .field-error")?.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_nul_in_a_restore_version_shows_the_history_again_with_a_message()
    {
        var editor = await app.SignInAsync(Roles.Editor);
        var claim = await app.ClaimAsync("troops-sent-to-russia");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A second revision, so that the history offers to restore the first.
            var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
            var current = (await editing.FindAsync(claim.Id))!;
            var draft = current.Snapshot.ToDraft();
            draft.Statement += " (restore test)";
            var saved = await editing.UpdateAsync(claim.Id, draft, current.Version, new Editor("test", "Test Editor"));
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(saved);
        }

        // .NET's number parsing stops at a NUL, so the version reads as 1: a stale one, refused as a conflict.
        var html = await PostWithANulAsync(
            editor, Links.ClaimHistory(claim.Id), "restore", HttpStatusCode.Conflict, ("RestoreInput.Version", "1\0"), ("RestoreInput.Revision", "1"));

        var document = new HtmlParser().ParseDocument(html);
        Assert.NotNull(document.QuerySelector("#restore-form"));
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("[role=alert]")?.TextContent));
    }

    [Fact]
    public async Task A_form_without_a_nul_is_not_touched_by_the_check()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = $"n-{Guid.NewGuid():N}"[..14] + "@example.test";
        var page = await admin.GetFormAsync(Links.AdminUsers, "add-user");
        var fields = page.Fields.Where(f => !f.Key.StartsWith("Add.", StringComparison.Ordinal)).Concat(
        [
            new("Add.Email", email), new("Add.DisplayName", "Ann Lee"), new("Add.Role", Roles.Editor), new("Add.Password", "a-good-long-passphrase"),
        ]);

        using var response = await admin.PostAsync(new Uri(page.Action, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == email)));
    }
}
