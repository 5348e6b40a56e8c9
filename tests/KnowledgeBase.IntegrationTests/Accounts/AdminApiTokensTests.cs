using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed partial class AdminApiTokensTests(KnowledgeBaseApp app)
{
    [GeneratedRegex("kb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenText();

    [Fact]
    public async Task An_admin_issues_a_token_shown_once_and_revokes_it()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var editor = await app.CreateAccountAsync(Roles.Editor);
        var page = Links.AdminUser(editor.Id);

        using var issued = await admin.SubmitFormAsync(page, "issue-token", new Dictionary<string, string?>
        {
            ["IssueInput.Name"] = "import script",
            ["IssueInput.Expiry"] = "30",
        });
        var html = await issued.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("no-store", issued.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var shown = new HtmlParser().ParseDocument(html).QuerySelector("#issued-token")?.TextContent ?? "";
        var token = TokenText().Match(shown).Value;
        Assert.Equal(shown, token);

        var row = await app.QueryAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == editor.Id));
        Assert.Equal(ApiTokens.ParsePrefix(token), row.Prefix);
        Assert.Equal("import script", row.Name);
        Assert.InRange(row.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.NotNull(row.CreatedById);
        Assert.Equal(HttpStatusCode.BadRequest, await app.WriteEmptyClaimAsync(token));

        // Shown once: the page lists the token by its prefix from now on, never in full.
        using var again = await admin.GetAsync(new Uri(page, UriKind.Relative));
        var listed = await again.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(TokenText(), listed);
        Assert.Contains($"kb_{row.Prefix}…", listed, StringComparison.Ordinal);
        Assert.Contains("import script", listed, StringComparison.Ordinal);

        using var revoked = await admin.SubmitFormAsync(page, "revoke-token", new Dictionary<string, string?> { ["RevokeInput.Prefix"] = row.Prefix });
        Assert.Equal(HttpStatusCode.Found, revoked.StatusCode);
        Assert.Equal($"{page}?done=token-revoked", revoked.Target().PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, await app.WriteEmptyClaimAsync(token));
        var after = await app.QueryAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == editor.Id));
        Assert.NotNull(after.RevokedAt);
        using var list = await admin.GetAsync(revoked.Target());
        Assert.Contains("revoked", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_without_a_name_is_refused_next_to_the_field()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var editor = await app.CreateAccountAsync(Roles.Editor);

        using var response = await admin.SubmitFormAsync(Links.AdminUser(editor.Id), "issue-token", new Dictionary<string, string?> { ["IssueInput.Name"] = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"token-name-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.UserId == editor.Id)));
    }

    [Fact]
    public async Task An_editor_cannot_issue_a_token_by_posting_the_form()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var target = await app.CreateAccountAsync(Roles.Editor);
        var form = await admin.GetFormAsync(Links.AdminUser(target.Id), "issue-token");
        var editor = await app.SignInAsync(Roles.Editor);
        var token = (await editor.GetFormAsync(Links.SignInPage, "sign-in")).Token;

        using var response = await editor.PostFormAsync(form with { Fields = [.. form.Fields.Where(f => f.Key != Forms.TokenField), new(Forms.TokenField, token!)] },
            new Dictionary<string, string?> { ["IssueInput.Name"] = "sneaky" });

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.UserId == target.Id)));
    }
}
