using System.Net;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed partial class SecurityHeadersTests(KnowledgeBaseApp app)
{
    public static TheoryData<string> Urls => new() { "/", $"/sources/{Seed.Usip.Slug}", Links.SignInPage, "/no/such/page", "/app.css" };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = PageClient.For(app);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_or_style_attribute()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        foreach (var url in new[] { "/", Links.SignInPage, $"/sources/{Seed.MpIdsa.Slug}", Links.AdminUsers })
        {
            var html = await admin.GetPageAsync(url);

            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(StyleAttribute(), html);
            Assert.DoesNotContain("importmap", html);
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [Fact]
    public async Task The_security_headers_survive_an_error_answer()
    {
        using var client = PageClient.For(app);

        using var response = await client.GetAsync(new Uri("/claims/not-a-number/x", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
