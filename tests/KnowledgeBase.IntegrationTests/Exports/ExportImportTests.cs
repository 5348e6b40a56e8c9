using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.IntegrationTests.Editing;
using KnowledgeBase.Testing;
using Microsoft.EntityFrameworkCore;
using static KnowledgeBase.IntegrationTests.Editing.SeededDatabase;

namespace KnowledgeBase.IntegrationTests.Exports;

/// <summary>
/// <c>export</c> and <c>import</c> on real PostgreSQL: a knowledge base made richer by the editing services goes out
/// to files, into a fresh empty database and out again, and both exports are byte for byte the same.
/// </summary>
[Collection(EditingCollection.Name)]
public sealed class ExportImportTests(SeededTemplate template) : IAsyncLifetime
{

    private readonly List<string> _folders = [];
    private SeededDatabase _seeded = null!;

    public async Task InitializeAsync() => _seeded = await SeededDatabase.CopyAsync(template);

    public async Task DisposeAsync()
    {
        await _seeded.DisposeAsync();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kb-export-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return folder;
    }

    private static async Task<SeedExportResult> ExportAsync(string connectionString, string folder, bool force = false, bool revisions = true)
    {
        await using var db = Open(connectionString);
        return await new SeedExporter(db).ExportAsync(folder, force, revisions);
    }

    private static async Task<SeedImportResult> ImportAsync(string connectionString, string folder)
    {
        await using var db = Open(connectionString);
        return await new SeedImporter(db, TimeProvider.System).ImportIntoEmptyAsync(SeedPlan.From(SeedFiles.Read(folder)));
    }

