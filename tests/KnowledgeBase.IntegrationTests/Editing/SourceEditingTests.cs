using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;
using static KnowledgeBase.IntegrationTests.Editing.SeededDatabase;

namespace KnowledgeBase.IntegrationTests.Editing;

/// <summary>The source write path and re-anchoring on real PostgreSQL; every test writes to its own copy of the seeded database.</summary>
[Collection(EditingCollection.Name)]
public sealed class SourceEditingTests(SeededTemplate template) : IAsyncLifetime
{
    private const string UsipTroops = "North Korea has sent approximately 10,000 troops to Russia";

    private SeededDatabase _database = null!;
    private KnowledgeBaseDb _db = null!;
    private SourceEditing _editing = null!;

    public async Task InitializeAsync()
    {
        _database = await SeededDatabase.CopyAsync(template);
        _db = _database.NewDb();
        _editing = new SourceEditing(_db, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static T Is<T>(EditResult<SourceSnapshot> result)
        where T : EditResult<SourceSnapshot> =>
        result as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, got {Describe(result)}");

    private static string Describe(EditResult<SourceSnapshot> result) => result is EditResult<SourceSnapshot>.Invalid invalid
        ? "Invalid: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))
        : result.ToString();

    private async Task<(int Id, EditableSource Source)> OpenAsync(string slug)
    {
        var id = await _db.Sources.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        return (id, (await _editing.FindAsync(id))!);
    }

    /// <summary>The passage the given claim's citation of the given source stands on, read fresh.</summary>
    private async Task<Passage> PassageOfAsync(string claim, string source)
    {
        await using var db = _database.NewDb();
        return await db.Citations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Claim!.Slug == claim && c.Passage!.Source!.Slug == source)
            .Select(c => c.Passage!)
            .SingleAsync();
    }

    private async Task<EditResult<SourceSnapshot>.Saved> EditBodyAsync(string slug, Func<string, string> edit, string? comment = null)
    {
        var (id, source) = await OpenAsync(slug);
        var draft = source.Snapshot.ToDraft();
        var body = edit(draft.BodyMarkdown!);
        Assert.NotEqual(draft.BodyMarkdown, body);
        draft.BodyMarkdown = body;
        return Is<EditResult<SourceSnapshot>.Saved>(await _editing.UpdateAsync(id, draft, source.Version, Ada, comment));
    }

    [Fact]
    public async Task A_paragraph_inserted_before_the_quotes_moves_them_and_each_citation_still_points_at_its_words()
    {
        var before = await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug);

        var saved = await EditBodyAsync(Seed.Usip.Slug, body => "An editor's note added at the top of the document.\n\n" + body);

        var report = saved.Reanchoring!;
        Assert.True(report.Moved > 0);
        Assert.Equal(report.Total, report.Moved);
        Assert.Empty(report.NeedsReview);
        var after = await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal((AnchorStatus.Moved, false), (after.AnchorStatus, after.NeedsReview));
        Assert.Equal(before.Start + "An editor's note added at the top of the document.\n\n".Length, after.Start);
        await using var db = _database.NewDb();
        var usip = await db.Sources.SingleAsync(s => s.Slug == Seed.Usip.Slug);
        // Every passage of the source still covers exactly its words in the new canonical text.
        foreach (var p in await db.Passages.Where(p => p.SourceId == usip.Id).ToListAsync())
        {
            Assert.Equal(p.Exact, usip.CanonicalText[p.Start..p.End]);
        }
        Assert.Equal(UsipTroops, usip.CanonicalText[after.Start..after.End]);
        Assert.StartsWith("An editor's note", usip.CanonicalText, StringComparison.Ordinal);
        Assert.Equal(saved.Version, usip.Version);
        Assert.Equal(2, saved.RevisionNumber); // 1 is the state the seed import left
    }

