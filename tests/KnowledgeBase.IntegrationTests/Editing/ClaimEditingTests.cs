using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;
using static KnowledgeBase.IntegrationTests.Editing.SeededDatabase;

namespace KnowledgeBase.IntegrationTests.Editing;

/// <summary>The claim write path on real PostgreSQL; every test writes to its own copy of the seeded database.</summary>
[Collection(EditingCollection.Name)]
public sealed class ClaimEditingTests(SeededTemplate template) : IAsyncLifetime
{
    private const string UsipTroops = "North Korea has sent approximately 10,000 troops to Russia";
    private const string IdsaKursk = "an estimated 8,000 North Korean soldiers were reported to have been stationed in the Kursk region of Russia";

    private SeededDatabase _database = null!;
    private KnowledgeBaseDb _db = null!;
    private ClaimEditing _editing = null!;

    public async Task InitializeAsync()
    {
        _database = await SeededDatabase.CopyAsync(template);
        _db = _database.NewDb();
        _editing = new ClaimEditing(_db, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static ClaimDraft Draft(string statement, params CitationDraft[] citations) => new()
    {
        Statement = statement,
        Topics = [Seed.Topics.TroopDeployment],
        Citations = [.. citations],
    };

    private static CitationDraft Cite(string source, string quote, string stance = "supports", string? figure = null) =>
        new() { SourceSlug = source, Quote = quote, Stance = stance, Figure = figure };

    private async Task<(long Id, uint Version)> SeedClaimAsync(string slug)
    {
        var claim = await _db.Claims.AsNoTracking().SingleAsync(c => c.Slug == slug);
        return (claim.Id, claim.Version);
    }

    private static T Is<T>(EditResult<ClaimSnapshot> result)
        where T : EditResult<ClaimSnapshot> =>
        result as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, got {Describe(result)}");

    private static string Describe(EditResult<ClaimSnapshot> result) => result is EditResult<ClaimSnapshot>.Invalid invalid
        ? "Invalid: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))
        : result.ToString();

    [Fact]
    public async Task A_claim_citing_both_seed_documents_is_saved_as_revision_1_with_its_derived_verdict()
    {
        var passagesBefore = await _db.Passages.CountAsync();
        var draft = Draft(
            "Some 10,000 North Korean troops are in Russia.",
            Cite(Seed.Usip.Slug, UsipTroops, figure: "approximately 10,000 troops"),
            Cite(Seed.MpIdsa.Slug, "thousands of North Korean troops are reported to have been currently deployed in Russia", "supports-in-part", "thousands of troops"));
        draft.Figure = "about 10,000 troops";
        draft.Citations[0].Attribution = "Washington estimates";

        var saved = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(draft, Ada, "A new claim"));

        Assert.Equal(1, saved.RevisionNumber);
        Assert.NotEqual(0u, saved.Version);
        await using var db = _database.NewDb();
        var claim = await db.Claims.Include(c => c.Citations).ThenInclude(c => c.Passage).SingleAsync(c => c.Id == saved.Id);
        var seeded = await db.Claims.SingleAsync(c => c.Slug == Seed.Claims.TroopsSentToRussia);
        Assert.Equal("some-10-000-north-korean-troops-are-in-russia", claim.Slug);
        Assert.Equal(saved.Version, claim.Version);
        Assert.Equal(AgreementFlag.Partial, claim.Agreement);
        Assert.Equal(seeded.AgreementRationale, claim.AgreementRationale);
        Assert.Equal(new[] { Seed.Usip.Slug, Seed.MpIdsa.Slug }, claim.Citations.OrderBy(c => c.Position).Select(c => db.Sources.Single(s => s.Id == c.Passage!.SourceId).Slug));
        // The same words as the seed claim's: the passages are shared, not duplicated.
        Assert.Equal(passagesBefore, await db.Passages.CountAsync());
        var revision = await db.Revisions.SingleAsync(r => r.EntityType == RevisionEntity.Claim && r.EntityId == saved.Id);
        Assert.Equal((1, RevisionAction.Created, "user-ada", "Ada Editor", "A new claim"),
            (revision.Number, revision.Action, revision.AuthorId, revision.AuthorName, revision.Comment));
        var snapshot = SnapshotJson.Read<ClaimSnapshot>(revision.Snapshot);
        Assert.Equal(UsipTroops, snapshot.Citations[0].Exact);
        Assert.Equal(new[] { Seed.Topics.TroopDeployment }, snapshot.Topics);
    }

    [Fact]
    public async Task A_quote_that_is_not_in_the_document_is_refused_on_that_citation_and_nothing_is_written()
    {
        var claimsBefore = await _db.Claims.CountAsync();
        var draft = Draft("Troops went to Russia.", Cite(Seed.Usip.Slug, UsipTroops), Cite(Seed.MpIdsa.Slug, "North Korea has sent 50,000 troops to Russia"));

        var invalid = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.CreateAsync(draft, Ada));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("citations[1].quote", error.Field);
        Assert.Contains("not in MP-IDSA's text", error.Message);
        Assert.Null(error.Candidates);
        await using var db = _database.NewDb();
        Assert.Equal(claimsBefore, await db.Claims.CountAsync());
        Assert.Equal(0, await db.Revisions.CountAsync());
    }

