using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class AdminUsersTests(KnowledgeBaseApp app)
{
    private static Dictionary<string, string?> NewUser(string email, string password, string role = Roles.Editor, string? name = null) => new()
    {
        ["Add.Email"] = email,
        ["Add.DisplayName"] = name,
        ["Add.Role"] = role,
        ["Add.Password"] = password,
    };

    private static string NewEmail() => $"new-{Guid.NewGuid():N}"[..16] + "@example.test";

    private Task<string?> RoleOfAsync(string email) => app.QueryAsync(db =>
        db.Users.Where(u => u.Email == email)
            .Select(u => db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault())
            .SingleOrDefaultAsync());

    private Task<bool> ExistsAsync(string email) => app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email));

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var response = await app.CreateHttpsClient().GetAsync(new Uri(Links.AdminUsers, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin%2Fusers", response.Target().PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(null)]
    public async Task An_editor_or_a_reader_with_an_account_is_denied(string? role)
    {
        var client = await app.SignInAsync(role);

        using var response = await client.GetAsync(new Uri(Links.AdminUsers, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Links.AccessDenied, response.Target().AbsolutePath);
        using var denied = await client.GetAsync(response.Target());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("that page or action needs an administrator", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_editor_cannot_add_a_user_by_posting_the_form_directly()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var form = await admin.GetFormAsync(Links.AdminUsers, "add-user");
        var editor = await app.SignInAsync(Roles.Editor);
        var token = (await editor.GetFormAsync(Links.SignInPage, "sign-in")).Token;
        var email = NewEmail();

        using var response = await editor.PostFormAsync(form, new Dictionary<string, string?>(NewUser(email, "a-good-long-passphrase", Roles.Admin)) { [Forms.TokenField] = token });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Links.AccessDenied, response.Target().AbsolutePath);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task An_admin_adds_an_editor_who_can_then_sign_in()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = NewEmail();

        using var response = await admin.SubmitFormAsync(Links.AdminUsers, "add-user", NewUser(email, "a-good-long-passphrase", Roles.Editor, "Ida Editor"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("done=created", response.Target().Query.TrimStart('?'));
        Assert.Equal(Roles.Editor, await RoleOfAsync(email));
        var page = await admin.GetPageAsync(response.Target().PathAndQuery);
        Assert.Contains("The account was added.", page);
        Assert.Contains("Ida Editor", page);
        Assert.Contains(email, await admin.GetPageAsync(Links.AdminUsers));
        using var signIn = await app.CreateHttpsClient().SignInWithFormAsync(email, "a-good-long-passphrase");
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
    }

    [Theory]
    [InlineData("password123", "commonly used passwords")]
    [InlineData("qwerty123", "commonly used passwords")]
    [InlineData("Abc-123", "Use at least 8 characters (this one has 7).")]
    [InlineData("", "Enter a password of at least 8 characters.")]
    public async Task A_weak_password_is_refused_next_to_the_field_and_nothing_typed_is_lost(string password, string message)
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = NewEmail();

        using var response = await admin.SubmitFormAsync(Links.AdminUsers, "add-user", NewUser(email, password, Roles.Admin, "Kept Name"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<p class=\"field-error\" id=\"add-password-error\"", html);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{email}\"", html);
        Assert.Contains("value=\"Kept Name\"", html);
        Assert.Contains("<option value=\"Admin\" selected", html);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task A_password_that_is_the_email_is_refused()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = NewEmail();

        using var response = await admin.SubmitFormAsync(Links.AdminUsers, "add-user", NewUser(email, email));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("must not be the account", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("not-an-email", "Enter an email address such as name@example.org.")]
    [InlineData("", "Enter the email address the person signs in with.")]
    public async Task A_bad_email_is_refused_next_to_the_field(string email, string message)
    {
        var admin = await app.SignInAsync(Roles.Admin);

        using var response = await admin.SubmitFormAsync(Links.AdminUsers, "add-user", NewUser(email, "a-good-long-passphrase"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"add-email-error\"", html);
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task The_same_email_cannot_be_added_twice()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var existing = await app.CreateAccountAsync(Roles.Editor);

        using var response = await admin.SubmitFormAsync(Links.AdminUsers, "add-user", NewUser(existing.Email.ToUpperInvariant(), "a-good-long-passphrase"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("An account with that email already exists.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_post_without_the_antiforgery_token_is_refused()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var email = NewEmail();

        using var response = await admin.SubmitFormAsync(Links.AdminUsers, "add-user",
            new Dictionary<string, string?>(NewUser(email, "a-good-long-passphrase")) { [Forms.TokenField] = null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task An_admin_changes_a_role_locks_unlocks_and_deletes_an_account()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = Links.AdminUser(editor.Id);

        using (var role = await admin.SubmitFormAsync(page, "role", new Dictionary<string, string?> { ["RoleInput.Role"] = Roles.Admin }))
        {
            Assert.Equal(HttpStatusCode.Found, role.StatusCode);
        }
        Assert.Equal(Roles.Admin, await RoleOfAsync(editor.Email));

        using (var locked = await admin.SubmitFormAsync(page, "lock"))
        {
            Assert.Equal(HttpStatusCode.Found, locked.StatusCode);
            Assert.Contains("locked by an administrator", await admin.GetPageAsync(locked.Target().PathAndQuery));
        }
        using (var refused = await app.CreateHttpsClient().SignInWithFormAsync(editor.Email, editor.Password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("This account is locked by an administrator.", await refused.Content.ReadAsStringAsync());
        }

        using (var unlocked = await admin.SubmitFormAsync(page, "lock"))
        {
            Assert.Equal(HttpStatusCode.Found, unlocked.StatusCode);
        }
        using (var signIn = await app.CreateHttpsClient().SignInWithFormAsync(editor.Email, editor.Password))
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        }

        using (var unconfirmed = await admin.SubmitFormAsync(page, "delete"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
            Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        }
        Assert.True(await ExistsAsync(editor.Email));
        using (var deleted = await admin.SubmitFormAsync(page, "delete", new Dictionary<string, string?> { ["DeleteInput.Confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Found, deleted.StatusCode);
            Assert.Equal("/admin/users?done=deleted", deleted.Target().PathAndQuery);
        }
        Assert.False(await ExistsAsync(editor.Email));
        using var gone = await admin.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_demote_lock_or_delete_their_own_account()
    {
        var account = await app.CreateAccountAsync(Roles.Admin);
        var admin = await app.SignInAsync(account);

        var html = await admin.GetPageAsync(Links.AdminUser(account.Id));

        Assert.Contains("This is your own account.", html);
        Assert.DoesNotContain("value=\"delete\"", html);
        Assert.DoesNotContain("Lock account", html);
    }

    [Theory]
    [InlineData("/admin/users?after=%%%")]
    [InlineData("/admin/users?after=bm90LWEtY3Vyc29y")]
    [InlineData("/admin/users?done=hacked")]
    public async Task Invalid_parameters_answer_400(string url)
    {
        var admin = await app.SignInAsync(Roles.Admin);

        using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_account_answers_404()
    {
        var admin = await app.SignInAsync(Roles.Admin);

        using var response = await admin.GetAsync(new Uri(Links.AdminUser("no-such-id"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
