using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Editing.Claims;

namespace KnowledgeBase.UnitTests.Editing.Claims;

/// <summary>The claim editor's voice, certainty and as-of fields without markup, on the evidence model's real proposals.</summary>
public sealed class CitationEvidenceChoicesTests
{
    private const string Zelenskyy = "possibly up to 12,000 North Korean troops";

    private static ProposedEvidence Propose(string quote, string published = "2024-10-22", string? attribution = null, bool inFootnote = false, CitedWork? cites = null) =>
        EvidenceProposal.Propose(quote, null, attribution, inFootnote, published, cites);

    [Fact]
    public void A_blank_certainty_offers_the_proposal_with_the_hedge_words_it_was_read_from()
    {
        var choices = new CitationEvidenceChoices(new CitationDraft { Quote = Zelenskyy }, Propose(Zelenskyy));

        Assert.Equal("proposed: Possible", choices.BlankOption(EvidencePart.Certainty));
        Assert.Equal("proposed: Possible, from “possibly”", choices.Hint(EvidencePart.Certainty));
        Assert.Null(choices.Value(EvidencePart.Certainty));
        Assert.True(choices.CanUseProposal(EvidencePart.Certainty));
    }

    [Fact]
    public void Use_proposal_confirms_it_in_the_draft_and_then_has_nothing_left_to_do()
    {
        var draft = new CitationDraft { SourceSlug = "a-source", Quote = Zelenskyy };
        var choices = new CitationEvidenceChoices(draft, Propose(Zelenskyy));

        choices.UseProposal(EvidencePart.Certainty);
        choices.UseProposal(EvidencePart.Voice);

        Assert.Equal(("possible", "own"), (draft.Certainty, draft.Voice));
        Assert.False(choices.CanUseProposal(EvidencePart.Certainty));
        Assert.False(choices.CanUseProposal(EvidencePart.Voice));
        Assert.Empty(DraftRules.Check(new ClaimDraft { Statement = "s", Topics = ["t"], Citations = [draft] }));
    }

    [Fact]
    public void Another_value_replaces_the_proposal_until_use_proposal_or_a_blank_brings_it_back()
    {
        var draft = new CitationDraft { Quote = Zelenskyy };
        var choices = new CitationEvidenceChoices(draft, Propose(Zelenskyy));

        choices.Set(EvidencePart.Certainty, "stated");
        Assert.Equal("stated", draft.Certainty);
        Assert.True(choices.CanUseProposal(EvidencePart.Certainty));

        choices.Set(EvidencePart.Certainty, "");
        Assert.Null(draft.Certainty); // blank: unconfirmed, the proposal stands
    }

    [Fact]
    public void A_quote_naming_no_time_defaults_to_the_publication_date_and_says_so()
    {
        var draft = new CitationDraft { Quote = Zelenskyy };
        var choices = new CitationEvidenceChoices(draft, Propose(Zelenskyy, published: "2024-12-05"));

        Assert.Equal("default: publication date (5 December 2024)", choices.Hint(EvidencePart.AsOf));
        Assert.Null(CitationEvidenceChoices.Options(EvidencePart.AsOf));

        choices.UseProposal(EvidencePart.AsOf);

        Assert.Equal(("2024-12-05", null), (draft.AsOf, draft.AsOfWords));
    }

    [Fact]
    public void A_time_read_from_the_quote_is_confirmed_with_the_words_it_was_read_from()
    {
        const string quote = "In October 2024, an estimated 8,000 soldiers were reported in Kursk";
        var draft = new CitationDraft { Quote = quote };
        var choices = new CitationEvidenceChoices(draft, Propose(quote, published: "2024-12-05"));

        Assert.Equal("proposed: October 2024, from “In October 2024”", choices.Hint(EvidencePart.AsOf));
        Assert.Equal("proposed: Reported, from “an estimated”, “were reported”", choices.Hint(EvidencePart.Certainty));

        choices.UseProposal(EvidencePart.AsOf);

        Assert.Equal(("2024-10", "In October 2024"), (draft.AsOf, draft.AsOfWords));
        // The same period written longhand is the proposal too.
        draft.AsOf = "2024-10-01/2024-10-31";
        Assert.False(choices.CanUseProposal(EvidencePart.AsOf));
        draft.AsOfWords = null;
        Assert.True(choices.CanUseProposal(EvidencePart.AsOf));
    }

    [Fact]
    public void The_voice_proposal_follows_the_attribution_and_a_quote_inside_a_footnote()
    {
        var attributed = new CitationEvidenceChoices(new CitationDraft(), Propose(Zelenskyy, attribution: "President Zelenskyy"));
        var headline = new CitationEvidenceChoices(
            new CitationDraft(), Propose("$200m A Year", inFootnote: true, cites: new CitedWork { Outlet = "The Korea Herald", Published = "2024-11-03" }));

        Assert.Equal("proposed: Attributed to a named party", attributed.BlankOption(EvidencePart.Voice));
        Assert.Equal("proposed: A cited work's headline only", headline.BlankOption(EvidencePart.Voice));
        Assert.Equal("default: publication date (3 November 2024)", headline.Hint(EvidencePart.AsOf));
        Assert.Equal("proposed: Stated (no hedge words in the quote)", headline.Hint(EvidencePart.Certainty));
        Assert.Equal(
            ["own", "attributed", "headline"], CitationEvidenceChoices.Options(EvidencePart.Voice)!.Select(o => o.Slug));
        Assert.Equal(
            ["Stated", "Estimated", "Reported", "Claimed by a party", "Expected", "Possible"],
            CitationEvidenceChoices.Options(EvidencePart.Certainty)!.Select(o => o.Label));
    }

    [Fact]
    public void Before_the_quote_is_found_there_is_nothing_to_propose_or_confirm()
    {
        var draft = new CitationDraft { Quote = "words not found yet" };
        var choices = new CitationEvidenceChoices(draft, null);

        Assert.Equal("not confirmed: proposed once the quote is found", choices.BlankOption(EvidencePart.Voice));
        Assert.StartsWith("Blank: the document's publication date.", choices.Hint(EvidencePart.AsOf), StringComparison.Ordinal);
        Assert.False(choices.CanUseProposal(EvidencePart.Certainty));

        choices.UseProposal(EvidencePart.Certainty);

        Assert.Null(draft.Certainty);
    }

    [Fact]
    public void As_of_text_that_does_not_parse_stays_as_typed_for_the_rule_set_to_refuse_beside_its_field()
    {
        var draft = new CitationDraft { SourceSlug = "a-source", Quote = Zelenskyy };
        var choices = new CitationEvidenceChoices(draft, Propose(Zelenskyy));

        choices.Set(EvidencePart.AsOf, "October 2024");

        Assert.Equal("October 2024", draft.AsOf);
        var error = Assert.Single(DraftRules.Check(new ClaimDraft { Statement = "s", Topics = ["t"], Citations = [draft] }));
        Assert.Equal("citations[0].asOf", error.Field);
        Assert.Contains("is not a date or period", error.Message, StringComparison.Ordinal);
    }
}
