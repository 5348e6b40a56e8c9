using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Testing;

namespace KnowledgeBase.UnitTests.Editing;

/// <summary>A citation's derived total as a draft: the one rule set, its mapping onto the entity and back, and its origin's resolution.</summary>
public sealed class DerivationDraftTests
{
    private static readonly string TroopsOfUsip = $"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}";

    private static ClaimDraft Claim(DerivationDraft? derived) => new()
    {
        Statement = "Russia pays North Korea for its troops.",
        Topics = [Seed.Topics.RussiaNorthKoreaTies],
        Citations = [new() { SourceSlug = Seed.Usip.Slug, Quote = "Russia is expected to pay $2,000 per soldier per month", Figure = "$2,000 per soldier per month", Derived = derived }],
    };

    private static DerivationDraft Derived(string? rate = "$2,000 per soldier per month", string? count = "approximately 10,000 troops", string? from = null) =>
        new() { Rate = rate, Count = count, CountFrom = from ?? TroopsOfUsip };

    private static readonly OriginClaim Troops = new(Seed.Claims.TroopsSentToRussia,
        [new(Seed.Usip.Slug, "USIP", "Washington estimates"), new(Seed.MpIdsa.Slug, "MP-IDSA", null), new(Seed.MpIdsa.Slug, "MP-IDSA", null)]);

    private static Dictionary<string, string> Errors(DerivationDraft? derived, DraftReader reader = DraftReader.Editor) =>
        DraftRules.Check(Claim(derived), reader).ToDictionary(e => e.Field, e => e.Message);

    [Fact]
    public void A_rate_a_count_and_an_origin_pass_and_an_empty_section_is_no_derivation()
    {
        Assert.Empty(Errors(Derived()));
        Assert.Empty(Errors(Derived(from: Seed.Claims.TroopsSentToRussia)));
        Assert.Empty(Errors(null));
        Assert.Empty(Errors(new DerivationDraft { Rate = " ", Count = "", CountFrom = null }));
    }

    [Fact]
    public void A_rate_that_is_not_per_unit_and_a_count_that_is_not_a_count_are_refused_on_their_fields()
    {
        var errors = Errors(Derived(rate: "$20 million each month", count: "$394 million"));

        Assert.Equal("\"$20 million each month\" is not a stated rate per unit (such as \"$2,000 per soldier per month\").", errors["citations[0].derived.rate"]);
        Assert.Equal("\"$394 million\" is not a count (such as \"10,000 troops\").", errors["citations[0].derived.count"]);
        Assert.Equal("\"2 troops; 3 troops\" is 2 figures; give one count.", Errors(Derived(count: "2 troops; 3 troops"))["citations[0].derived.count"]);
        Assert.Contains("citations[0].derived.rate", Errors(Derived(rate: "lots of money")).Keys);
    }

