using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Testing;

namespace KnowledgeBase.UnitTests.Seeding;

/// <summary>A derived total in claims.yaml: its origin found among the file's claims, a stated total still preferred, a missing origin refused.</summary>
public sealed class SeedDerivationTests : IDisposable
{
    private readonly SeedFolder _folder = SeedFolder.CopyOfOriginal();

    public void Dispose() => _folder.Dispose();

    private void Derive(string countFrom) => _folder.EditClaim(Seed.Claims.RussiaPaysNorthKorea, "      certainty: expected\n",
        "      certainty: expected\n      derived:\n        rate: $2,000 per soldier per month\n        count: approximately 10,000 troops\n"
        + $"        count-from: {countFrom}\n");

    [Fact]
    public void A_derivation_resolves_its_origin_among_the_files_claims_and_a_stated_total_still_speaks_for_the_document()
    {
        Derive($"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}");

        var plan = SeedPlan.From(SeedFiles.Read(_folder.Path));

        var pays = plan.Claims.Single(c => c.Slug == Seed.Claims.RussiaPaysNorthKorea);
        var derivation = pays.Citations[0].Derivation!;
        Assert.Equal(("USIP", "Washington estimates"), (derivation.CountSource, derivation.CountAttribution));
        Assert.Equal("$2,000 per soldier per month; $20 million each month", pays.Citations[0].Figure);
        // USIP's own "$20 million each month" compares with MP-IDSA's yearly total, so the derived total is not used.
        Assert.Contains("$20M × 12 = $240M a year", pays.Verdict.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("derive", pays.Verdict.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void An_origin_the_files_do_not_hold_is_refused_naming_the_claim_and_citation()
    {
        Derive($"{Seed.Claims.TroopsSentToRussia}/no-such-source");

        var refusal = Assert.Throws<SeedImportException>(() => SeedPlan.From(SeedFiles.Read(_folder.Path)));

        var problem = Assert.Single(refusal.Problems);
        Assert.StartsWith($"claim '{Seed.Claims.RussiaPaysNorthKorea}', citation 1: derived count-from: claim '{Seed.Claims.TroopsSentToRussia}' does not cite 'no-such-source'",
            problem, StringComparison.Ordinal);
    }
}
