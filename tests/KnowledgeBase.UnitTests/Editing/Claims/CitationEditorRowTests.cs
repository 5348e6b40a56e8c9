using Bunit;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Editing.Claims;

namespace KnowledgeBase.UnitTests.Editing.Claims;

public sealed class CitationEditorRowTests : BunitContext
{
    private static readonly SourceOption[] Sources =
    [
        new(1, Seed.Usip.Slug, "USIP", "Seoul's response"),
        new(2, Seed.MpIdsa.Slug, "MP-IDSA", "South Korea's response"),
    ];

    // "the troops" occurs twice in this text, at 4 and at 39.
    private const string Text = "And the troops went north. Later still the troops came back home.";

    private static AnchorCandidate CandidateAt(int start, int end)
    {
        var before = Text[Math.Max(0, start - 40)..start];
        var after = Text[end..Math.Min(Text.Length, end + 40)];
        return new AnchorCandidate(start, end, $"…{before}[{Text[start..end]}]{after}…");
    }

    private IRenderedComponent<CitationEditorRow> RenderRow(CitationDraft citation, IReadOnlyList<FieldError> errors, Action? changed = null, CitationPreview? preview = null) =>
        Render<CitationEditorRow>(p => p
            .Add(r => r.Index, 1)
            .Add(r => r.Citation, citation)
            .Add(r => r.Sources, Sources)
            .Add(r => r.Errors, errors)
            .Add(r => r.Preview, preview)
            .Add(r => r.OnChanged, () => changed?.Invoke()));

    [Fact]
    public void An_ambiguous_quote_lists_its_candidates_with_the_quote_marked()
    {
        var citation = new CitationDraft { SourceId = 1, Quote = "the troops" };
        var errors = new[]
        {
            new FieldError("citations[1].quote", "The quote occurs twice.", [CandidateAt(4, 14), CandidateAt(39, 49)]),
        };

        var row = RenderRow(citation, errors);

        Assert.Equal("The quote occurs twice.", row.Find("#citation-1-quote-error").TextContent);
        Assert.Equal("true", row.Find("#citation-1-quote").GetAttribute("aria-invalid"));
        var items = row.FindAll("ol.candidates li");
        Assert.Equal(2, items.Count);
        Assert.All(items, li => Assert.Equal("the troops", li.QuerySelector("mark")!.TextContent));
        Assert.Contains("Later still", items[1].TextContent);
        Assert.Equal("Use this one (occurrence 2 of citation 2)", items[1].QuerySelector("button")!.TextContent);
    }

    [Fact]
    public void Picking_a_candidate_fills_in_the_words_before_and_after_it()
    {
        var citation = new CitationDraft { SourceId = 1, Quote = "the troops" };
        var changes = 0;
        var errors = new[]
        {
            new FieldError("citations[1].quote", "The quote occurs twice.", [CandidateAt(4, 14), CandidateAt(39, 49)]),
        };
        var row = RenderRow(citation, errors, () => changes++);

        row.FindAll("ol.candidates button")[1].Click();

        Assert.Equal("And the troops went north. Later still", citation.Prefix);
        Assert.Equal("came back home.", citation.Suffix);
        Assert.Equal(1, changes);
        // The words single out the second occurrence, and only it.
        var anchored = QuoteAnchoring.Anchor(Text, "the troops", citation.Prefix, citation.Suffix);
        Assert.Equal(AnchorOutcome.Found, anchored.Outcome);
        Assert.Equal(39, anchored.Anchor!.Start);
    }

    [Fact]
    public void An_anchored_quote_shows_where_it_was_found_and_its_proposed_footnote()
    {
        var citation = new CitationDraft { SourceId = 2, Quote = "the troops" };
        var preview = new CitationPreview(1, Seed.MpIdsa.Slug, "MP-IDSA", new TextAnchor(10, 20, "the troops", "", ""), 11, 11, "Reuters, 2024.", false);

        var row = RenderRow(citation, [], preview: preview);

        var status = row.Find("#citation-1-status");
        Assert.Contains("Found in MP-IDSA at characters 10–20", status.TextContent);
        Assert.Contains("Proposed footnote 11", status.TextContent);
        Assert.Equal("Reuters, 2024.", status.QuerySelector("q")!.TextContent);
        Assert.Empty(row.FindAll("ol.candidates"));
    }

    [Fact]
    public void Choosing_a_document_sets_its_id_and_slug()
    {
        var citation = new CitationDraft();
        var row = RenderRow(citation, []);

        row.Find("#citation-1-source").Change("2");

        Assert.Equal(2, citation.SourceId);
        Assert.Equal(Seed.MpIdsa.Slug, citation.SourceSlug);
    }
}
