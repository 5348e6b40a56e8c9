using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.IntegrationTests.EditorPages;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using KnowledgeBase.Web.Editing.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Editing.Claims;

/// <summary>
/// The claim editor's state, driven as the page drives it but without a browser, on the app's real PostgreSQL. Each
/// test works on claims it makes itself, so the seeded ones stay as imported for the other editor-page tests.
/// </summary>
[Collection(EditorPagesCollection.Name)]
public sealed class ClaimEditorTests(EditorPagesApp app)
{
    private const string UsipQuote = "around 8,000 of whom have been deployed to the western region of Kursk";
    private const string IdsaQuote = "an estimated 8,000 North Korean soldiers were reported to have been stationed in the Kursk region of Russia";

    private async Task<ClaimEditor> OpenAsync(long? id, TestAccount? account = null)
    {
        var editor = new ClaimEditor(app.OperationsFor(account ?? await app.CreateAccountAsync(Roles.Editor)));
        Assert.True(await editor.LoadAsync(id));
        Assert.True(editor.Loaded);
        return editor;
    }

    private static void Cite(ClaimEditor editor, int index, string sourceSlug, string quote)
    {
        var source = editor.Sources.Single(s => s.Slug == sourceSlug);
        var citation = editor.Draft.Citations[index];
        (citation.SourceId, citation.SourceSlug, citation.Quote) = (source.Id, source.Slug, quote);
    }

    /// <summary>A new claim's editor holding a statement made unique, one topic and one citation.</summary>
    private async Task<ClaimEditor> NewClaimAsync(string statement, string sourceSlug, string quote)
    {
        var editor = await OpenAsync(null);
        editor.Draft.Statement = $"{statement} ({Guid.NewGuid():N})";
        editor.ToggleTopic(Seed.Topics.TroopDeployment, true);
        Cite(editor, 0, sourceSlug, quote);
        return editor;
    }

    /// <summary>A claim citing USIP, saved through an editor; its id.</summary>
    private async Task<long> CreateAsync(string statement)
    {
        var editor = await NewClaimAsync(statement, Seed.Usip.Slug, UsipQuote);
        await editor.SaveAsync();
        Assert.NotNull(editor.SavedPage);
        return await app.QueryAsync(db => db.Claims.Where(c => c.Statement == editor.Draft.Statement).Select(c => c.Id).SingleAsync());
    }

