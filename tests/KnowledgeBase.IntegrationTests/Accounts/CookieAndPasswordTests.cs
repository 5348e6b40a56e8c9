using System.Buffers.Binary;
using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class CookieAndPasswordTests(KnowledgeBaseApp app)
{
    private static void AssertHostCookie(IEnumerable<string> setCookies, string name)
    {
        var cookie = Assert.Single(setCookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.StartsWith("__Host-", name, StringComparison.Ordinal);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_a_secure_httponly_strict_host_cookie()
    {
        var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(new Uri(Links.SignInPage, UriKind.Relative));

        AssertHostCookie(response.Headers.GetValues("Set-Cookie"), AccountsSetup.AntiforgeryCookie);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_even_over_plain_http_on_localhost()
    {
        // ./kb run serves http://localhost, which browsers treat as a secure context for cookies.
        using var client = PageClient.For(app);

        using var response = await client.GetAsync(new Uri(Links.SignInPage, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHostCookie(response.Headers.GetValues("Set-Cookie"), AccountsSetup.AntiforgeryCookie);
    }

    [Fact]
    public async Task The_session_cookie_is_a_secure_httponly_strict_host_cookie()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var client = app.CreateHttpsClient();

        using var response = await client.SignInWithFormAsync(editor.Email, editor.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        AssertHostCookie(response.Headers.GetValues("Set-Cookie"), AccountsSetup.AuthCookie);
    }

    [Fact]
    public async Task Passwords_are_stored_as_PBKDF2_HMAC_SHA512_with_at_least_210000_iterations()
    {
        var editor = await app.CreateAccountAsync(Roles.Editor);

        var stored = await app.QueryAsync(db => db.Users.Where(u => u.Id == editor.Id).Select(u => u.PasswordHash).SingleAsync());

        // ASP.NET Core Identity v3 format: 0x01, PRF (uint32 BE), iteration count (uint32 BE), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(stored!);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4))); // KeyDerivationPrf.HMACSHA512
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
        Assert.Equal((uint)PasswordPolicy.HashIterations, iterations);
        Assert.DoesNotContain(editor.Password, stored, StringComparison.Ordinal);
    }
}
