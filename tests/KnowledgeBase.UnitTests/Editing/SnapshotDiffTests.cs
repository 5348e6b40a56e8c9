using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.UnitTests.Editing;

public sealed class SnapshotDiffTests
{
    private static readonly CitationSnapshot Usip = new(
        1, Seed.Usip.Slug, "North Korea has sent approximately 10,000 troops to Russia", "so far, ", " — around", 120, 178,
        "supports", "Washington estimates", "approximately 10,000 troops", null);

    private static readonly ClaimSnapshot Claim = new(
        Seed.Claims.TroopsSentToRussia, "North Korea has sent about 10,000 troops to Russia.", "about 10,000 troops", [Seed.Topics.TroopDeployment], null, null, [Usip]);

    private static readonly SourceSnapshot Source = new(
        "example", "Example", "EX", ["A. Writer"], "Example Institute", "analysis", "2025-01", "https://example.org", null, null,
        "First paragraph.[^1]\n\nSecond paragraph.\n\n[^1]: A note.\n",
        [new FootnoteSnapshot(1, null, "A title", "Yonhap", "2025-01-03", "https://example.org/1")]);

    [Fact]
    public void Equal_snapshots_have_no_changes()
    {
        Assert.Empty(SnapshotDiff.Compare(Claim, Claim with { Topics = [Seed.Topics.TroopDeployment] }));
        Assert.Empty(SnapshotDiff.Compare(Source, Source));
    }

    [Fact]
    public void A_changed_statement_is_one_field_with_a_word_diff()
    {
        var change = Assert.Single(SnapshotDiff.Compare(Claim, Claim with { Statement = "North Korea has sent about 12,000 troops to Russia." }));

        Assert.Equal(("statement", "Statement", false), (change.Field, change.Label, change.ByLine));
        Assert.Equal("North Korea has sent about 10,000 troops to Russia.", change.Old);
        Assert.Contains(change.Diff, p => p.Op == DiffOp.Removed && p.Text == "10");
        Assert.Contains(change.Diff, p => p.Op == DiffOp.Added && p.Text == "12");
    }

    [Fact]
    public void An_added_citation_shows_its_fields_as_new_after_the_existing_ones()
    {
        var idsa = new CitationSnapshot(2, Seed.MpIdsa.Slug, "thousands of North Korean troops", "", "", 10, 42, "supports-in-part", null, null, 3);

        var changes = SnapshotDiff.Compare(Claim, Claim with { Citations = [Usip, idsa], OverrideFlag = "agree", OverrideReason = "Checked." });

        Assert.Equal(
            new[]
            {
                "overrideFlag", "overrideReason", "citations[1].source", "citations[1].quote", "citations[1].place", "citations[1].stance",
                "citations[1].footnote",
            },
            changes.Select(c => c.Field));
        Assert.All(changes, c => Assert.Null(c.Old));
        Assert.Equal("Citation 2: quote", changes.Single(c => c.Field == "citations[1].quote").Label);
    }

    [Fact]
    public void A_changed_body_is_a_line_diff_and_a_changed_footnote_address_a_word_diff()
    {
        var after = Source with
        {
            BodyMarkdown = "First paragraph.[^1]\n\nSecond paragraph, edited.\n\n[^1]: A note.\n",
            Footnotes = [Source.Footnotes[0] with { Url = "https://example.org/2" }],
        };

        var changes = SnapshotDiff.Compare(Source, after);

        Assert.Equal(new[] { "bodyMarkdown", "footnotes[1].url" }, changes.Select(c => c.Field));
        var body = changes[0];
        Assert.True(body.ByLine);
        Assert.Equal(new[] { (DiffOp.Removed, "Second paragraph."), (DiffOp.Added, "Second paragraph, edited.") },
            body.Diff.Where(p => p.Op is DiffOp.Removed or DiffOp.Added).Select(p => (p.Op, p.Text)));
        Assert.False(changes[1].ByLine);
    }

    [Fact]
    public void Confirming_a_citation_s_evidence_shows_in_the_diff_and_older_revisions_read_it_as_unconfirmed()
    {
        var confirmed = Claim with { Citations = [Usip with { Voice = "attributed", Certainty = "estimated", AsOf = "2024-10", AsOfWords = "In October" }] };

        var changes = SnapshotDiff.Compare(Claim, confirmed);

        Assert.Equal(
            new (string, string?)[] { ("citations[0].voice", "attributed"), ("citations[0].certainty", "estimated"), ("citations[0].asOf", "2024-10 (“In October”)") },
            changes.Select(c => (c.Field, c.New)));
        Assert.Equal("Citation 1: as of", changes[2].Label);
        // A revision stored before these fields existed has no such keys: its citations read as unconfirmed.
        var older = SnapshotJson.Write(Claim).Replace("\"voice\":null,", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\"voice\"", older, StringComparison.Ordinal);
        Assert.Null(SnapshotJson.Read<ClaimSnapshot>(older).Citations[0].Voice);
        Assert.Empty(SnapshotDiff.Compare(confirmed, SnapshotJson.Read<ClaimSnapshot>(SnapshotJson.Write(confirmed))));
    }

    [Fact]
    public void Snapshots_survive_the_json_a_revision_stores()
    {
        var json = SnapshotJson.Write(Claim);

        var back = SnapshotJson.Read<ClaimSnapshot>(json);

        Assert.Empty(SnapshotDiff.Compare(Claim, back));
        Assert.Contains("\"statement\":", json, StringComparison.Ordinal);
        Assert.Empty(SnapshotDiff.Compare(Source, SnapshotJson.Read<SourceSnapshot>(SnapshotJson.Write(Source))));
    }
}
