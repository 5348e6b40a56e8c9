using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;

namespace KnowledgeBase.UnitTests.Claims;

public sealed class ClaimCardTests : BunitContext
{
    private static readonly ClaimSummary Kursk = new(
        42,
        Seed.Claims.TroopsInKursk,
        "About 8,000 of the North Korean troops in Russia have been deployed to Russia's Kursk region.",
        "about 8,000 troops",
        AgreementFlag.Agree,
        ["USIP", "MP-IDSA"]);

    [Fact]
    public void The_statement_links_to_the_claim_page_by_id_and_slug()
    {
        var card = Render(b => b.AddContent(0, ClaimCard.Of(Kursk)));

        var link = card.Find("h3.claim-card-statement a");
        Assert.Equal($"/claims/42/{Seed.Claims.TroopsInKursk}", link.GetAttribute("href"));
        Assert.Equal(Kursk.Statement, link.TextContent);
        Assert.Equal("claim-42", card.Find("h3").Id);
        Assert.Equal("claim-42", card.Find("article").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void The_card_shows_the_figure_the_flag_and_the_citing_documents()
    {
        var card = Render(b => b.AddContent(0, ClaimCard.Of(Kursk)));

        Assert.Equal("about 8,000 troops", card.Find(".figure-chip").TextContent);
        Assert.Equal("Cited by USIP, MP-IDSA", card.Find(".claim-card-sources").TextContent);
        Assert.Contains("agreement-agree", card.Find("a.agreement").ClassList);
        Assert.Equal("Sources agree", card.Find(".agreement-label").TextContent);
    }

    [Fact]
    public void A_claim_without_figure_or_sources_shows_neither()
    {
        var card = Render(b => b.AddContent(0, ClaimCard.Of(Kursk with { Figure = null, Sources = [] })));

        Assert.Empty(card.FindAll(".figure-chip"));
        Assert.Empty(card.FindAll(".claim-card-sources"));
    }

    [Fact]
    public void The_statement_is_text_not_markup()
    {
        var card = Render(b => b.AddContent(0, ClaimCard.Of(Kursk with { Statement = "<script>alert(1)</script>" })));

        Assert.Empty(card.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", card.Find("h3 a").TextContent);
    }
}
