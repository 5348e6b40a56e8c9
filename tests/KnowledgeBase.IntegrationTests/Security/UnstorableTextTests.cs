using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Security;

/// <summary>
/// PostgreSQL refuses NUL characters in text, and UTF-16 with a lone surrogate cannot be stored at all. Over HTTP,
/// a surrogate's bytes decode to U+FFFD; a NUL reaches the handler in a multipart form, and in a URL-encoded one
/// too (which ASP.NET Core's form reader would refuse whole: the app hands it on as multipart). The forms refuse such text with a message next to the
/// field (or a plain "wrong email or password"), never with a 500, and keep what was typed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UnstorableTextTests(KnowledgeBaseApp app)
{
    public static TheoryData<string> Unstorable => new() { "a\0b", "\0", "tail\0" };

    /// <summary>Posts the page's form as multipart/form-data (which carries any character) with some fields replaced.</summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, string form, IReadOnlyDictionary<string, string> values)
    {
        var page = await client.GetFormAsync(url, form);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in page.Fields.Where(f => !values.ContainsKey(f.Key)).Concat(values))
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }
        return await client.PostAsync(new Uri(page.Action, UriKind.Relative), content);
    }

    private static string Email() => $"u-{Guid.NewGuid():N}"[..14] + "@example.test";

    private static async Task<string> BodyUnder500Async(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        return html;
    }

    [Theory]
    [MemberData(nameof(Unstorable))]
    public async Task Adding_a_user_with_a_nul_in_the_name_is_refused_next_to_the_field_keeping_the_email(string bad)
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = Email();

        using var response = await PostMultipartAsync(admin, Links.AdminUsers, "add-user", new Dictionary<string, string>
        {
            ["Add.Email"] = email,
            ["Add.DisplayName"] = bad,
            ["Add.Role"] = Roles.Editor,
            ["Add.Password"] = "a-good-long-passphrase",
        });

        var document = new HtmlParser().ParseDocument(await BodyUnder500Async(response));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot be stored", document.QuerySelector("#add-name-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, document.QuerySelector("#add-email")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Unstorable))]
    public async Task Adding_a_user_with_a_nul_in_the_email_or_password_is_refused_next_to_the_field(string bad)
    {
        var admin = await app.SignInAsync(Roles.Admin);

        using var badEmail = await PostMultipartAsync(admin, Links.AdminUsers, "add-user", new Dictionary<string, string>
        {
            ["Add.Email"] = "x" + bad + "@example.test",
            ["Add.DisplayName"] = "Someone",
            ["Add.Role"] = Roles.Editor,
            ["Add.Password"] = "a-good-long-passphrase",
        });
        using var badPassword = await PostMultipartAsync(admin, Links.AdminUsers, "add-user", new Dictionary<string, string>
        {
            ["Add.Email"] = Email(),
            ["Add.DisplayName"] = "Someone",
            ["Add.Role"] = Roles.Editor,
            ["Add.Password"] = "a-good-long-passphrase" + bad,
        });

        var emailPage = new HtmlParser().ParseDocument(await BodyUnder500Async(badEmail));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(emailPage.QuerySelector("#add-email-error")?.TextContent));
        var passwordPage = new HtmlParser().ParseDocument(await BodyUnder500Async(badPassword));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPassword.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(passwordPage.QuerySelector("#add-password-error")?.TextContent));
    }

    [Theory]
    [MemberData(nameof(Unstorable))]
    public async Task Signing_in_with_a_nul_is_a_wrong_email_or_password_not_a_500(string bad)
    {
        var client = app.CreateHttpsClient();

        using var badEmail = await PostMultipartAsync(client, Links.SignInPage, "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "x" + bad + "@example.test",
            ["Input.Password"] = "a-good-long-passphrase",
        });
        using var badPassword = await PostMultipartAsync(client, Links.SignInPage, "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Email(),
            ["Input.Password"] = "pass" + bad + "word",
        });

        Assert.Contains("The email or password is wrong.", await BodyUnder500Async(badEmail), StringComparison.Ordinal);
        Assert.Contains("The email or password is wrong.", await BodyUnder500Async(badPassword), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_encoded_form_with_a_nul_is_refused_next_to_the_field_like_a_multipart_one()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var page = await admin.GetFormAsync(Links.AdminUsers, "add-user");
        var fields = string.Join("&", page.Fields.Where(f => !f.Key.StartsWith("Add.", StringComparison.Ordinal))
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        var email = Email();

        using var response = await admin.PostAsync(new Uri(page.Action, UriKind.Relative), new StringContent(
            $"{fields}&Add.Email={Uri.EscapeDataString(email)}&Add.DisplayName=a%00b+c&Add.Role=Editor&Add.Password=a-good-long-passphrase",
            Encoding.ASCII, "application/x-www-form-urlencoded"));

        var document = new HtmlParser().ParseDocument(await BodyUnder500Async(response));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot be stored", document.QuerySelector("#add-name-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, document.QuerySelector("#add-email")!.GetAttribute("value"));
        Assert.False(await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == email)));
    }

    [Fact]
    public async Task A_lone_surrogates_bytes_arrive_as_replacement_characters_and_are_stored_as_such()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = Email();

        using var response = await PostMultipartAsync(admin, Links.AdminUsers, "add-user", new Dictionary<string, string>
        {
            ["Add.Email"] = email,
            ["Add.DisplayName"] = "Ann \uD800 Lee",
            ["Add.Role"] = Roles.Editor,
            ["Add.Password"] = "a-good-long-passphrase",
        });

        await BodyUnder500Async(response);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var name = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == email).Select(u => u.DisplayName)));
        Assert.Equal("Ann \uFFFD Lee", name);
    }
}
