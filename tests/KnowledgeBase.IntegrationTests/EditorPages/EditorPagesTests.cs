using System.Net;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.EditorPages;

[Collection(EditorPagesCollection.Name)]
public sealed class EditorPagesTests(EditorPagesApp app)
{
    private static readonly Editor Ada = new("test-ada", "Ada Editor");

    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        var source = await app.QueryAsync(db => db.Sources.SingleAsync(s => s.Slug == Seed.Usip.Slug));
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        return [Links.NewSource, Links.EditSource(source.Id), Links.ReviewQueue, Links.ClaimHistory(claim.Id), Links.SourceHistory(source.Id)];
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_every_editor_page()
    {
        var client = app.CreateHttpsClient();
        foreach (var url in await PagesAsync())
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.Found, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal(Links.SignInPage, response.Target().AbsolutePath);
        }
    }

    [Fact]
    public async Task A_reader_with_an_account_is_denied_every_editor_page()
    {
        var client = await app.SignInAsync((string?)null);
        foreach (var url in await PagesAsync())
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.Found, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal(Links.AccessDenied, response.Target().AbsolutePath);
        }
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task Editors_and_admins_open_every_editor_page(string role)
    {
        var client = await app.SignInAsync(role);
        foreach (var url in await PagesAsync())
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {body[..Math.Min(2000, body.Length)]}");
        }
    }

    [Fact]
    public async Task The_source_editor_opens_with_the_source_fields_and_one_fieldset_per_footnote()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var source = await app.QueryAsync(db => db.Sources.SingleAsync(s => s.Slug == Seed.MpIdsa.Slug));

        var html = await client.GetPageAsync(Links.EditSource(source.Id));

        Assert.Contains($"value=\"{Seed.MpIdsa.Slug}\"", html, StringComparison.Ordinal);
        Assert.Contains("Footnotes: 1, 2, 3", html, StringComparison.Ordinal);
        Assert.Matches($"<legend[^>]*>Footnote {Seed.MpIdsa.FootnoteCount}</legend>", html);
        Assert.DoesNotMatch("<legend[^>]*>Footnote 28</legend>", html);
    }

    [Fact]
    public async Task Unknown_ids_answer_404_and_bad_parameters_400()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);

        using var noSource = await client.GetAsync(new Uri(Links.EditSource(999_999), UriKind.Relative));
        using var noClaim = await client.GetAsync(new Uri(Links.ClaimHistory(999_999_999), UriKind.Relative));
        using var badKind = await client.GetAsync(new Uri("/history/topics/1", UriKind.Relative));
        using var badFrom = await client.GetAsync(new Uri(Links.ClaimHistory(claim.Id) + "?from=abc&to=1", UriKind.Relative));
        using var oneSide = await client.GetAsync(new Uri(Links.ClaimHistory(claim.Id) + "?from=1", UriKind.Relative));
        using var badAfter = await client.GetAsync(new Uri(Links.ReviewQueue + "?after=x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, noSource.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noClaim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oneSide.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAfter.StatusCode);
    }

    [Fact]
    public async Task The_history_diff_shows_a_changed_field_and_restoring_through_the_form_brings_it_back()
    {
        var claim = await app.ClaimAsync(Seed.Claims.RussiaPaysNorthKorea);
        var original = claim.Statement;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
            var found = (await editing.FindAsync(claim.Id))!;
            var draft = found.Snapshot.ToDraft();
            draft.Statement = original + " Zebra-words added.";
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await editing.UpdateAsync(claim.Id, draft, found.Version, Ada, "test edit"));
        }
        var client = await app.SignInAsync(Roles.Editor);

        var diff = await client.GetPageAsync(Links.ClaimHistory(claim.Id, 1, 2));
        Assert.Contains("Changes from revision 1 to revision 2", diff, StringComparison.Ordinal);
        Assert.Matches("<dt[^>]*>Statement</dt>", diff);
        Assert.Matches("<ins[^>]*>[^<]*Zebra-words", diff);
        Assert.Contains("test edit", diff, StringComparison.Ordinal);

        using var restored = await client.SubmitFormAsync(Links.ClaimHistory(claim.Id), "restore", new Dictionary<string, string?>
        {
            ["RestoreInput.Revision"] = "1",
        });

        Assert.Equal(HttpStatusCode.Found, restored.StatusCode);
        Assert.Equal(Links.ClaimHistory(claim.Id) + "?done=restored", restored.Target().PathAndQuery);
        Assert.Equal(original, (await app.ClaimAsync(Seed.Claims.RussiaPaysNorthKorea)).Statement);
        var revisions = await app.QueryAsync(db => db.Revisions
            .Where(r => r.EntityType == RevisionEntity.Claim && r.EntityId == claim.Id).OrderBy(r => r.Number).Select(r => r.Action).ToListAsync());
        Assert.Equal([RevisionAction.Imported, RevisionAction.Updated, RevisionAction.Restored], revisions);
        var after = await client.GetPageAsync(Links.ClaimHistory(claim.Id) + "?done=restored");
        Assert.Contains("The revision was restored", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_with_a_stale_version_is_a_conflict_with_a_link_to_reload()
    {
        var claim = await app.ClaimAsync(Seed.Claims.PublicOpposesArmingUkraine);
        await EditClaimAsync(claim.Id, " First.");
        var client = await app.SignInAsync(Roles.Editor);
        var form = await client.GetFormAsync(Links.ClaimHistory(claim.Id), "restore");
        await EditClaimAsync(claim.Id, " Second.");

        using var response = await client.PostFormAsync(form, new Dictionary<string, string?> { ["RestoreInput.Revision"] = "1" });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone saved a newer revision", body, StringComparison.Ordinal);
        Assert.Contains("Reload the history", body, StringComparison.Ordinal);
        Assert.EndsWith(" Second.", (await app.ClaimAsync(Seed.Claims.PublicOpposesArmingUkraine)).Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_cannot_restore_by_posting_the_form_directly()
    {
        var claim = await app.ClaimAsync(Seed.Claims.ForeignTradeActClause);
        await EditClaimAsync(claim.Id, " Edited.");
        var editor = await app.SignInAsync(Roles.Editor);
        var form = await editor.GetFormAsync(Links.ClaimHistory(claim.Id), "restore");
        var reader = await app.SignInAsync((string?)null);
        var token = (await reader.GetFormAsync(Links.SignInPage, "sign-in")).Token;
        var fields = form.Fields.Select(f => f.Key == Forms.TokenField ? new KeyValuePair<string, string>(f.Key, token!) : f).ToList();

        using var response = await reader.PostFormAsync(form with { Fields = fields }, new Dictionary<string, string?> { ["RestoreInput.Revision"] = "1" });

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.EndsWith(" Edited.", (await app.ClaimAsync(Seed.Claims.ForeignTradeActClause)).Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_edit_that_loses_a_quote_puts_its_passage_in_the_review_queue_and_the_source_page_reports_the_save()
    {
        var source = await app.QueryAsync(db => db.Sources.SingleAsync(s => s.Slug == Seed.Usip.Slug));
        var passage = await app.QueryAsync(db => db.Passages
            .Where(p => p.SourceId == source.Id && db.Citations.Any(c => c.PassageId == p.Id) && p.Exact.Length > 40)
            .OrderBy(p => p.Id).FirstAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var editing = scope.ServiceProvider.GetRequiredService<SourceEditing>();
            var found = (await editing.FindAsync(source.Id))!;
            var draft = found.Snapshot.ToDraft();
            Assert.Contains(passage.Exact, draft.BodyMarkdown!, StringComparison.Ordinal);
            draft.BodyMarkdown = draft.BodyMarkdown!.Replace(passage.Exact, "Words that say something else entirely and share nothing.", StringComparison.Ordinal);
            Assert.IsType<EditResult<SourceSnapshot>.Saved>(await editing.UpdateAsync(source.Id, draft, found.Version, Ada));
        }
        var client = await app.SignInAsync(Roles.Editor);

        var queue = await client.GetPageAsync(Links.ReviewQueue);
        Assert.Contains(passage.Exact, queue, StringComparison.Ordinal);
        Assert.Contains("Orphaned", queue, StringComparison.Ordinal);
        Assert.Contains("/edit/claims/", queue, StringComparison.Ordinal);

        var report = await client.GetPageAsync(Links.SourceSaved(source.Slug, new ReanchorReport(3, 1, 0, 1, [passage.Id])));
        Assert.Contains("3 exact, 1 moved, 0 fuzzy, 1 orphaned", report, StringComparison.Ordinal);
        Assert.Contains("1 need review", report, StringComparison.Ordinal);
        Assert.Contains(Links.EditSource(source.Id), report, StringComparison.Ordinal);
        var anonymous = await PageClient.For(app).GetPageAsync(Links.Source(source.Slug) + "?saved=1&moved=1");
        Assert.DoesNotContain("was saved", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain(Links.EditSource(source.Id), anonymous, StringComparison.Ordinal);
    }

    private async Task EditClaimAsync(long id, string suffix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
        var found = (await editing.FindAsync(id))!;
        var draft = found.Snapshot.ToDraft();
        draft.Statement += suffix;
        Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await editing.UpdateAsync(id, draft, found.Version, Ada));
    }
}
