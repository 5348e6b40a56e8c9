using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class StatementLintTests
{
    /// <summary>The pay claim's statement before the re-curation of issue 14: it dropped USIP's "expected to".</summary>
    private const string FormerPayStatement = "Russia is paying North Korea for the troops it has sent.";

    private static LintReport LintSeed(LintMode mode, string? payStatement = null) => StatementLint.Check(
        SeedEvidence.Claims.Select(c => (c.Slug, c.Slug == "russia-pays-north-korea" ? payStatement ?? c.Statement : c.Statement,
            (IReadOnlyList<CitationEvidence>)SeedEvidence.Confirmed(c.Slug))),
        mode);

    [Fact]
    public void No_re_curated_seed_statement_is_firmer_than_all_its_quotes()
    {
        // Issue 14 found nine statements stronger than their quotes; the re-curated statements keep the hedges, and
        // the strict import passes. The editors' confirmed certainty counts where it differs from the proposal: Ukraine's
        // surprise attack is USIP's own words inside a sentence framed by "Washington estimates that".
        var report = LintSeed(LintMode.Strict);

        Assert.Empty(report.Warnings);
        Assert.False(report.Fails);
    }

    [Fact]
    public void Strict_mode_fails_on_any_finding()
    {
        Assert.Equal(["russia-pays-north-korea"], LintSeed(LintMode.Strict, FormerPayStatement).Warnings.Select(w => w.Claim));
        Assert.True(LintSeed(LintMode.Strict, FormerPayStatement).Fails);
        Assert.False(LintSeed(LintMode.Warn, FormerPayStatement).Fails);
        Assert.False(StatementLint.Check([], LintMode.Strict).Fails);
    }

    [Fact]
    public void The_former_pay_statement_is_firmer_than_an_expectation_and_a_cited_headline()
    {
        var claim = SeedEvidence.Claim("russia-pays-north-korea");

        var warning = StatementLint.Check(FormerPayStatement, SeedEvidence.For(claim.Slug), claim.Slug);

        Assert.NotNull(warning);
        Assert.Equal((Certainty.Stated, Certainty.Reported), (warning.StatementCertainty, warning.QuoteCertainty));
        Assert.Equal(["expected to", "a cited headline"], warning.Hedges);
        Assert.Equal("The statement is firmer (stated) than every supporting quote (at most reported: “expected to”, “a cited headline”); keep the sources' hedge.", warning.Message);
    }

    [Theory]
    [InlineData("Russia is expected to pay North Korea for the troops it has sent.")]
    [InlineData("Russia is reportedly paying North Korea for the troops it has sent.")]
    public void A_statement_that_keeps_the_hedge_passes(string statement) =>
        Assert.Null(StatementLint.Check(statement, SeedEvidence.For("russia-pays-north-korea")));

    [Fact]
    public void One_firm_quote_carries_the_statement()
    {
        // USIP's "reportedly" is hedged, but Ukraine's "confirmed" (in MP-IDSA and in USIP's Zelensky) is firm.
        Assert.Null(StatementLint.Check("North Korean troops in Russia have begun fighting Ukrainian forces.", SeedEvidence.For("combat-begun")));
    }

    [Fact]
    public void Quotes_that_contradict_or_only_mention_are_not_support()
    {
        var contradicting = new CitationEvidence("a", "A", Stance.Contradicts, null, "it has not happened");
        var mentioning = new CitationEvidence("b", "B", Stance.Mentions, null, "it might happen") { Certainty = Certainty.Possible };

        Assert.Null(StatementLint.Check("It happened.", [contradicting, mentioning]));
    }
}
