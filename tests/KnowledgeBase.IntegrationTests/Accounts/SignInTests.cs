using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class SignInTests(KnowledgeBaseApp app)
{
    [Fact]
    public async Task The_right_password_signs_in_and_returns_to_the_page_asked_for()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor, name: "Grace Editor");
        var client = app.CreateHttpsClient();

        using var response = await client.SignInWithFormAsync(editor.Email, editor.Password, returnUrl: "/topics");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/topics", response.Target().PathAndQuery);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsSetup.AuthCookie + "=", StringComparison.Ordinal));
        var page = await client.GetPageAsync("/topics");
        Assert.Contains("Signed in as", page);
        Assert.Contains("Grace Editor", page);
        Assert.Contains("(Editor)", page);
        Assert.Contains($"action=\"{Links.SignOut}\"", page);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var client = app.CreateHttpsClient();

        using var response = await client.SignInWithFormAsync(editor.Email, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(AccountsSetup.AuthCookie + "=", StringComparison.Ordinal));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The email or password is wrong.", html);
        Assert.Contains($"value=\"{editor.Email}\"", html); // what was typed is kept
        Assert.Contains("Sign in</a>", await client.GetPageAsync("/"));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var client = app.CreateHttpsClient();

        using var response = await client.SignInWithFormAsync("nobody-" + Guid.NewGuid().ToString("N")[..8] + "@example.test", "whatever-it-is");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Empty_fields_are_named_next_to_the_fields()
    {
        var client = app.CreateHttpsClient();

        using var response = await client.SignInWithFormAsync("", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"sign-in-email-error\"", html);
        Assert.Contains("Enter your email address.", html);
        Assert.Contains("Enter your password.", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_is_ignored(string returnUrl)
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var client = app.CreateHttpsClient();

        using var response = await client.SignInWithFormAsync(editor.Email, editor.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri("https://localhost/"), response.Target());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var client = app.CreateHttpsClient();

        for (var i = 0; i < AccountsSetup.MaxFailedSignIns; i++)
        {
            using var failed = await client.SignInWithFormAsync(editor.Email, $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var response = await client.SignInWithFormAsync(editor.Email, editor.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This account is locked after 5 failed sign-ins. Try again in 15 minutes", html);
        var lockoutEnd = await app.QueryAsync(db => db.Users.Where(u => u.Id == editor.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.Contains("Sign in</a>", await client.GetPageAsync("/"));
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_answer_429_with_Retry_After()
    {
        var client = app.CreateHttpsClient();
        var form = await client.GetFormAsync(Links.SignInPage, "sign-in");
        var wrong = new Dictionary<string, string?> { ["Input.Email"] = "nobody@example.test", ["Input.Password"] = "wrong-password" };

        for (var i = 0; i < SignInRateLimit.PermitsPerWindow; i++)
        {
            using var allowed = await client.PostFormAsync(form, wrong);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await client.PostFormAsync(form, wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", html);
        Assert.Contains($"Wait {retryAfter} seconds", html);
        // Reading the page is never limited, and another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Links.SignInPage, UriKind.Relative))).StatusCode);
        using var other = await app.CreateHttpsClient().SignInWithFormAsync("nobody@example.test", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Signing_out_is_a_post_with_an_antiforgery_token_and_ends_the_session()
    {
        var client = await app.SignInAsync(Roles.Editor);

        using var get = await client.GetAsync(new Uri(Links.SignOut, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, get.StatusCode);
        Assert.NotEqual(HttpStatusCode.Found, get.StatusCode);
        using var forged = await client.PostAsync(new Uri(Links.SignOut, UriKind.Relative), new FormUrlEncodedContent([new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Signed in as", await client.GetPageAsync("/"));

        using var response = await client.SubmitFormAsync("/sources", Links.SignOut);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri("https://localhost/sources"), response.Target());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsSetup.AuthCookie + "=;", StringComparison.Ordinal));
        var page = await client.GetPageAsync("/sources");
        Assert.DoesNotContain("Signed in as", page);
        Assert.Contains("Sign in</a>", page);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var client = app.CreateHttpsClient();

        using var response = await client.SubmitFormAsync(Links.SignInPage, "sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = editor.Email,
            ["Input.Password"] = editor.Password,
            [Forms.TokenField] = null,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AccountsSetup.AuthCookie, StringComparison.Ordinal)));
    }
}