    [Fact]
    public void A_derivation_needs_all_three_fields_and_an_origin_written_as_a_claim_or_a_claims_citation()
    {
        var errors = Errors(new DerivationDraft { Rate = "$2,000 per soldier per month" });

        Assert.Equal(["citations[0].derived.count", "citations[0].derived.countFrom"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Give the count too, or clear the derived figure.", errors["citations[0].derived.count"]);
        Assert.StartsWith("'a/b/c' is not a claim or a claim's citation", Errors(Derived(from: "a/b/c"))["citations[0].derived.countFrom"], StringComparison.Ordinal);
        Assert.Equal("derived count is required with the rest of the derivation.",
            Errors(new DerivationDraft { Rate = "$2,000 per soldier per month", CountFrom = TroopsOfUsip }, DraftReader.SeedFiles)["citations[0].derived.count"]);
    }

    [Fact]
    public void An_origin_resolves_to_the_document_and_attribution_the_count_rests_on_or_is_refused()
    {
        OriginClaim? Find(string slug) => slug == Troops.Slug ? Troops : null;
        var errors = new List<FieldError>();

        var ofCitation = DerivationOrigins.Resolve(new CitationDraft { Derived = Derived() }, "citations[0]", Find, errors);
        var ofClaim = DerivationOrigins.Resolve(new CitationDraft { Derived = Derived(from: Troops.Slug) }, "citations[0]", Find, errors);
        var missing = DerivationOrigins.Resolve(new CitationDraft { Derived = Derived(from: "no-such-claim") }, "citations[1]", Find, errors);
        var notCited = DerivationOrigins.Resolve(new CitationDraft { Derived = Derived(from: $"{Troops.Slug}/other-2025") }, "citations[2]", Find, errors, DraftReader.SeedFiles);

        Assert.Equal(new CitationDerivation("$2,000 per soldier per month", "approximately 10,000 troops", TroopsOfUsip, "USIP", "Washington estimates"), ofCitation);
        Assert.Equal(new CitationDerivation("$2,000 per soldier per month", "approximately 10,000 troops", Troops.Slug, "USIP and MP-IDSA"), ofClaim);
        Assert.Null(missing);
        Assert.Null(notCited);
        Assert.Equal(
            [
                ("citations[1].derived.countFrom", "There is no claim 'no-such-claim' to take the count from."),
                ("citations[2].derived.countFrom", $"derived count-from: claim '{Troops.Slug}' does not cite 'other-2025': name one of {TroopsOfUsip}, {Troops.Slug}/{Seed.MpIdsa.Slug}, or the claim alone."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void The_derivation_reaches_the_citation_and_comes_back_as_written_and_the_rule_reads_it_with_its_origins()
    {
        var draft = Claim(Derived()).Citations[0];
        var stored = new CitationDerivation("$2,000 per soldier per month", "approximately 10,000 troops", TroopsOfUsip, "USIP", "Washington estimates");
        var citation = new Citation { Figure = "kept" };

        draft.ApplyTo(citation, Stance.Supports, stored);
        var back = new CitationDraft();
        back.ReadFrom(citation);

        Assert.Same(stored, citation.Derivation);
        Assert.Equal("$2,000 per soldier per month", citation.Figure);
        Assert.Equal((draft.Derived!.Rate, draft.Derived.Count, draft.Derived.CountFrom), (back.Derived!.Rate, back.Derived.Count, back.Derived.CountFrom));
        var evidence = citation.Facts(new QuotedPassage(Seed.Usip.Slug, "USIP", "2024-11", "Russia is expected to pay", null, null, false, null)).ToEvidence();
        Assert.Equal(
            "$2,000 per soldier per month (USIP, this quote) × approximately 10,000 troops (USIP, claim troops-sent-to-russia, Washington estimates): $2,000 × 10,000 × 12 = $240M a year",
            evidence.Derivation!.Describe());

        draft.ApplyTo(citation, Stance.Supports, null);
        back.ReadFrom(citation);
        Assert.Null(citation.Derivation);
        Assert.Null(back.Derived);
    }

    [Fact]
    public void A_snapshot_keeps_the_derivation_as_written_a_copy_is_its_own_and_a_diff_names_it()
    {
        var draft = Claim(Derived(rate: " $2,000 per soldier per month ")).Citations[0];
        var blank = Claim(new DerivationDraft { Rate = "" }).Citations[0];
        var place = new TextAnchor(0, 10, "Russia is expected to pay", "", "");

        var snapshot = CitationSnapshot.Of(draft, 1, Seed.Usip.Slug, place, null);
        var copy = draft.Copy();
        copy.Derived!.Count = "changed";

        Assert.Equal("$2,000 per soldier per month", snapshot.Derived!.Rate);
        Assert.Null(CitationSnapshot.Of(blank, 1, Seed.Usip.Slug, place, null).Derived);
        Assert.Equal("approximately 10,000 troops", draft.Derived!.Count);
        Assert.Equal(TroopsOfUsip, snapshot.ToDraft().Derived!.CountFrom);
        Assert.Contains(snapshot.DiffFields("citations[0]", "Citation 1"), f => f.Path == "citations[0].derived"
            && f.Value == $"$2,000 per soldier per month × approximately 10,000 troops (count from {TroopsOfUsip})");
    }
}
