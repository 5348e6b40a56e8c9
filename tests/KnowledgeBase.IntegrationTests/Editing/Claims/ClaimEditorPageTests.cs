using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Editing.Claims;

[Collection(AppCollection.Name)]
public sealed class ClaimEditorPageTests(KnowledgeBaseApp app)
{
    private Task<long> ClaimIdAsync(string slug) => app.QueryAsync(db => db.Claims.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var response = await app.CreateHttpsClient().GetAsync(new Uri(Links.NewClaim, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fedit%2Fclaims%2Fnew", response.Target().PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_reader_without_a_role_is_denied()
    {
        var reader = await app.SignInAsync((string?)null);

        using var response = await reader.GetAsync(new Uri(Links.NewClaim, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Links.AccessDenied, response.Target().AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task An_editor_or_an_administrator_gets_the_new_claim_form(string role)
    {
        var editor = await app.SignInAsync(role);

        using var response = await editor.GetAsync(new Uri(Links.NewClaim, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(">Add a claim</h1>", html);
        Assert.Contains("MP-IDSA", html);
        Assert.Contains("id=\"statement\"", html);
    }

    [Fact]
    public async Task The_edit_form_opens_with_the_claim_as_stored()
    {
        var id = await ClaimIdAsync(Seed.Claims.TroopsInKursk);
        var editor = await app.SignInAsync(Roles.Editor);

        using var response = await editor.GetAsync(new Uri(Links.EditClaim(id), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(">Edit a claim</h1>", html);
        Assert.Contains($"value=\"{Seed.Claims.TroopsInKursk}\"", html);
        Assert.Contains("Found in", html);
    }

    [Fact]
    public async Task An_unknown_claim_is_not_found()
    {
        var editor = await app.SignInAsync(Roles.Editor);

        using var response = await editor.GetAsync(new Uri(Links.EditClaim(987_654_321), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_claim_page_shows_the_edit_link_to_editors_only()
    {
        var id = await ClaimIdAsync(Seed.Claims.TroopsInKursk);
        var page = Links.Claim(id, Seed.Claims.TroopsInKursk);
        var edit = $"href=\"{Links.EditClaim(id)}\"";

        var anonymous = await (await app.CreateHttpsClient().GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var reader = await (await (await app.SignInAsync((string?)null)).GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var editor = await (await (await app.SignInAsync(Roles.Editor)).GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.DoesNotContain(edit, anonymous);
        Assert.DoesNotContain(edit, reader);
        Assert.Contains(edit, editor);
    }
}
