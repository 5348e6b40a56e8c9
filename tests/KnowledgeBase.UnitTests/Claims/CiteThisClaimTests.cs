using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class CiteThisClaimTests : BunitContext
{
    internal static readonly SourceSummary Usip = new(
        1, Seed.Usip.Slug, "How Should Seoul Respond to North Korea's Soldiers in Russia?", "USIP", ["Lami Kim"],
        "United States Institute of Peace", "2024-11", "analysis");

    internal static readonly SourceSummary Idsa = new(
        2, Seed.MpIdsa.Slug, "South Korea's Response to North Korean Troops in the Russia-Ukraine War", "MP-IDSA",
        ["Ranjit Kumar Dhawan"], "Manohar Parrikar Institute for Defence Studies and Analyses", "2024-12-05", "commentary");

    internal static ClaimDetails Pay(params SourceSummary[] sources) => new(
        13,
        Seed.Claims.RussiaPaysNorthKorea,
        "Russia is paying North Korea for the troops it has sent.",
        null,
        AgreementFlag.Partial,
        AgreementFlag.Partial,
        "USIP gives … and MP-IDSA …",
        null,
        null,
        new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(-5)),
        new DateTimeOffset(2025, 3, 2, 23, 30, 0, TimeSpan.FromHours(-5)),
        7,
        [new TopicLink(Seed.Topics.RussiaNorthKoreaTies, "Russia–North Korea ties")],
        sources.Select((s, i) => new CitationView(i + 1, i, Stance.Supports, null, null, 10 + i, "q", "", "", 0, 1, s, null)).ToList());

    internal static readonly Uri Permalink = new($"https://kb.example/claims/13/{Seed.Claims.RussiaPaysNorthKorea}");

    [Fact]
    public void The_box_is_a_labelled_section_with_a_read_only_labelled_citation_and_the_permalink()
    {
        var box = Render<CiteThisClaim>(p => p
            .Add(c => c.Claim, Pay(Usip, Idsa))
            .Add(c => c.Permalink, Permalink)
            .Add(c => c.Retrieved, new DateOnly(2025, 5, 4)));

        Assert.Equal("cite-heading", box.Find("section").GetAttribute("aria-labelledby"));
        Assert.Equal("Cite this claim", box.Find("h2#cite-heading").TextContent);
        var field = box.Find("textarea#cite-text");
        Assert.True(field.HasAttribute("readonly"));
        Assert.Equal("cite-text", box.Find("label").GetAttribute("for"));
        var text = field.GetAttribute("value") ?? field.TextContent;
        Assert.StartsWith("“Russia is paying North Korea for the troops it has sent.”", text);
        Assert.EndsWith($"https://kb.example/claims/13/{Seed.Claims.RussiaPaysNorthKorea} (retrieved 4 May 2025).", text);
        var link = box.Find(".cite-claim-permalink a");
        Assert.Equal(Permalink.AbsoluteUri, link.GetAttribute("href"));
        Assert.Equal(Permalink.AbsoluteUri, link.TextContent);
        Assert.Equal("bookmark", link.GetAttribute("rel"));
    }
}

public sealed class ClaimCitationTextTests
{
    [Fact]
    public void The_citation_names_the_statement_the_flag_each_source_once_the_update_and_the_permalink()
    {
        var claim = CiteThisClaimTests.Pay(CiteThisClaimTests.Usip, CiteThisClaimTests.Idsa, CiteThisClaimTests.Idsa);

        var text = ClaimCitationText.Format(claim, CiteThisClaimTests.Permalink, new DateOnly(2025, 5, 4));

        Assert.Equal(
            "“Russia is paying North Korea for the troops it has sent.” KnowledgeBase, claim 13. Agreement: Partly agree. "
            + "Sources: Lami Kim, “How Should Seoul Respond to North Korea's Soldiers in Russia?” United States Institute of Peace (USIP), November 2024; "
            + "Ranjit Kumar Dhawan, “South Korea's Response to North Korean Troops in the Russia-Ukraine War,” Manohar Parrikar Institute for Defence Studies and Analyses (MP-IDSA), 5 December 2024. "
            + $"Last updated 3 March 2025. https://kb.example/claims/13/{Seed.Claims.RussiaPaysNorthKorea} (retrieved 4 May 2025).",
            text);
    }

    [Fact]
    public void An_overridden_flag_is_marked_as_the_editors_judgement_and_one_source_is_singular()
    {
        var claim = CiteThisClaimTests.Pay(CiteThisClaimTests.Usip) with { Agreement = AgreementFlag.Agree, OverrideAgreement = AgreementFlag.Agree };

        var text = ClaimCitationText.Format(claim, CiteThisClaimTests.Permalink, new DateOnly(2025, 5, 4));

        Assert.Contains("Agreement: Sources agree (editor's judgement).", text);
        Assert.Contains(" Source: Lami Kim, “How Should", text);
    }

    [Fact]
    public void Several_authors_are_joined_with_and()
    {
        var source = CiteThisClaimTests.Usip with { Authors = ["A. One", "B. Two", "C. Three"] };

        var text = ClaimCitationText.Format(CiteThisClaimTests.Pay(source), CiteThisClaimTests.Permalink, new DateOnly(2025, 5, 4));

        Assert.Contains("Source: A. One, B. Two and C. Three, “How Should", text);
    }
}
