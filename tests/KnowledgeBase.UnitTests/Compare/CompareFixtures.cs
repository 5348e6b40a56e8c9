using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Compare;

namespace KnowledgeBase.UnitTests.Compare;

/// <summary>The seed pair and the "Russia pays North Korea" claim, as the compare page's queries would hand them over.</summary>
internal static class CompareFixtures
{
    public static readonly CompareSource Usip = new(
        1, Seed.Usip.Slug, "How Should Seoul Respond to North Korea's Soldiers in Russia?", "USIP",
        ["Lami Kim"], "United States Institute of Peace", "analysis", "2024-11");

    public static readonly CompareSource Idsa = new(
        2, Seed.MpIdsa.Slug, "South Korea's Response to North Korean Troops in the Russia-Ukraine War", "MP-IDSA",
        ["Ranjit Kumar Dhawan"], "Manohar Parrikar Institute for Defence Studies and Analyses", "commentary", "2024-12-05");

    public static readonly CitationView UsipPays = new(
        Id: 41,
        Position: 0,
        Stance: Stance.Supports,
        Attribution: "South Korea’s intelligence agency",
        Figure: "$2,000 per soldier per month",
        PassageId: 301,
        Exact: "Russia is expected to pay $2,000 per soldier per month, totaling $20 million each month",
        Prefix: "th Korea’s intelligence agency, ",
        Suffix: ". These cash flows could strengt",
        Start: 2040,
        End: 2125,
        Source: Summary(Usip),
        Footnote: null,
        Derivation: new CitationDerivation(
            "$2,000 per soldier per month", "approximately 10,000 troops", $"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}", "USIP", "Washington estimates"));

    public static readonly CitationView IdsaPays = new(
        Id: 42,
        Position: 1,
        Stance: Stance.SupportsInPart,
        Attribution: null,
        Figure: "$200m a year",
        PassageId: 402,
        Exact: "$200m A Year",
        Prefix: "Kim Arin, \"",
        Suffix: ", 700,000 Tons of Rice, Space Tech",
        Start: 9650,
        End: 9662,
        Source: Summary(Idsa),
        Footnote: new FootnoteView(
            11, "Kim Arin, \"$200m A Year, 700,000 Tons of Rice, Space Tech\", The Korea Herald, 3 November 2024.",
            "Kim Arin", "$200m A Year, 700,000 Tons of Rice, Space Tech", "The Korea Herald", "2024-11-03", null));

    private static SourceSummary Summary(CompareSource s) =>
        new(s.Id, s.Slug, s.Title, s.ShortName, s.Authors, s.Publisher, s.Published, s.Kind);

    public static readonly CompareRowData Pays = new(
        ClaimId: 12,
        Slug: Seed.Claims.RussiaPaysNorthKorea,
        Statement: "Russia is paying North Korea for the troops it has sent.",
        Figure: null,
        Agreement: AgreementFlag.Partial,
        Rationale: "USIP gives $2,000 per soldier per month × 10,000 soldiers, i.e. $2,000 × 10,000 × 12 = $240M a year and MP-IDSA $200m a year (fn 11): the same direction, but the figures differ by 17%.",
        OverrideAgreement: null,
        OverrideReason: null,
        Left: [UsipPays],
        Right: [IdsaPays]);
}
