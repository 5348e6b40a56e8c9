using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class RelatedClaimsTests : BunitContext
{
    private static readonly ClaimSummary[] Claims =
    [
        new(2, Seed.Claims.TroopsInKursk, "About 8,000 of the North Korean troops in Russia have been deployed to Russia's Kursk region.", "about 8,000 troops", AgreementFlag.Agree, ["USIP", "MP-IDSA"]),
        new(3, Seed.Claims.CombatBegun, "North Korean troops in Russia have begun fighting Ukrainian forces.", null, AgreementFlag.SingleSource, ["USIP"]),
    ];

    [Fact]
    public void Related_claims_are_a_labelled_section_of_claim_cards_in_the_given_order()
    {
        var related = Render<RelatedClaims>(p => p.Add(r => r.Claims, Claims));

        var section = related.Find("section.related-claims");
        Assert.Equal("related-heading", section.GetAttribute("aria-labelledby"));
        Assert.Equal("Related claims", related.Find("h2#related-heading").TextContent);
        var links = related.FindAll("article.claim-card h3 a");
        Assert.Equal([$"/claims/2/{Seed.Claims.TroopsInKursk}", $"/claims/3/{Seed.Claims.CombatBegun}"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(2, related.FindAll(".agreement").Count);
    }

    [Theory]
    [InlineData(1, "On the same topic.")]
    [InlineData(2, "On the same topics.")]
    public void The_note_says_topic_or_topics(int topics, string note)
    {
        var related = Render<RelatedClaims>(p => p.Add(r => r.Claims, Claims).Add(r => r.TopicCount, topics));

        Assert.Equal(note, related.Find(".related-claims-note").TextContent);
    }

    [Fact]
    public void No_related_claims_render_nothing()
    {
        var related = Render<RelatedClaims>(p => p.Add(r => r.Claims, []));

        Assert.Equal("", related.Markup.Trim());
    }
}