    private async Task<EditableClaim?> StoredAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClaimEditing>().FindAsync(id);
    }

    [Fact]
    public async Task A_figure_too_large_is_refused_by_its_field_live_and_on_save_and_the_editor_goes_on()
    {
        var editor = await NewClaimAsync("A huge figure", Seed.Usip.Slug, UsipQuote);
        editor.Draft.Figure = "100000000000000000000000000000 troops";
        editor.Draft.Citations[0].Figure = "100000000000000000000000000000 troops";

        await editor.PreviewAsync();
        await editor.SaveAsync();

        Assert.Null(editor.SavedPage);
        Assert.Contains("too large", editor.Message("figure"), StringComparison.Ordinal);
        Assert.Contains("too large", editor.Message("citations[0].figure"), StringComparison.Ordinal);
        editor.Draft.Figure = "about 8,000 troops";
        editor.Draft.Citations[0].Figure = null;
        await editor.SaveAsync();
        Assert.NotNull(editor.SavedPage);
    }

    [Fact]
    public async Task A_statement_firmer_than_its_quotes_gets_a_warning_live_which_goes_when_it_keeps_their_hedge()
    {
        var editor = await OpenAsync(null);
        editor.Draft.Statement = "About 8,000 North Korean soldiers are stationed in Kursk.";
        Cite(editor, 0, Seed.MpIdsa.Slug, IdsaQuote);
        await editor.PreviewAsync();
        Assert.Contains("firmer (stated) than every supporting quote (at most reported", editor.StatementWarning, StringComparison.Ordinal);
        Assert.Contains("“an estimated”", editor.StatementWarning, StringComparison.Ordinal);

        editor.Draft.Statement = "An estimated 8,000 North Korean soldiers were reportedly stationed in Kursk.";
        await editor.PreviewAsync();
        Assert.Null(editor.StatementWarning);
    }

    [Fact]
    public async Task Each_citation_offers_the_evidence_proposal_for_its_quote_and_saves_what_the_editor_confirms()
    {
        var editor = await NewClaimAsync("Thousands of North Korean soldiers were reportedly in Kursk", Seed.MpIdsa.Slug, IdsaQuote);
        Assert.Null(editor.Evidence(0).Proposal); // nothing to propose from before the quote is found

        await editor.PreviewAsync();

        var evidence = editor.Evidence(0);
        Assert.Equal("proposed: Reported", evidence.BlankOption(EvidencePart.Certainty));
        Assert.Equal("proposed: Reported, from “an estimated”, “were reported”", evidence.Hint(EvidencePart.Certainty));
        Assert.Equal("default: publication date (5 December 2024)", evidence.Hint(EvidencePart.AsOf));
        evidence.UseProposal(EvidencePart.Certainty);
        evidence.Set(EvidencePart.Voice, "attributed");
        evidence.Set(EvidencePart.AsOf, "autumn 2024");
        await editor.PreviewAsync();
        Assert.Contains("'autumn 2024' is not a date or period", editor.Message("citations[0].asOf"), StringComparison.Ordinal);

        await editor.SaveAsync();
        Assert.Null(editor.SavedPage);
        Assert.Contains("'autumn 2024' is not a date or period", editor.Message("citations[0].asOf"), StringComparison.Ordinal);

        editor.Evidence(0).Set(EvidencePart.AsOf, "2024-10/2024-11");
        editor.Draft.Citations[0].AsOfWords = "by November";
        await editor.SaveAsync();

        Assert.NotNull(editor.SavedPage);
        var citation = await app.QueryAsync(db => db.Citations.AsNoTracking().SingleAsync(c => c.Claim!.Statement == editor.Draft.Statement));
        Assert.Equal(
            (Voice.Attributed, Certainty.Reported, new DateOnly(2024, 10, 1), new DateOnly(2024, 11, 30), "by November"),
            (citation.Voice, citation.Certainty, citation.AsOfFrom, citation.AsOfTo, citation.AsOfWords));
    }

    [Fact]
    public async Task A_new_claim_anchors_its_quotes_and_derives_its_flag_live_then_saves_and_goes_to_its_page()
    {
        var editor = await OpenAsync(null);
        Assert.Null(editor.Id);
        Assert.Single(editor.Draft.Citations);
        Assert.Contains(editor.Topics, t => t.Slug == Seed.Topics.TroopDeployment);
        var statement = $"Thousands of North Korean soldiers are in Kursk ({Guid.NewGuid():N})";

        editor.Draft.Statement = statement;
        editor.ToggleTopic(Seed.Topics.TroopDeployment, true);
        Cite(editor, 0, Seed.Usip.Slug, UsipQuote);
        await editor.PreviewAsync();
        Assert.Equal(AgreementFlag.SingleSource, editor.Preview!.Flag);
        Assert.Equal(UsipQuote, editor.Preview.Citations[0].Anchor?.Exact);

        editor.AddCitation();
        Cite(editor, 1, Seed.MpIdsa.Slug, IdsaQuote);
        await editor.PreviewAsync();
        Assert.Equal(AgreementFlag.Agree, editor.Preview!.Flag);
        Assert.Equal(5, editor.Preview.Citations[1].ProposedFootnote);
        Assert.Empty(editor.ShownErrors);

        editor.Comment = "Added by a test.";
        await editor.SaveAsync();

        var claim = await app.QueryAsync(db => db.Claims.AsNoTracking().Include(c => c.Citations).SingleAsync(c => c.Statement == statement));
        Assert.Equal(Links.ClaimSaved(claim.Id, claim.Slug, 1), editor.SavedPage);
        Assert.Equal(AgreementFlag.Agree, claim.Agreement);
        Assert.Equal(2, claim.Citations.Count);
        Assert.Null(editor.Failure);
        Assert.False(editor.Busy);
    }

    [Fact]
    public async Task A_refused_save_shows_each_message_next_to_its_field_and_keeps_what_was_typed()
    {
        var editor = await OpenAsync(null);
        Cite(editor, 0, Seed.Usip.Slug, "words that are nowhere in the document at all");

        await editor.SaveAsync();

        Assert.Null(editor.SavedPage);
        Assert.NotNull(editor.Message("statement"));
        Assert.NotNull(editor.TopicsMessage);
        Assert.Contains("not in USIP's text", editor.Message("citations[0].quote"), StringComparison.Ordinal);
        Assert.Null(editor.Message("figure"));
        Assert.Empty(editor.GeneralErrors);
        Assert.Equal("words that are nowhere in the document at all", editor.Draft.Citations[0].Quote);

        // Fixing the quote clears its message at the next preview, before any save.
        editor.Draft.Citations[0].Quote = UsipQuote;
        await editor.PreviewAsync();
        Assert.Null(editor.Message("citations[0].quote"));
        Assert.NotNull(editor.Message("statement"));
    }

    [Fact]
    public async Task An_ambiguous_quote_lists_its_candidates_and_an_override_needs_a_reason()
    {
        var editor = await OpenAsync(null);
        Cite(editor, 0, Seed.MpIdsa.Slug, "North Korean troops");
        editor.Draft.OverrideFlag = AgreementFlag.Conflict.ToSlug();

        await editor.PreviewAsync();

        var ambiguous = editor.ShownErrors.Single(e => e.Field == "citations[0].quote");
        Assert.True(ambiguous.Candidates?.Count >= 2, "an ambiguous quote lists every place it occurs");
        Assert.NotNull(editor.Message("overrideReason"));
        Assert.Null(editor.Message("statement")); // not until a save: an empty new form is not a wall of errors
    }

    [Fact]
    public async Task A_save_over_another_editors_shows_both_versions_and_keep_mine_saves_over_theirs()
    {
        var id = await CreateAsync("A claim two editors edit at once");
        var first = await OpenAsync(id, await app.CreateAccountAsync(Roles.Editor, name: "First Editor"));
        var second = await OpenAsync(id);

        first.Draft.Statement = "The first editor's statement about Kursk.";
        await first.SaveAsync();
        second.Draft.Statement = "The second editor's statement about Kursk.";
        await second.SaveAsync();

        Assert.Null(second.SavedPage);
        var conflict = Assert.IsType<EditResult<ClaimSnapshot>.Conflict>(second.Conflict);
        Assert.Equal(2, conflict.CurrentRevision);
        Assert.Equal("First Editor", second.ConflictBy?.AuthorName);
        Assert.Equal(2, second.ConflictBy?.Number);
        var change = Assert.Single(second.ConflictChanges);
        Assert.Equal(("The first editor's statement about Kursk.", "The second editor's statement about Kursk."), (change.Old, change.New));
        Assert.Equal("The second editor's statement about Kursk.", second.Draft.Statement);

        await second.KeepMineAsync();

        var stored = await StoredAsync(id);
        Assert.Equal(Links.ClaimSaved(id, stored!.Snapshot.Slug, 3), second.SavedPage);
        Assert.Equal("The second editor's statement about Kursk.", stored.Snapshot.Statement);
    }

    [Fact]
    public async Task Take_theirs_puts_their_version_in_the_form_and_the_next_save_builds_on_it()
    {
        var id = await CreateAsync("A claim whose second editor takes theirs");
        var first = await OpenAsync(id);
        var second = await OpenAsync(id);
        first.Draft.Statement = "Their statement about Kursk.";
        await first.SaveAsync();
        second.Draft.Statement = "My statement about Kursk.";
        await second.SaveAsync();
        Assert.NotNull(second.Conflict);

        await second.TakeTheirsAsync();

        Assert.Null(second.Conflict);
        Assert.Null(second.MineBeside);
        Assert.Equal("Their statement about Kursk.", second.Draft.Statement);
        Assert.Contains("their version", second.Notice, StringComparison.Ordinal);
        Assert.NotNull(second.Preview);

        second.Draft.Figure = "about 8,000 troops";
        await second.SaveAsync();

        var stored = await StoredAsync(id);
        Assert.Equal(Links.ClaimSaved(id, stored!.Snapshot.Slug, 3), second.SavedPage);
        Assert.Equal(("Their statement about Kursk.", "about 8,000 troops"), (stored.Snapshot.Statement, stored.Snapshot.Figure));
    }

    [Fact]
    public async Task Merge_by_hand_keeps_my_draft_beside_their_version_and_saves_the_merge()
    {
        var id = await CreateAsync("A claim merged by hand");
        var first = await OpenAsync(id);
        var second = await OpenAsync(id);
        first.Draft.Figure = "about 8,000 troops";
        await first.SaveAsync();
        second.Draft.Statement = "My rewording of the claim about Kursk.";
        await second.SaveAsync();

        await second.MergeByHandAsync();

        Assert.Null(second.Conflict);
        Assert.Equal("My rewording of the claim about Kursk.", second.MineBeside?.Statement);
        Assert.Equal("about 8,000 troops", second.Draft.Figure);
        second.Draft.Statement = second.MineBeside!.Statement;
        second.HideMine();
        Assert.Null(second.MineBeside);
        await second.SaveAsync();

        var stored = await StoredAsync(id);
        Assert.NotNull(second.SavedPage);
        Assert.Equal(("My rewording of the claim about Kursk.", "about 8,000 troops"), (stored!.Snapshot.Statement, stored.Snapshot.Figure));
        Assert.Equal(3, stored.LatestRevision);
    }

    [Fact]
    public async Task Delete_and_undelete_stay_on_the_editor_and_say_what_happened()
    {
        var id = await CreateAsync("A claim to delete and bring back");
        var editor = await OpenAsync(id);

        editor.Confirming = ClaimEditor.Confirmation.Delete;
        await editor.DeleteAsync();

        Assert.NotNull(editor.DeletedAt);
        Assert.Equal(ClaimEditor.Confirmation.None, editor.Confirming);
        Assert.Equal("Deleted (revision 2). Readers no longer see this claim.", editor.Notice);
        Assert.Null(editor.SavedPage);
        Assert.False(await app.QueryAsync(db => db.Claims.AnyAsync(c => c.Id == id)));

        await editor.UndeleteAsync();

        Assert.Null(editor.DeletedAt);
        Assert.Equal("Undeleted (revision 3).", editor.Notice);
        Assert.True(await app.QueryAsync(db => db.Claims.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task An_account_locked_mid_session_saves_nothing_and_keeps_its_draft()
    {
        var id = await CreateAsync("A claim its editor loses the right to edit");
        var account = await app.CreateAccountAsync(Roles.Editor);
        var editor = await OpenAsync(id, account);
        editor.Draft.Statement = "A statement that must not be saved.";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().LockAsync(account.Id, "test-admin")).Succeeded);
        }

        await editor.SaveAsync();

        Assert.StartsWith("Your account may no longer edit.", editor.Failure, StringComparison.Ordinal);
        Assert.Null(editor.SavedPage);
        Assert.Equal("A statement that must not be saved.", editor.Draft.Statement);
        Assert.Equal(1, (await StoredAsync(id))!.LatestRevision);
    }

    [Fact]
    public async Task An_unknown_claim_does_not_load()
    {
        var editor = new ClaimEditor(app.OperationsFor(await app.CreateAccountAsync(Roles.Editor)));

        Assert.False(await editor.LoadAsync(987_654_321));
        Assert.False(editor.Loaded);
    }
}