    [Fact]
    public async Task An_ambiguous_quote_is_refused_with_both_places_it_occurs_and_a_suffix_picks_one()
    {
        const string PullQuote = "The greatest threat to South Korea, however, is the possibility that Russia might provide North Korea with advanced military technologies";
        var draft = Draft("Russia may give North Korea military technology.", Cite(Seed.Usip.Slug, PullQuote));

        var invalid = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.CreateAsync(draft, Ada));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("citations[0].quote", error.Field);
        Assert.Contains("twice in USIP", error.Message);
        Assert.Equal(2, error.Candidates!.Count);
        Assert.All(error.Candidates, c => Assert.Contains("[" + PullQuote + "]", c.Context));

        draft.Citations[0].Suffix = " such as";
        Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(draft, Ada));
    }

    [Fact]
    public async Task The_footnote_is_proposed_from_the_sentence_and_may_be_overridden_only_with_one_the_document_has()
    {
        var draft = Draft("About 8,000 troops are in Kursk.", Cite(Seed.MpIdsa.Slug, IdsaKursk));
        var preview = await _editing.PreviewAgreementAsync(draft);
        Assert.Empty(preview.Errors);
        Assert.Equal(5, preview.Citations[0].ProposedFootnote);
        Assert.Equal(AgreementFlag.SingleSource, preview.Flag);

        draft.Citations[0].Footnote = 99;
        var invalid = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.CreateAsync(draft, Ada));
        Assert.Equal("citations[0].footnote", Assert.Single(invalid.Errors).Field);
        Assert.Contains($"its footnotes run from 1 to {Seed.MpIdsa.FootnoteCount}", invalid.Errors[0].Message);

        draft.Citations[0].Footnote = null;
        var saved = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(draft, Ada));
        var found = await _editing.FindAsync(saved.Id);
        Assert.Equal(5, found!.Snapshot.Citations[0].Footnote);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_a_conflict_that_shows_the_current_state()
    {
        var (id, version) = await SeedClaimAsync(Seed.Claims.TroopsInKursk);
        var first = (await _editing.FindAsync(id))!.Snapshot.ToDraft();
        first.Statement = "Ada's wording of the Kursk claim.";
        var saved = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.UpdateAsync(id, first, version, Ada));

        var second = (await _editing.FindAsync(id))!.Snapshot.ToDraft();
        second.Statement = "Ben's wording, from the version before Ada's.";
        var conflict = Is<EditResult<ClaimSnapshot>.Conflict>(await _editing.UpdateAsync(id, second, version, Ben));

        Assert.Equal("Ada's wording of the Kursk claim.", conflict.Current.Statement);
        Assert.Equal(saved.Version, conflict.CurrentVersion);
        Assert.Equal(saved.RevisionNumber, conflict.CurrentRevision);
        await using var db = _database.NewDb();
        Assert.Equal("Ada's wording of the Kursk claim.", (await db.Claims.SingleAsync(c => c.Id == id)).Statement);
    }

    [Fact]
    public async Task Twenty_parallel_updates_from_the_same_version_save_exactly_once_and_nineteen_get_conflicts()
    {
        var (id, version) = await SeedClaimAsync(Seed.Claims.RussiaPaysNorthKorea);
        var start = (await _editing.FindAsync(id))!.Snapshot;
        // Every editor has a connection open and a draft ready before any of them saves.
        var ready = 0;
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var saves = Enumerable.Range(1, 20).Select(n => Task.Run(async () =>
        {
            await using var db = _database.NewDb();
            await db.Database.OpenConnectionAsync();
            var editing = new ClaimEditing(db, TimeProvider.System);
            var draft = start.ToDraft();
            draft.Statement = $"Wording number {n}.";
            if (Interlocked.Increment(ref ready) == 20)
            {
                allReady.SetResult();
            }
            await go.Task;
            return (n, await editing.UpdateAsync(id, draft, version, new Editor($"user-{n}", $"Editor {n}")));
        })).ToList();
        await allReady.Task;
        go.SetResult();
        var results = await Task.WhenAll(saves);

        var winner = Assert.Single(results, r => r.Item2 is EditResult<ClaimSnapshot>.Saved);
        Assert.Equal(19, results.Count(r => r.Item2 is EditResult<ClaimSnapshot>.Conflict));
        await using var check = _database.NewDb();
        var claim = await check.Claims.SingleAsync(c => c.Id == id);
        Assert.Equal($"Wording number {winner.n}.", claim.Statement);
        Assert.Equal(((EditResult<ClaimSnapshot>.Saved)winner.Item2).Version, claim.Version);
        // The state the seed import left, then the one save.
        Assert.Equal(new[] { RevisionAction.Imported, RevisionAction.Updated },
            await check.Revisions.Where(r => r.EntityId == id && r.EntityType == RevisionEntity.Claim).OrderBy(r => r.Number).Select(r => r.Action).ToListAsync());
    }

    [Fact]
    public async Task Restoring_an_earlier_revision_brings_back_its_statement_and_citations_as_a_new_revision()
    {
        var created = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(
            Draft("About 8,000 troops are in Kursk.", Cite(Seed.MpIdsa.Slug, IdsaKursk), Cite(Seed.Usip.Slug, "around 8,000 of whom have been deployed to the western region of Kursk")), Ada));
        var changed = (await _editing.FindAsync(created.Id))!.Snapshot.ToDraft();
        changed.Statement = "Troops were sent to Russia.";
        changed.Citations = [Cite(Seed.Usip.Slug, UsipTroops)];
        var updated = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.UpdateAsync(created.Id, changed, created.Version, Ben, "Narrowed"));
        Assert.Equal(2, updated.RevisionNumber);

        var restored = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.RestoreAsync(created.Id, 1, updated.Version, Ada));

        Assert.Equal(3, restored.RevisionNumber);
        var now = (await _editing.FindAsync(created.Id))!;
        var first = (await History.SnapshotAsync<ClaimSnapshot>(_db, RevisionEntity.Claim, created.Id, 1, default))!.Value.Snapshot;
        Assert.Equal("About 8,000 troops are in Kursk.", now.Snapshot.Statement);
        Assert.Equal(first.Citations, now.Snapshot.Citations);
        var third = (await History.RevisionsAsync(_db, RevisionEntity.Claim, created.Id, null, default)).Items[0];
        Assert.Equal((3, RevisionAction.Restored, "Restored revision 1."), (third.Number, third.Action, third.Comment));
        var diff = (await History.DiffAsync(_db, RevisionEntity.Claim, created.Id, 2, 3, default))!;
        Assert.Contains(diff.Changes, c => c.Field == "statement" && c.Old == "Troops were sent to Russia." && c.New == "About 8,000 troops are in Kursk.");
        Assert.Contains(diff.Changes, c => c.Field == "citations[1].source" && c.Old is null && c.New == Seed.Usip.Slug);
    }

    [Fact]
    public async Task A_revision_still_restores_after_its_document_was_renamed()
    {
        var created = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(Draft("Troops went to Russia.", Cite(Seed.Usip.Slug, UsipTroops)), Ada));
        var changed = (await _editing.FindAsync(created.Id))!.Snapshot.ToDraft();
        changed.Citations = [Cite(Seed.MpIdsa.Slug, IdsaKursk)];
        var updated = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.UpdateAsync(created.Id, changed, created.Version, Ada));
        var sources = new SourceEditing(_db, TimeProvider.System);
        var usipId = await _db.Sources.Where(s => s.Slug == Seed.Usip.Slug).Select(s => s.Id).SingleAsync();
        var usip = (await sources.FindAsync(usipId))!;
        var renamed = usip.Snapshot.ToDraft();
        renamed.Slug = "usip-seoul-response";
        Assert.IsType<EditResult<SourceSnapshot>.Saved>(await sources.UpdateAsync(usipId, renamed, usip.Version, Ben));

        Is<EditResult<ClaimSnapshot>.Saved>(await _editing.RestoreAsync(created.Id, 1, updated.Version, Ada));

        var citation = Assert.Single((await _editing.FindAsync(created.Id))!.Snapshot.Citations);
        Assert.Equal(("usip-seoul-response", UsipTroops), (citation.Source, citation.Exact));
    }

    [Fact]
    public async Task A_deleted_claim_is_hidden_from_every_reader_query_and_undelete_brings_it_back()
    {
        var (id, version) = await SeedClaimAsync(Seed.Claims.ForeignTradeActClause);
        var claims = await _db.Claims.CountAsync();
        var citations = await _db.Citations.CountAsync();

        var deleted = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.DeleteAsync(id, version, Ada, "Duplicate"));

        await using (var db = _database.NewDb())
        {
            Assert.False(await db.Claims.AnyAsync(c => c.Id == id));
            Assert.Equal(claims - 1, await db.Claims.CountAsync());
            Assert.True(await db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Id == id && c.DeletedAt != null));
            Assert.True(await db.Citations.CountAsync() < citations);
            Assert.False(await db.ClaimTopics.AnyAsync(ct => ct.ClaimId == id));
        }
        var stale = (await _editing.FindAsync(id))!.Snapshot.ToDraft();
        Assert.IsType<EditResult<ClaimSnapshot>.NotFound>(await _editing.UpdateAsync(id, stale, deleted.Version, Ada));

        var undeleted = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.UndeleteAsync(id, deleted.Version, Ada));

        await using var after = _database.NewDb();
        Assert.True(await after.Claims.AnyAsync(c => c.Id == id));
        Assert.Equal(citations, await after.Citations.CountAsync());
        Assert.Equal(
            new[] { RevisionAction.Imported, RevisionAction.Deleted, RevisionAction.Undeleted },
            (await History.RevisionsAsync(after, RevisionEntity.Claim, id, null, default)).Items.Select(r => r.Action).Reverse());
        Assert.Equal(3, undeleted.RevisionNumber);
    }

    [Fact]
    public async Task Undelete_is_refused_for_a_live_claim_and_while_a_document_it_cites_is_deleted_and_a_second_delete_finds_nothing()
    {
        var sources = new SourceEditing(_db, TimeProvider.System);
        var scratch = (await sources.CreateAsync(new SourceDraft
        {
            Slug = "scratch",
            Title = "Scratch",
            ShortName = "Scratch",
            Publisher = "P",
            Kind = "note",
            Published = "2025",
            BodyMarkdown = "Only one claim cites this note.",
        }, Ada)) as EditResult<SourceSnapshot>.Saved ?? throw new Xunit.Sdk.XunitException("the scratch source was not saved");
        var created = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(Draft("One claim cites it.", Cite("scratch", "Only one claim cites this note")), Ada));

        var live = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.UndeleteAsync(created.Id, created.Version, Ada));
        Assert.Equal("This claim is not deleted.", Assert.Single(live.Errors).Message);

        var deleted = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.DeleteAsync(created.Id, created.Version, Ada));
        Assert.IsType<EditResult<ClaimSnapshot>.NotFound>(await _editing.DeleteAsync(created.Id, deleted.Version, Ada));
        var sourceDeleted = (await sources.DeleteAsync((int)scratch.Id, scratch.Version, Ada)) as EditResult<SourceSnapshot>.Saved
            ?? throw new Xunit.Sdk.XunitException("the source no live claim cites was not deleted");

        var refused = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.UndeleteAsync(created.Id, deleted.Version, Ada));
        Assert.Contains("It cites Scratch, which has been deleted", Assert.Single(refused.Errors).Message);
        await using (var db = _database.NewDb())
        {
            Assert.False(await db.Claims.AnyAsync(c => c.Id == created.Id));
        }

        Assert.IsType<EditResult<SourceSnapshot>.Saved>(await sources.UndeleteAsync((int)scratch.Id, sourceDeleted.Version, Ada));
        Is<EditResult<ClaimSnapshot>.Saved>(await _editing.UndeleteAsync(created.Id, deleted.Version, Ada));
        await using var after = _database.NewDb();
        Assert.True(await after.Claims.AnyAsync(c => c.Id == created.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_without_touching_the_database()
    {
        var draft = Draft("Troops\0 in Russia.", Cite(Seed.Usip.Slug, UsipTroops, figure: "lots of troops"));
        draft.Topics = ["no-such-topic"];
        draft.OverrideFlag = "mostly";

        var invalid = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.CreateAsync(draft, Ada));

        Assert.Contains(invalid.Errors, e => e.Field == "statement" && e.Message.Contains("NUL"));
        Assert.Contains(invalid.Errors, e => e.Field == "citations[0].figure");
        Assert.Contains(invalid.Errors, e => e.Field == "overrideFlag");
        Assert.Contains(invalid.Errors, e => e.Field == "overrideReason");

        draft.Statement = "Troops in Russia.";
        draft.Citations[0].Figure = null;
        draft.OverrideFlag = null;
        var unknown = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.CreateAsync(draft, Ada));
        Assert.Equal("topics[0]", Assert.Single(unknown.Errors).Field);
        Assert.Contains("no-such-topic", unknown.Errors[0].Message);
    }

    [Fact]
    public async Task An_override_is_kept_beside_the_derived_verdict_and_a_claim_slug_cannot_be_taken_twice()
    {
        var draft = Draft("Troops went to Russia.", Cite(Seed.Usip.Slug, UsipTroops));
        draft.Slug = Seed.Claims.TroopsSentToRussia;
        var taken = Is<EditResult<ClaimSnapshot>.Invalid>(await _editing.CreateAsync(draft, Ada));
        Assert.Equal("slug", Assert.Single(taken.Errors).Field);

        draft.Slug = "troops-went-to-russia";
        draft.OverrideFlag = "agree";
        draft.OverrideReason = "Both documents say so elsewhere.";
        var saved = Is<EditResult<ClaimSnapshot>.Saved>(await _editing.CreateAsync(draft, Ada));

        var claim = await _db.Claims.AsNoTracking().SingleAsync(c => c.Id == saved.Id);
        Assert.Equal((AgreementFlag.Agree, AgreementFlag.SingleSource, "Both documents say so elsewhere."),
            (claim.Agreement, claim.ComputedAgreement, claim.OverrideReason));
    }

    [Fact]
    public async Task A_stance_change_updates_the_verdict_at_once()
    {
        var (id, version) = await SeedClaimAsync(Seed.Claims.TroopsInKursk);
        var draft = (await _editing.FindAsync(id))!.Snapshot.ToDraft();
        // MP-IDSA's sentence alone (its footnote's headline of 1 November dropped) now contradicts USIP.
        draft.Citations.RemoveAt(2);
        draft.Citations[1].Stance = "contradicts";

        // USIP ("so far", November) and MP-IDSA ("In October 2024") speak of different times: a contradiction between them is a change.
        Assert.Equal(AgreementFlag.Timeline, (await _editing.PreviewAgreementAsync(draft, id)).Flag);
        // Confirmed as firm statements about the same month, they conflict.
        foreach (var citation in draft.Citations)
        {
            (citation.AsOf, citation.Certainty) = ("2024-11", "stated");
        }
        var preview = await _editing.PreviewAgreementAsync(draft, id);
        Assert.Equal(AgreementFlag.Conflict, preview.Flag);
        Is<EditResult<ClaimSnapshot>.Saved>(await _editing.UpdateAsync(id, draft, version, Ada));

        var claim = await _db.Claims.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(AgreementFlag.Conflict, claim.Agreement);
        Assert.Contains("contradicts", claim.AgreementRationale);
        Assert.Equal(Stance.Contradicts, (await _db.Citations.AsNoTracking().SingleAsync(c => c.ClaimId == id && c.Position == 1)).Stance);
    }
}
