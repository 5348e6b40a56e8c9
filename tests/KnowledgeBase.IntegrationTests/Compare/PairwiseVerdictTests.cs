using System.Text.RegularExpressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Compare;

/// <summary>A seeded app of its own: the compare page keeps a pair's documents cached, which other tests count queries of.</summary>
public sealed class PairwiseVerdictApp : KnowledgeBaseApp;

/// <summary>The compare page's verdict for the two compared documents, next to the claim's flag over all documents.</summary>
public sealed partial class PairwiseVerdictTests(PairwiseVerdictApp app) : IClassFixture<PairwiseVerdictApp>
{
    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task Every_shared_claim_shows_the_verdict_for_the_two_documents_beside_the_claims_flag()
    {
        var html = await _client.GetPageAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var rows = Row().Matches(html);
        Assert.Equal(Seed.ClaimsCitedByBoth, rows.Count);
        var expected = await app.QueryAsync(db => db.Claims
            .Where(c => c.Citations.Any(x => x.Passage!.Source!.Slug == Seed.Usip.Slug) && c.Citations.Any(x => x.Passage!.Source!.Slug == Seed.MpIdsa.Slug))
            .Select(c => new { c.Id, c.ComputedAgreement, Citations = c.Citations.AsQueryable().Select(CitationView.Projection).ToList() })
            .ToListAsync());
        foreach (Match row in rows)
        {
            var claim = expected.Single(c => c.Id == long.Parse(row.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));
            var pair = AgreementRule.EvaluatePair([.. claim.Citations.Select(c => c.Evidence())], Seed.Usip.Slug, Seed.MpIdsa.Slug);
            // Only these two documents cite the seeded claims, so the pair's verdict is the claim's derived flag.
            Assert.Equal(claim.ComputedAgreement, pair.Flag);
            Assert.Contains("USIP and MP-IDSA alone:</span>", row.Value);
            Assert.Contains($"href=\"/about/flags#flag-{pair.Flag.ToSlug()}\"", row.Groups["pair"].Value);
            Assert.Contains(pair.Rationale, row.Groups["pair"].Value);
        }
    }

    [GeneratedRegex("""<article class="compare-row [^"]*" id="shared-(?<id>\d+)".*?<div class="compare-row-pair"[^>]*>(?<pair>.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex Row();
}
