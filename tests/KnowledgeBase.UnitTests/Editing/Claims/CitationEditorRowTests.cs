using Bunit;
using KnowledgeBase.Core.Agreement;
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
            .Add(r => r.Evidence, new CitationEvidenceChoices(citation, preview?.Proposal))
            .Add(r => r.OnChanged, () => changed?.Invoke()));

    private const string Zelenskyy = "possibly up to 12,000 North Korean troops";

    /// <summary>The preview of a quote found in a document published on 5 December 2024, with the model's real proposal.</summary>
    private static CitationPreview Found(string quote) => new(
        1, Seed.MpIdsa.Slug, "MP-IDSA", new TextAnchor(10, 10 + quote.Length, quote, "", ""), null, null, null, false,
        EvidenceProposal.Propose(quote, null, null, quoteLiesInFootnote: false, "2024-12-05", null));

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

    [Fact]
    public void Each_evidence_field_is_labelled_and_shows_the_proposal_for_the_quote()
    {
        var citation = new CitationDraft { SourceId = 2, Quote = Zelenskyy };

        var row = RenderRow(citation, [], preview: Found(Zelenskyy));

        Assert.Equal("Voice (whose words)", row.Find("label[for=citation-1-voice]").TextContent);
        Assert.Equal("Certainty (how sure)", row.Find("label[for=citation-1-certainty]").TextContent);
        Assert.Equal("As of (date or period)", row.Find("label[for=citation-1-asOf]").TextContent);
        Assert.StartsWith("As-of words", row.Find("label[for=citation-1-asOfWords]").TextContent, StringComparison.Ordinal);
        var certainty = row.Find("select#citation-1-certainty");
        Assert.Equal("proposed: Possible", certainty.QuerySelector("option[value='']")!.TextContent);
        Assert.Equal(7, certainty.QuerySelectorAll("option").Length);
        Assert.Equal("proposed: The document's own words", row.Find("select#citation-1-voice option[value='']").TextContent);
        Assert.Equal("proposed: Possible, from “possibly”", row.Find("#citation-1-certainty-proposal").TextContent);
        Assert.Equal("citation-1-certainty-proposal", certainty.GetAttribute("aria-describedby"));
        Assert.Equal("default: publication date (5 December 2024)", row.Find("#citation-1-asOf-proposal").TextContent);
        Assert.Equal(3, row.FindAll("button").Count(b => b.TextContent.StartsWith("Use proposal", StringComparison.Ordinal)));
    }

    [Fact]
    public void Use_proposal_confirms_it_with_one_click_and_asks_for_a_new_preview()
    {
        var citation = new CitationDraft { SourceId = 2, Quote = Zelenskyy };
        var changes = 0;
        var row = RenderRow(citation, [], () => changes++, Found(Zelenskyy));

        row.FindAll("button").Single(b => b.TextContent == "Use proposal (Certainty (how sure) of citation 2)").Click();

        Assert.Equal("possible", citation.Certainty);
        Assert.Equal(1, changes);
        Assert.DoesNotContain(row.FindAll("button"), b => b.TextContent.Contains("Certainty (how sure)", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_value_can_be_picked_or_typed_and_blank_leaves_the_proposal_standing()
    {
        var citation = new CitationDraft { SourceId = 2, Quote = Zelenskyy };
        var changes = 0;
        var row = RenderRow(citation, [], () => changes++, Found(Zelenskyy));

        row.Find("#citation-1-voice").Change("attributed");
        row.Find("#citation-1-certainty").Change("claimed");
        row.Find("#citation-1-asOf").Input("2024-10-22");
        row.Find("#citation-1-asOfWords").Input("on 22 October");

        Assert.Equal(("attributed", "claimed", "2024-10-22", "on 22 October"), (citation.Voice, citation.Certainty, citation.AsOf, citation.AsOfWords));
        Assert.Equal(4, changes);
        Assert.True(row.Find("#citation-1-certainty option[value=claimed]").HasAttribute("selected"));

        row.Find("#citation-1-certainty").Change("");
        Assert.Null(citation.Certainty);
    }

    [Fact]
    public void An_as_of_that_does_not_parse_is_refused_next_to_its_field()
    {
        var citation = new CitationDraft { SourceId = 2, Quote = Zelenskyy, AsOf = "late 2024" };
        var errors = DraftRules.Check(new ClaimDraft { Statement = "s", Topics = ["t"], Citations = [new CitationDraft(), citation] })
            .Where(e => e.Field.StartsWith("citations[1]", StringComparison.Ordinal)).ToList();

        var row = RenderRow(citation, errors, preview: Found(Zelenskyy));

        var asOf = row.Find("#citation-1-asOf");
        Assert.Equal("true", asOf.GetAttribute("aria-invalid"));
        Assert.Equal("citation-1-asOf-proposal citation-1-asOf-error", asOf.GetAttribute("aria-describedby"));
        Assert.StartsWith("'late 2024' is not a date or period", row.Find("#citation-1-asOf-error").TextContent, StringComparison.Ordinal);
        Assert.Null(row.Find("#citation-1-certainty").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Before_the_quote_is_found_the_fields_say_what_blank_means()
    {
        var row = RenderRow(new CitationDraft(), []);

        Assert.Equal("not confirmed: proposed once the quote is found", row.Find("select#citation-1-certainty option[value='']").TextContent);
        Assert.StartsWith("Blank: the document's publication date.", row.Find("#citation-1-asOf-proposal").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(row.FindAll("button"), b => b.TextContent.StartsWith("Use proposal", StringComparison.Ordinal));
    }
}
