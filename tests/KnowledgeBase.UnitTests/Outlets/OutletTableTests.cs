using Bunit;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Outlets;

namespace KnowledgeBase.UnitTests.Outlets;

public sealed class OutletTableTests : BunitContext
{
    private static readonly OutletSummary[] Outlets =
    [
        new(Seed.Outlets.TheKoreaTimes, "The Korea Times", 9, 10),
        new("kcna", "KCNA", 1, 2),
        new("rare", "Rare Gazette", 1, 1),
    ];

    private IRenderedComponent<OutletTable> RenderTable(int total) =>
        Render<OutletTable>(p => p.Add(x => x.Outlets, Outlets).Add(x => x.TotalClaims, total));

    [Fact]
    public void Each_outlet_is_a_row_headed_by_a_link_to_its_page_with_its_counts()
    {
        var table = RenderTable(200);

        var rows = table.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        var first = rows[0];
        Assert.Equal($"/outlets/{Seed.Outlets.TheKoreaTimes}", first.QuerySelector("th[scope=row] a")!.GetAttribute("href"));
        Assert.Equal("The Korea Times", first.QuerySelector("th a")!.TextContent);
        Assert.Equal(["9", "10"], first.QuerySelectorAll("td.number").Select(td => td.TextContent));
    }

    [Fact]
    public void The_share_of_all_claims_is_said_in_words_and_drawn_as_a_hidden_bar()
    {
        var table = RenderTable(200);

        Assert.Equal(["5%", "1%", "under 1%"], table.FindAll(".share-text").Select(s => s.TextContent));
        Assert.All(table.FindAll("svg.share-bar"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        Assert.Equal("5", table.FindAll("rect.share-fill")[0].GetAttribute("width"));
        Assert.Contains("200 claims", table.Find("thead").TextContent);
    }

    [Fact]
    public void An_empty_knowledge_base_has_no_shares_rather_than_a_division_by_zero()
    {
        var table = RenderTable(0);

        Assert.All(table.FindAll(".share-text"), s => Assert.Equal("0%", s.TextContent));
    }

    [Fact]
    public void Column_headers_are_scoped_and_the_table_has_a_caption()
    {
        var table = RenderTable(10);

        Assert.Equal(4, table.FindAll("thead th[scope=col]").Count);
        Assert.False(string.IsNullOrWhiteSpace(table.Find("caption").TextContent));
    }
}