    private static async Task<TestDatabase> EmptyDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = Open(database.ConnectionString);
        await db.Database.MigrateAsync();
        return database;
    }

    private static EditResult<T>.Saved Saved<T>(EditResult<T> result) =>
        result as EditResult<T>.Saved
        ?? throw new Xunit.Sdk.XunitException(result is EditResult<T>.Invalid invalid
            ? "Invalid: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))
            : result.ToString());

    /// <summary>
    /// The seeded knowledge base made richer through the editing services: an override, a deleted claim, a source
    /// edit that leaves one passage fuzzy and two orphaned, a new claim with a footnote picked by hand, a deleted source.
    /// </summary>
    private async Task EnrichAsync()
    {
        await using var db = _seeded.NewDb();
        var claims = new ClaimEditing(db, TimeProvider.System);
        var sources = new SourceEditing(db, TimeProvider.System);
        async Task<EditableClaim> ClaimAsync(string slug) =>
            (await claims.FindAsync(await db.Claims.IgnoreQueryFilters().Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync()))!;

        var kursk = await ClaimAsync(Seed.Claims.TroopsInKursk);
        var draft = kursk.Snapshot.ToDraft();
        draft.OverrideFlag = "conflict";
        draft.OverrideReason = "Test: the two documents count different units.";
        // An editor's confirmed evidence; the other citations keep the model's proposals (nothing stored).
        (draft.Citations[0].Voice, draft.Citations[0].Certainty, draft.Citations[0].AsOf, draft.Citations[0].AsOfWords) =
            ("attributed", "reported", "2024-10-15/2024-11", "since mid-October");
        Saved(await claims.UpdateAsync(kursk.Id, draft, kursk.Version, Ada, "Overridden for the export test"));

        var marines = await ClaimAsync(Seed.Claims.TroopsInMarineAndAirborneUnits);
        Saved(await claims.DeleteAsync(marines.Id, marines.Version, Ben, "Deleted for the export test"));

        var usipId = await db.Sources.Where(s => s.Slug == Seed.Usip.Slug).Select(s => s.Id).SingleAsync();
        var usip = (await sources.FindAsync(usipId))!;
        var body = usip.Snapshot.ToDraft();
        body.BodyMarkdown = body.BodyMarkdown!
            .Replace("North Korea has sent approximately 10,000 troops to Russia", "North Korea has sent roughly 10,000 troops to Russia", StringComparison.Ordinal)
            .Replace("North Korean troops have reportedly begun engaging in direct combat", "the weather in the region has been mild", StringComparison.Ordinal);
        var edited = Saved(await sources.UpdateAsync(usipId, body, usip.Version, Ada, "Edited so passages await review"));
        // The combat sentence is quoted twice: by combat-begun, and within combat-predicted-late-october's longer quote.
        Assert.Equal((1, 2), (edited.Reanchoring!.Fuzzy, edited.Reanchoring.Orphaned));

        Saved(await claims.CreateAsync(new ClaimDraft
        {
            Statement = "The war has strengthened the military alliance between Russia and North Korea.",
            Topics = [Seed.Topics.RussiaNorthKoreaTies],
            Citations =
            [
                new CitationDraft
                {
                    SourceSlug = Seed.MpIdsa.Slug,
                    Quote = "it has strengthened the military alliance between Russia and North Korea",
                    Stance = "supports",
                    Footnote = 2, // picked by hand: the sentence has no marker of its own
                },
            ],
        }, Ben, "A new claim"));

        // A derived total whose count comes from another claim's citation, and one counting from a deleted claim's figure.
        Saved(await claims.CreateAsync(new ClaimDraft
        {
            Statement = "Russia's pay for North Korean troops, derived by the editors from a rate and a count.",
            Topics = [Seed.Topics.RussiaNorthKoreaTies],
            Citations =
            [
                new CitationDraft
                {
                    SourceSlug = Seed.Usip.Slug,
                    Quote = "Russia is expected to pay $2,000 per soldier per month",
                    Figure = "$2,000 per soldier per month",
                    Derived = new() { Rate = "$2,000 per soldier per month", Count = "10,000 troops", CountFrom = $"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}" },
                },
                new CitationDraft
                {
                    SourceSlug = Seed.MpIdsa.Slug,
                    Quote = "$200m A Year",
                    Derived = new() { Rate = "$200m per year per unit", Count = "2 units", CountFrom = Seed.Claims.TroopsInMarineAndAirborneUnits },
                },
            ],
        }, Ben, "A derived total"));

        var note = Saved(await sources.CreateAsync(new SourceDraft
        {
            Slug = "export-test-note",
            Title = "A note: written, then deleted",
            ShortName = "Note",
            Authors = ["A. Writer"],
            Publisher = "Test Institute",
            Kind = "note",
            Published = "2025-01",
            BodyMarkdown = "A short note that an editor deleted.\n",
        }, Ada));
        Saved(await sources.DeleteAsync((int)note.Id, note.Version, Ada));
    }

    /// <summary>What readers (and editors) see, by slug: claims with flags and citations with passages and footnotes; sources; history.</summary>
    private static async Task<List<string>> FactsAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        var facts = new List<string>();
        var claims = await db.Claims.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Slug)
            .Select(c => new
            {
                c.Slug,
                c.Statement,
                c.Figure,
                c.Agreement,
                c.ComputedAgreement,
                c.AgreementRationale,
                c.OverrideAgreement,
                c.OverrideReason,
                c.DeletedAt,
                c.CreatedAt,
                c.UpdatedAt,
                // Times an editor gave (by a save: a revision) survive; the seed import's own are the import's again.
                Added = db.Revisions.Any(r => r.EntityType == RevisionEntity.Claim && r.EntityId == c.Id && r.Action == RevisionAction.Created),
                Edited = db.Revisions.Any(r => r.EntityType == RevisionEntity.Claim && r.EntityId == c.Id),
                Topics = c.Topics.OrderBy(t => t.Slug).Select(t => t.Slug).ToList(),
                Citations = c.Citations.OrderBy(x => x.Position).Select(x => new
                {
                    Source = x.Passage!.Source!.Slug,
                    x.Passage.Start,
                    x.Passage.End,
                    x.Passage.Exact,
                    x.Passage.Prefix,
                    x.Passage.Suffix,
                    x.Passage.NeedsReview,
                    x.Passage.AnchorStatus,
                    x.Passage.PreviousExact,
                    Footnote = x.Passage.Footnote == null ? null : (int?)x.Passage.Footnote.Number,
                    x.Stance,
                    x.Attribution,
                    x.Figure,
                    x.Voice,
                    x.Certainty,
                    x.AsOfFrom,
                    x.AsOfTo,
                    x.AsOfWords,
                    x.Derivation,
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync();
        foreach (var c in claims)
        {
            facts.Add($"claim {c.Slug}|{(c.Added ? $"{c.CreatedAt:O}" : "added by the import")} {(c.Edited ? $"{c.UpdatedAt:O}" : "as imported")}|{c.Statement}|{c.Figure}|{c.Agreement}|{c.ComputedAgreement}|{c.AgreementRationale}|{c.OverrideAgreement}|{c.OverrideReason}|{c.DeletedAt:O}|{string.Join(",", c.Topics)}");
            // A confirmed passage's status (exact or moved) says how the last edit found it; only review states are kept.
            facts.AddRange(c.Citations.Select(x =>
                $"  cites {x.Source} {x.Start}-{x.End}|{x.Exact}|{x.Prefix}|{x.Suffix}|{(x.NeedsReview ? x.AnchorStatus.ToString() : "confirmed")}|{x.PreviousExact}|fn {x.Footnote}|{x.Stance}|{x.Attribution}|{x.Figure}|{x.Voice}|{x.Certainty}|{x.AsOfFrom}|{x.AsOfTo}|{x.AsOfWords}|{x.Derivation}"));
        }
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking().Include(s => s.Footnotes).OrderBy(s => s.Slug).ToListAsync();
        var editedSources = await db.Revisions.Where(r => r.EntityType == RevisionEntity.Source).Select(r => (int)r.EntityId).Distinct().ToListAsync();
        var addedSources = await db.Revisions.Where(r => r.EntityType == RevisionEntity.Source && r.Action == RevisionAction.Created).Select(r => (int)r.EntityId).ToListAsync();
        foreach (var s in sources)
        {
            facts.Add($"source {s.Slug}|{(addedSources.Contains(s.Id) ? $"{s.CreatedAt:O}" : "added by the import")} {(editedSources.Contains(s.Id) ? $"{s.UpdatedAt:O}" : "as imported")}|{s.Title}|{s.ShortName}|{string.Join(";", s.Authors)}|{s.Publisher}|{s.Kind}|{s.Published}|{s.Url}|{s.Retrieved}|{s.EditorialNote}|{s.DeletedAt:O}");
            facts.Add($"  text {s.BodyMarkdown}|{s.BodyHtml}|{s.CanonicalText}");
            facts.AddRange(s.Footnotes.OrderBy(f => f.Number).Select(f =>
                $"  footnote {f.Number} {f.Start}-{f.End}|{f.Text}|{f.Cites.Authors}|{f.Cites.Title}|{f.Cites.Outlet}|{f.Cites.Published}|{f.Cites.Url}"));
        }
        facts.Add($"passages {await db.Passages.IgnoreQueryFilters().CountAsync()}, awaiting review {await db.Passages.IgnoreQueryFilters().CountAsync(p => p.NeedsReview)}");
        facts.Add($"live claims {await db.Claims.CountAsync()}, live sources {await db.Sources.CountAsync()}");
        var revisions = await db.Revisions.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.EntityType, r.Number, r.Action, r.AuthorId, r.AuthorName, r.CreatedAt, r.Comment }).ToListAsync();
        facts.AddRange(revisions.Select(r => $"revision {r.EntityType} {r.Number} {r.Action} {r.AuthorId} {r.AuthorName} {r.CreatedAt:O} {r.Comment}"));
        return facts;
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        static List<string> Files(string folder) =>
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
        {
            var (a, b) = (File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between the two exports");
        }
    }

    [Fact]
    public async Task Export_import_into_an_empty_database_and_export_again_gives_identical_files_and_the_same_knowledge_base()
    {
        await EnrichAsync();
        var first = NewFolder();
        var exported = await ExportAsync(_seeded.ConnectionString, first);

        await using var fresh = await EmptyDatabaseAsync();
        var imported = await ImportAsync(fresh.ConnectionString, first);
        var second = NewFolder();
        var again = await ExportAsync(fresh.ConnectionString, second);

        AssertSameFiles(first, second);
        Assert.Equal(exported, again);
        Assert.Equal((exported.Claims, exported.Citations), (imported.Claims, imported.Citations));
        Assert.Equal(await FactsAsync(_seeded.ConnectionString), await FactsAsync(fresh.ConnectionString));

        // The export holds what the seed format lacks.
        var claims = await File.ReadAllTextAsync(Path.Combine(first, "claims.yaml"));
        Assert.Contains("agreement-override:\n    flag: conflict\n", claims, StringComparison.Ordinal);
        Assert.Contains("status: fuzzy", claims, StringComparison.Ordinal);
        Assert.Contains("status: orphaned", claims, StringComparison.Ordinal);
        Assert.Contains("footnote: 2\n      footnote-chosen: true\n", claims, StringComparison.Ordinal);
        Assert.Contains("\n      voice: attributed\n      certainty: reported\n      as-of: 2024-10-15/2024-11-30\n      as-of-words: since mid-October\n", claims, StringComparison.Ordinal);
        Assert.Contains(
            $"\n      derived:\n        rate: \"$2,000 per soldier per month\"\n        count: 10,000 troops\n        count-from: {Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}\n",
            claims, StringComparison.Ordinal);
        Assert.Contains($"count-from: {Seed.Claims.TroopsInMarineAndAirborneUnits}\n", claims, StringComparison.Ordinal);
        Assert.Contains("\ndeleted-at: ", await File.ReadAllTextAsync(Path.Combine(first, "sources", "export-test-note.md")), StringComparison.Ordinal);
        Assert.True(exported.Revisions >= 8, $"{exported.Revisions} revisions");
        await using var db = Open(fresh.ConnectionString);
        Assert.Equal(3, await db.Passages.IgnoreQueryFilters().CountAsync(p => p.NeedsReview)); // one fuzzy, two orphaned
        Assert.True(await db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Slug == Seed.Claims.TroopsInMarineAndAirborneUnits && c.DeletedAt != null));
        Assert.False(await db.Claims.AnyAsync(c => c.Slug == Seed.Claims.TroopsInMarineAndAirborneUnits));
    }

    [Fact]
    public async Task An_edit_after_the_import_continues_the_imported_history()
    {
        await EnrichAsync();
        var folder = NewFolder();
        await ExportAsync(_seeded.ConnectionString, folder);
        await using var fresh = await EmptyDatabaseAsync();
        await ImportAsync(fresh.ConnectionString, folder);

        await using var db = Open(fresh.ConnectionString);
        var claims = new ClaimEditing(db, TimeProvider.System);
        var id = await db.Claims.Where(c => c.Slug == Seed.Claims.TroopsInKursk).Select(c => c.Id).SingleAsync();
        var kursk = (await claims.FindAsync(id))!;
        Assert.Equal(2, kursk.LatestRevision); // imported, then the override
        var restored = await claims.RestoreAsync(id, 1, kursk.Version, Ada);

        Assert.IsType<EditResult<ClaimSnapshot>.Saved>(restored);
        Assert.Equal(3, ((EditResult<ClaimSnapshot>.Saved)restored).RevisionNumber);
        Assert.Null((await db.Claims.AsNoTracking().SingleAsync(c => c.Id == id)).OverrideAgreement);
    }

    [Fact]
    public async Task Seeding_a_database_loaded_from_an_export_leaves_the_editors_work_alone()
    {
        await EnrichAsync();
        var folder = NewFolder();
        await ExportAsync(_seeded.ConnectionString, folder);
        await using var fresh = await EmptyDatabaseAsync();
        await ImportAsync(fresh.ConnectionString, folder);
        var before = await FactsAsync(fresh.ConnectionString);

        // What ./kb run does at every start: the seed would clear the override and confirm the edited quotes again.
        await using var db = Open(fresh.ConnectionString);
        var seeded = await new SeedImporter(db, TimeProvider.System).ImportAsync(KnowledgeBaseApp.SeedDirectory);

        Assert.True(seeded.LoadedFromExport);
        Assert.Equal(0, seeded.Changes);
        Assert.Equal(before, await FactsAsync(fresh.ConnectionString));
    }

    [Fact]
    public async Task Import_into_a_database_that_holds_content_is_refused_and_writes_nothing()
    {
        var folder = NewFolder();
        await ExportAsync(_seeded.ConnectionString, folder);
        var before = await FactsAsync(_seeded.ConnectionString);

        var error = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportAsync(_seeded.ConnectionString, folder));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("already holds sources, topics, claims", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await FactsAsync(_seeded.ConnectionString));
    }

    [Fact]
    public async Task A_tampered_export_whose_quote_no_longer_anchors_fails_naming_the_claim_and_writes_nothing()
    {
        var folder = NewFolder();
        await ExportAsync(_seeded.ConnectionString, folder);
        var path = Path.Combine(folder, "claims.yaml");
        var text = await File.ReadAllTextAsync(path);
        const string Quote = "quote: around 8,000 of whom have been deployed to the western region of Kursk\n";
        Assert.Contains(Quote, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace(Quote, "quote: around 9,000 of whom have been deployed to the western region of Kursk\n", StringComparison.Ordinal));
        await using var fresh = await EmptyDatabaseAsync();

        var error = await Assert.ThrowsAsync<SeedImportException>(() => ImportAsync(fresh.ConnectionString, folder));

        var problem = Assert.Single(error.Problems);
        Assert.Contains($"claim '{Seed.Claims.TroopsInKursk}'", problem, StringComparison.Ordinal);
        Assert.Contains("not in the document", problem, StringComparison.Ordinal);
        await using var db = Open(fresh.ConnectionString);
        Assert.Equal((0, 0, 0, 0), (await db.Sources.IgnoreQueryFilters().CountAsync(), await db.Topics.CountAsync(), await db.Claims.IgnoreQueryFilters().CountAsync(), await db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task A_tampered_review_state_fails_naming_the_claim()
    {
        await EnrichAsync();
        var folder = NewFolder();
        await ExportAsync(_seeded.ConnectionString, folder);
        var path = Path.Combine(folder, "claims.yaml");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("status: fuzzy", "status: lost", StringComparison.Ordinal));
        await using var fresh = await EmptyDatabaseAsync();

        var error = await Assert.ThrowsAsync<SeedImportException>(() => ImportAsync(fresh.ConnectionString, folder));

        var problem = Assert.Single(error.Problems);
        Assert.Contains($"claim '{Seed.Claims.TroopsSentToRussia}'", problem, StringComparison.Ordinal);
        Assert.Contains("review status 'lost' is not fuzzy or orphaned", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_the_seeded_database_gives_seed_data_back_but_for_topic_order_and_the_wrapping_of_notes()
    {
        var folder = NewFolder();
        await ExportAsync(_seeded.ConnectionString, folder, revisions: false);
        var seed = KnowledgeBaseApp.SeedDirectory;

        // Same files, the seed's README aside.
        Assert.Equal(
            ["claims.yaml", Path.Combine("sources", $"{Seed.MpIdsa.Slug}.md"), Path.Combine("sources", $"{Seed.Usip.Slug}.md"), "topics.yaml"],
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(seed, "topics.yaml")), await File.ReadAllTextAsync(Path.Combine(folder, "topics.yaml")));

        // claims.yaml: line for line the same, except that a claim's topics may come in another order (the database keeps no order).
        var expected = (await File.ReadAllTextAsync(Path.Combine(seed, "claims.yaml"))).Split('\n');
        var actual = (await File.ReadAllTextAsync(Path.Combine(folder, "claims.yaml"))).Split('\n');
        Assert.Equal(expected.Length, actual.Length);
        var reordered = 0;
        foreach (var (e, a) in expected.Zip(actual))
        {
            if (e != a)
            {
                Assert.StartsWith("  topics: [", e, StringComparison.Ordinal);
                Assert.Equal(Words(e).Order(), Words(a).Order());
                reordered++;
            }
        }
        Assert.True(reordered <= 14, $"{reordered} claims list their topics in another order");

        // Sources: the same bytes once the editorial note (re-wrapped, the same text) is set aside.
        var seedFiles = SeedFiles.Read(seed);
        var exportFiles = SeedFiles.Read(folder);
        foreach (var name in new[] { Seed.MpIdsa.Slug, Seed.Usip.Slug })
        {
            Assert.Equal(seedFiles.Sources.Single(s => s.Meta.Slug == name).Meta.EditorialNote, exportFiles.Sources.Single(s => s.Meta.Slug == name).Meta.EditorialNote);
            Assert.Equal(
                WithoutNote(await File.ReadAllTextAsync(Path.Combine(seed, "sources", name + ".md"))),
                WithoutNote(await File.ReadAllTextAsync(Path.Combine(folder, "sources", name + ".md"))));
        }

        static string[] Words(string topics) => topics.Trim()["topics: [".Length..^1].Split(", ");
        static string WithoutNote(string text)
        {
            var lines = text.Split('\n').ToList();
            var at = lines.FindIndex(l => l.StartsWith("editorial-note:", StringComparison.Ordinal));
            var end = at + 1;
            while (end < lines.Count && lines[end].StartsWith("  ", StringComparison.Ordinal))
            {
                end++;
            }
            lines.RemoveRange(at, end - at);
            return string.Join('\n', lines);
        }
    }

    [Fact]
    public async Task Export_refuses_a_folder_that_is_not_empty_unless_forced_and_leaves_no_temporary_folder()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var keep = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(keep, "mine");

        var error = await Assert.ThrowsAsync<ImportRefusedException>(() => ExportAsync(_seeded.ConnectionString, folder));

        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(keep));
        await ExportAsync(_seeded.ConnectionString, folder, force: true);
        Assert.False(File.Exists(keep));
        Assert.True(File.Exists(Path.Combine(folder, "claims.yaml")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.export-*"));
    }
}
