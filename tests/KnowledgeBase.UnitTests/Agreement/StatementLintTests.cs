using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class StatementLintTests
{
    private static LintReport LintSeed(LintMode mode) => StatementLint.Check(
        SeedEvidence.Claims.Select(c => (c.Slug, c.Statement, (IReadOnlyList<CitationEvidence>)SeedEvidence.For(c.Slug))),
        mode);

    [Fact]
    public void The_seed_statements_firmer_than_all_their_quotes_are_found()
    {
        var report = LintSeed(LintMode.Warn);

        // Of the nine statements the review found stronger than their quotes, these five are firmer than every quote
        // by their words. The other four need an editor's judgement: supplier-stockpiles-depleted ("significantly
        // depleted" is quoted, for the suppliers in general), combat-begun (MP-IDSA's "confirmed"), past-small-contingents
        // (an added "only") and hard-currency-gain (MP-IDSA's own "has brought economic benefits").
        Assert.Equal(
            ["troops-sent-to-russia", "troops-in-kursk", "russia-pays-north-korea", "russian-technology-transfer", "direct-delivery-last-step"],
            report.Warnings.Select(w => w.Claim));
        Assert.False(report.Fails);
    }

    [Fact]
    public void Strict_mode_fails_on_any_finding()
    {
        Assert.True(LintSeed(LintMode.Strict).Fails);
        Assert.False(StatementLint.Check([], LintMode.Strict).Fails);
    }

    [Fact]
    public void The_pay_statement_is_firmer_than_an_expectation_and_a_cited_headline()
    {
        var claim = SeedEvidence.Claim("russia-pays-north-korea");

        var warning = StatementLint.Check(claim.Statement, SeedEvidence.For(claim.Slug), claim.Slug);

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
        var claim = SeedEvidence.Claim("combat-begun");

        Assert.Null(StatementLint.Check(claim.Statement, SeedEvidence.For(claim.Slug)));
    }

    [Fact]
    public void Quotes_that_contradict_or_only_mention_are_not_support()
    {
        var contradicting = new CitationEvidence("a", "A", Stance.Contradicts, null, "it has not happened");
        var mentioning = new CitationEvidence("b", "B", Stance.Mentions, null, "it might happen") { Certainty = Certainty.Possible };

        Assert.Null(StatementLint.Check("It happened.", [contradicting, mentioning]));
    }
}
