using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Web;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.UnitTests.Seeding;

/// <summary>The statement lint in the seed import: warnings by claim, and --strict refusing the import.</summary>
public sealed class SeedLintTests
{
    private const string Firm = "firm-combat-claim";

    /// <summary>A copy of the seed with one more claim that drops USIP's "reportedly".</summary>
    private static SeedFolder WithAFirmClaim()
    {
        var folder = SeedFolder.CopyOfOriginal();
        File.AppendAllText(folder.ClaimsFile, $"""

            - slug: {Firm}
              statement: North Korean troops have begun engaging in direct combat.
              topics: [troop-deployment]
              citations:
                - source: usip-2024-seoul-response
                  quote: North Korean troops have reportedly begun engaging in direct combat
                  stance: supports

            """);
        return folder;
    }

    [Fact]
    public void A_statement_firmer_than_its_only_quote_is_a_warning_that_fails_only_a_strict_import()
    {
        using var folder = WithAFirmClaim();
        var plan = SeedPlan.From(SeedFiles.Read(folder.Path));

        var warning = Assert.Single(plan.Lint(LintMode.Warn).Warnings, w => w.Claim == Firm);
        Assert.Equal(["reportedly"], warning.Hedges);
        Assert.False(plan.Lint(LintMode.Warn).Fails);
        Assert.True(plan.Lint(LintMode.Strict).Fails);
    }

    [Fact]
    public async Task A_strict_seed_prints_the_warnings_and_refuses_naming_the_claims_before_touching_the_database()
    {
        using var folder = WithAFirmClaim();
        using var output = new StringWriter();
        // No database: a strict refusal comes before the importer is asked for.
        await using var services = new ServiceCollection().BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<SeedImportException>(() => MaintenanceCommands.SeedAsync(services, folder.Path, LintMode.Strict, output));

        Assert.Contains($"claim '{Firm}': the statement is firmer than every quote supporting it (--strict).", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"warning: claim '{Firm}': The statement is firmer (stated) than every supporting quote (at most reported: “reportedly”)", output.ToString(), StringComparison.Ordinal);
    }
}
