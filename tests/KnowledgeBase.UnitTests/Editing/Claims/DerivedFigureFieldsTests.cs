using Bunit;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Editing.Claims;

namespace KnowledgeBase.UnitTests.Editing.Claims;

public sealed class DerivedFigureFieldsTests : BunitContext
{
    private IRenderedComponent<DerivedFigureFields> RenderFields(
        CitationDraft citation, IReadOnlyList<FieldError>? errors = null, string? shown = null, Action? changed = null) =>
        Render<DerivedFigureFields>(p => p
            .Add(f => f.Index, 1)
            .Add(f => f.Citation, citation)
            .Add(f => f.Errors, errors ?? [])
            .Add(f => f.Shown, shown)
            .Add(f => f.OnChanged, () => changed?.Invoke()));

    [Fact]
    public void Untouched_the_section_is_closed_and_leaves_the_draft_without_a_derivation()
    {
        var citation = new CitationDraft();

        var fields = RenderFields(citation);

        Assert.False(fields.Find("details.derived-fields").HasAttribute("open"));
        Assert.Equal(["Rate, in this quote's words", "Count it applies to", "Count from (claim, or claim/document)"],
            fields.FindAll("label").Select(l => l.TextContent).ToList());
        Assert.Null(citation.Derived);
    }

    [Fact]
    public void Typing_fills_the_drafts_derivation_and_tells_the_editor_to_preview_again()
    {
        var citation = new CitationDraft();
        var changes = 0;
        var fields = RenderFields(citation, changed: () => changes++);

        fields.Find("#citation-1-derived-rate").Input("$2,000 per soldier per month");
        fields.Find("#citation-1-derived-countFrom").Input($"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}");

        Assert.Equal(("$2,000 per soldier per month", null, $"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}"),
            (citation.Derived!.Rate, citation.Derived.Count, citation.Derived.CountFrom));
        Assert.Equal(2, changes);
    }

    [Fact]
    public void A_refusal_stands_next_to_its_field_and_the_resolved_derivation_is_shown_as_readers_will_see_it()
    {
        var citation = new CitationDraft { Derived = new() { Rate = "$2,000 per soldier per month", Count = "10,000 troops", CountFrom = "no-such-claim" } };
        var errors = new[] { new FieldError("citations[1].derived.countFrom", "There is no claim 'no-such-claim' to take the count from.") };

        var fields = RenderFields(citation, errors, shown: "$2,000 per soldier per month (USIP, this quote) × 10,000 troops (…)");

        Assert.True(fields.Find("details.derived-fields").HasAttribute("open"));
        Assert.Equal("There is no claim 'no-such-claim' to take the count from.", fields.Find("#citation-1-derived-countFrom-error").TextContent);
        var input = fields.Find("#citation-1-derived-countFrom");
        Assert.Equal(("true", "citation-1-derived-countFrom-error", "no-such-claim"),
            (input.GetAttribute("aria-invalid"), input.GetAttribute("aria-describedby"), input.GetAttribute("value")));
        Assert.Null(fields.Find("#citation-1-derived-rate").GetAttribute("aria-invalid"));
        Assert.Equal("Readers will see: Derived (editor's arithmetic): $2,000 per soldier per month (USIP, this quote) × 10,000 troops (…)",
            fields.Find(".derived-preview").TextContent);
    }

    [Fact]
    public void The_citation_row_places_the_section_with_its_preview()
    {
        var citation = new CitationDraft();
        var preview = new CitationPreview(0, Seed.Usip.Slug, "USIP", null, null, null, null, false, Derivation: "a derived total");
        var row = Render<CitationEditorRow>(p => p
            .Add(r => r.Index, 0)
            .Add(r => r.Citation, citation)
            .Add(r => r.Preview, preview)
            .Add(r => r.Evidence, new CitationEvidenceChoices(citation, preview.Proposal)));

        Assert.Equal("Readers will see: Derived (editor's arithmetic): a derived total", row.Find("fieldset .derived-fields .derived-preview").TextContent);
    }
}