    [Fact]
    public async Task Slightly_changed_quoted_words_are_re_anchored_approximately_and_wait_for_review()
    {
        var saved = await EditBodyAsync(Seed.Usip.Slug, body => body.Replace(UsipTroops, "North Korea has sent roughly 10,000 troops to Russia", StringComparison.Ordinal));

        var passage = await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug);
        Assert.Equal((AnchorStatus.Fuzzy, true), (passage.AnchorStatus, passage.NeedsReview));
        Assert.Equal("North Korea has sent roughly 10,000 troops to Russia", passage.Exact);
        Assert.Equal(UsipTroops, passage.PreviousExact);
        Assert.Equal(1, saved.Reanchoring!.Fuzzy);
        Assert.Equal([passage.Id], saved.Reanchoring.NeedsReview);

        var queue = await ReviewQueue.PageAsync(_db, null, default);
        var item = Assert.Single(queue.Items);
        Assert.Equal((passage.Id, AnchorStatus.Fuzzy, "USIP"), (item.PassageId, item.Status, item.SourceShortName));
        Assert.Contains(item.Claims, c => c.Slug == Seed.Claims.TroopsSentToRussia);

        // Saving the claim with the words as they now stand confirms them and empties the queue.
        var claims = new ClaimEditing(_db, TimeProvider.System);
        var claim = await _db.Claims.AsNoTracking().SingleAsync(c => c.Slug == Seed.Claims.TroopsSentToRussia);
        var draft = (await claims.FindAsync(claim.Id))!.Snapshot.ToDraft();
        Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await claims.UpdateAsync(claim.Id, draft, claim.Version, Ben, "Reviewed"));
        Assert.Empty((await ReviewQueue.PageAsync(_db, null, default)).Items);
        var confirmed = await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug);
        Assert.Equal((AnchorStatus.Exact, false, "North Korea has sent roughly 10,000 troops to Russia"), (confirmed.AnchorStatus, confirmed.NeedsReview, confirmed.Exact));
    }

    [Fact]
    public async Task A_deleted_quoted_sentence_orphans_its_passages_which_keep_their_words_and_their_citations()
    {
        const string Sentence = "Washington estimates that, so far, North Korea has sent approximately 10,000 troops to Russia — around 8,000 of whom have been deployed to the western region of Kursk, where Ukraine seized territory in a surprise attack earlier this year. ";
        var before = await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug);
        var citations = await _db.Citations.CountAsync();
        var flag = (await _db.Claims.AsNoTracking().SingleAsync(c => c.Slug == Seed.Claims.TroopsSentToRussia)).Agreement;

        var saved = await EditBodyAsync(Seed.Usip.Slug, body => body.Replace(Sentence, "", StringComparison.Ordinal));

        var after = await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug);
        Assert.Equal((AnchorStatus.Orphaned, true), (after.AnchorStatus, after.NeedsReview));
        Assert.Equal((before.Id, before.Exact, before.Start, before.End), (after.Id, after.Exact, after.Start, after.End));
        Assert.Equal((AnchorStatus.Orphaned, true), ((await PassageOfAsync(Seed.Claims.TroopsInKursk, Seed.Usip.Slug)).AnchorStatus, (await PassageOfAsync(Seed.Claims.TroopsInKursk, Seed.Usip.Slug)).NeedsReview));
        // The sentence holds three quoted passages: the troops sent, the troops in Kursk and the surprise attack.
        Assert.Equal(3, saved.Reanchoring!.Orphaned);
        Assert.Equal(citations, await _db.Citations.CountAsync());
        Assert.Equal(flag, (await _db.Claims.AsNoTracking().SingleAsync(c => c.Slug == Seed.Claims.TroopsSentToRussia)).Agreement);
        var queue = await ReviewQueue.PageAsync(_db, null, default);
        Assert.Equal(3, queue.Items.Count(i => i.Status == AnchorStatus.Orphaned));
        Assert.Equal(3, await ReviewQueue.CountAsync(_db, default));

        // A claim citing an orphan can still be edited: the orphaned citation is kept as it is.
        var claims = new ClaimEditing(_db, TimeProvider.System);
        var claim = await _db.Claims.AsNoTracking().SingleAsync(c => c.Slug == Seed.Claims.TroopsSentToRussia);
        var draft = (await claims.FindAsync(claim.Id))!.Snapshot.ToDraft();
        draft.Statement = "North Korea has sent about 10,000 soldiers to Russia.";
        Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await claims.UpdateAsync(claim.Id, draft, claim.Version, Ben));
        Assert.Equal(after.Id, (await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug)).Id);

        // Restoring the source's first revision brings the words back, and the orphans are confirmed again.
        var id = (await OpenAsync(Seed.Usip.Slug)).Id;
        var restored = Is<EditResult<SourceSnapshot>.Saved>(await _editing.RestoreAsync(id, 1, saved.Version, Ada));
        Assert.Equal(0, restored.Reanchoring!.Orphaned);
        Assert.Empty((await ReviewQueue.PageAsync(_db, null, default)).Items);
        Assert.Equal((before.Start, before.End, false), ((await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug)).Start, (await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug)).End, (await PassageOfAsync(Seed.Claims.TroopsSentToRussia, Seed.Usip.Slug)).NeedsReview));
    }

    [Fact]
    public async Task The_diff_between_two_source_revisions_shows_the_changed_line()
    {
        var saved = await EditBodyAsync(Seed.Usip.Slug, body => body.Replace(
            "- North Korea-Russia cooperation could shift the inter-Korean military balance.",
            "- North Korea-Russia cooperation could tilt the inter-Korean military balance.",
            StringComparison.Ordinal));
        var id = (await OpenAsync(Seed.Usip.Slug)).Id;

        var diff = (await History.DiffAsync(_db, RevisionEntity.Source, id, 1, saved.RevisionNumber, default))!;

        var body = Assert.Single(diff.Changes);
        Assert.Equal(("bodyMarkdown", true), (body.Field, body.ByLine));
        Assert.Equal(
            new[] { "- North Korea-Russia cooperation could shift the inter-Korean military balance." },
            body.Diff.Where(p => p.Op == DiffOp.Removed).Select(p => p.Text));
        Assert.Equal(
            new[] { "- North Korea-Russia cooperation could tilt the inter-Korean military balance." },
            body.Diff.Where(p => p.Op == DiffOp.Added).Select(p => p.Text));
        Assert.Contains(body.Diff, p => p.Op == DiffOp.Skipped);
        var history = await History.RevisionsAsync(_db, RevisionEntity.Source, id, null, default);
        Assert.Equal(new[] { RevisionAction.Updated, RevisionAction.Imported }, history.Items.Select(r => r.Action));
    }

    [Fact]
    public async Task A_new_source_with_two_footnotes_is_saved_and_a_claim_can_cite_it_with_the_proposed_footnote()
    {
        var draft = new SourceDraft
        {
            Slug = "example-2025-analysis",
            Title = "A Third Look at the Deployment",
            ShortName = "Example",
            Authors = ["A. Writer", ""],
            Publisher = "Example Institute",
            Kind = "analysis",
            Published = "2025-01",
            Url = "https://example.org/analysis",
            BodyMarkdown = "Pyongyang has deployed roughly 11,000 soldiers to Russia.[^1]\n\nSeoul is weighing its options.[^2]\n\n"
                + "[^1]: Yonhap, 3 January 2025.\n[^2]: The Korea Times, 4 January 2025.\n",
            Footnotes = { [1] = new() { Outlet = "Yonhap", Published = "2025-01-03" }, [2] = new() { Outlet = "The Korea Times" } },
        };

        var saved = Is<EditResult<SourceSnapshot>.Saved>(await _editing.CreateAsync(draft, Ada, "Third document"));

        Assert.Equal(1, saved.RevisionNumber);
        await using (var db = _database.NewDb())
        {
            var source = await db.Sources.Include(s => s.Footnotes).SingleAsync(s => s.Id == saved.Id);
            Assert.Equal(new[] { "A. Writer" }, source.Authors);
            Assert.Equal(new[] { 1, 2 }, source.Footnotes.OrderBy(f => f.Number).Select(f => f.Number));
            Assert.Equal("Yonhap", source.Footnotes.Single(f => f.Number == 1).Cites.Outlet);
            Assert.Contains("Pyongyang has deployed roughly 11,000 soldiers to Russia.", source.CanonicalText);
        }

        var claims = new ClaimEditing(_db, TimeProvider.System);
        var claim = Is2(await claims.CreateAsync(new ClaimDraft
        {
            Statement = "About 10,000 North Korean troops are in Russia.",
            Topics = [Seed.Topics.TroopDeployment],
            Citations =
            [
                new() { SourceSlug = "example-2025-analysis", Quote = "Pyongyang has deployed roughly 11,000 soldiers to Russia", Figure = "roughly 11,000 soldiers" },
                new() { SourceSlug = Seed.Usip.Slug, Quote = UsipTroops, Figure = "approximately 10,000 troops" },
            ],
        }, Ada));
        var found = (await claims.FindAsync(claim.Id))!;
        Assert.Equal(1, found.Snapshot.Citations[0].Footnote);
        // January 2025's 11,000 against USIP's November 2024 figure: the figure changed over time.
        Assert.Equal(AgreementFlag.Timeline, (await _db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id)).Agreement);

        static EditResult<ClaimSnapshot>.Saved Is2(EditResult<ClaimSnapshot> r) =>
            r as EditResult<ClaimSnapshot>.Saved ?? throw new Xunit.Sdk.XunitException($"Expected Saved, got {r}");
    }

    [Fact]
    public async Task Renumbered_footnotes_follow_their_passages()
    {
        // A new footnote referenced before footnote 5's sentence shifts 5 to 6; the Kursk passage must follow.
        const string Kursk = "an estimated 8,000 North Korean soldiers were reported to have been stationed in the Kursk region of Russia";
        Assert.Equal(5, await FootnoteNumberAsync(Seed.Claims.TroopsInKursk));
        var (id, source) = await OpenAsync(Seed.MpIdsa.Slug);
        var draft = source.Snapshot.ToDraft();
        var body = draft.BodyMarkdown!;
        Assert.Contains("[^4] In October 2024, " + Kursk + ".[^5]", body);
        // Shift every label from the top down, then add the new note as [^5] before the Kursk sentence.
        for (var n = Seed.MpIdsa.FootnoteCount; n >= 5; n--)
        {
            body = body.Replace($"[^{n}]", $"[^{n + 1}]", StringComparison.Ordinal);
        }
        body = body.Replace("[^4] In October 2024,", "[^4] In October 2024,[^5]", StringComparison.Ordinal) + "\n[^5]: An added note.\n";
        draft.BodyMarkdown = body;
        draft.Footnotes = draft.Footnotes.ToDictionary(kv => kv.Key >= 5 ? kv.Key + 1 : kv.Key, kv => kv.Value);
        draft.Footnotes[5] = new CitedWork { Title = "An added note" };
        // Restored markers are named by number, so they are renumbered with their notes.
        draft.RestoredMarkers = [.. draft.RestoredMarkers.Select(n => n >= 5 ? n + 1 : n)];

        var saved = Is<EditResult<SourceSnapshot>.Saved>(await _editing.UpdateAsync(id, draft, source.Version, Ada));

        Assert.Empty(saved.Reanchoring!.NeedsReview);
        Assert.Equal(6, await FootnoteNumberAsync(Seed.Claims.TroopsInKursk));
        Assert.Equal(Seed.MpIdsa.FootnoteCount + 1, await _db.Footnotes.CountAsync(f => f.SourceId == id));
        Assert.Equal([14, 15, 26, 27], (await _db.Sources.AsNoTracking().SingleAsync(s => s.Id == id)).RestoredMarkers);
    }

    private async Task<int?> FootnoteNumberAsync(string claim)
    {
        await using var db = _database.NewDb();
        return await db.Citations.Where(c => c.Claim!.Slug == claim && c.Passage!.Source!.Slug == Seed.MpIdsa.Slug)
            .Select(c => (int?)c.Passage!.Footnote!.Number).Distinct().SingleAsync();
    }

    [Fact]
    public async Task Bad_metadata_and_bodies_are_refused_field_by_field()
    {
        var (id, source) = await OpenAsync(Seed.Usip.Slug);
        var draft = source.Snapshot.ToDraft();
        draft.Url = "javascript:alert(1)";
        draft.Title = "Title\0";
        draft.Published = "November 2024";
        draft.BodyMarkdown = string.Concat(Enumerable.Repeat("> ", 40)) + "deep";

        var invalid = Is<EditResult<SourceSnapshot>.Invalid>(await _editing.UpdateAsync(id, draft, source.Version, Ada));

        Assert.Contains(invalid.Errors, e => e.Field == "url" && e.Message.Contains("http"));
        Assert.Contains(invalid.Errors, e => e.Field == "title" && e.Message.Contains("NUL"));
        Assert.Contains(invalid.Errors, e => e.Field == "published");
        Assert.Contains(invalid.Errors, e => e.Field == "bodyMarkdown" && e.Message.Contains("40 levels deep"));
        Assert.Equal(source.Version, (await _editing.FindAsync(id))!.Version);
    }

    public static TheoryData<string> TooDeeplyNested => new()
    {
        string.Concat(Enumerable.Repeat("[a(", 200)),
        new string('[', 15_000),
        string.Concat(Enumerable.Repeat("![", 7_000)),
        string.Concat(Enumerable.Repeat("*_", 3_500)) + string.Concat(Enumerable.Repeat("_*", 3_500)),
    };

    [Theory]
    [MemberData(nameof(TooDeeplyNested))]
    public async Task A_body_nested_past_markdigs_limit_is_refused_by_the_preview_and_the_save(string body)
    {
        var (id, source) = await OpenAsync(Seed.Usip.Slug);
        var draft = source.Snapshot.ToDraft();
        draft.BodyMarkdown = "Intro.\n\n" + body;

        var preview = SourceEditing.PreviewBody(draft.BodyMarkdown);
        var invalid = Is<EditResult<SourceSnapshot>.Invalid>(await _editing.UpdateAsync(id, draft, source.Version, Ada));

        Assert.Null(preview.Html);
        Assert.Contains("too deeply", Assert.Single(preview.Errors).Message);
        Assert.Contains(invalid.Errors, e => e.Field == "bodyMarkdown" && e.Message.Contains("too deeply"));
        Assert.Equal(source.Version, (await _editing.FindAsync(id))!.Version);
    }

    [Fact]
    public async Task A_cited_source_cannot_be_deleted_and_an_uncited_one_is_deleted_softly_and_undeleted()
    {
        var (usip, current) = await OpenAsync(Seed.Usip.Slug);
        var refused = Is<EditResult<SourceSnapshot>.Invalid>(await _editing.DeleteAsync(usip, current.Version, Ada));
        Assert.Contains("claims cite this document", Assert.Single(refused.Errors).Message);

        var created = Is<EditResult<SourceSnapshot>.Saved>(await _editing.CreateAsync(new SourceDraft
        {
            Slug = "scratch",
            Title = "Scratch",
            ShortName = "S",
            Publisher = "P",
            Kind = "note",
            Published = "2025",
            BodyMarkdown = "Nothing cites this.",
        }, Ada));
        var live = Is<EditResult<SourceSnapshot>.Invalid>(await _editing.UndeleteAsync((int)created.Id, created.Version, Ada));
        Assert.Equal("This source is not deleted.", Assert.Single(live.Errors).Message);
        var deleted = Is<EditResult<SourceSnapshot>.Saved>(await _editing.DeleteAsync((int)created.Id, created.Version, Ada));
        Assert.IsType<EditResult<SourceSnapshot>.NotFound>(await _editing.DeleteAsync((int)created.Id, deleted.Version, Ada));
        await using (var db = _database.NewDb())
        {
            Assert.False(await db.Sources.AnyAsync(s => s.Slug == "scratch"));
        }
        Assert.IsType<EditResult<SourceSnapshot>.Conflict>(await _editing.UndeleteAsync((int)created.Id, created.Version, Ada));
        Is<EditResult<SourceSnapshot>.Saved>(await _editing.UndeleteAsync((int)created.Id, deleted.Version, Ada));
        await using var after = _database.NewDb();
        Assert.True(await after.Sources.AnyAsync(s => s.Slug == "scratch"));
    }
}
