using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Compare;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgeBase.UnitTests.Compare.CompareFixtures;

namespace KnowledgeBase.UnitTests.Compare;

public sealed class CompareSummaryTests : BunitContext
{
    private static readonly CompareCounts Counts = new(
        new Dictionary<AgreementFlag, int> { [AgreementFlag.Conflict] = 2, [AgreementFlag.Partial] = 5, [AgreementFlag.Agree] = 10 }, 22, 28);

    private IRenderedComponent<CompareSummary> RenderSummary(CompareCounts counts, AgreementFlag? flag = null) =>
        Render<CompareSummary>(p => p.Add(s => s.Left, Usip).Add(s => s.Right, Idsa).Add(s => s.Counts, counts).Add(s => s.Flag, flag));

    [Fact]
    public void The_counts_read_left_shared_right_and_link_to_their_sections()
    {
        const string Here = $"/compare?left={Seed.Usip.Slug}&right={Seed.MpIdsa.Slug}";
        Services.GetRequiredService<NavigationManager>().NavigateTo(Here);
        var summary = RenderSummary(Counts);

        var main = summary.FindAll(".compare-count-main");
        Assert.Equal(["22 only in USIP", "17 claims both make", "28 only in MP-IDSA"], main.Select(a => a.TextContent.Trim()).ToList());
        // In-page links carry the page's own address: the layout's <base href="/"> would send a bare "#id" home.
        Assert.Equal([Here + "#only-left", Here + "#shared", Here + "#only-right"], main.Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public void Shared_claims_are_broken_down_by_flag_each_a_filter_link()
    {
        var summary = RenderSummary(Counts);

        var links = summary.FindAll(".compare-flag-counts a");
        Assert.Equal(["Sources conflict 2", "Changed over time 0", "Partly agree 5", "Sources agree 10"],
            links.Select(a => a.QuerySelector(".agreement-label")!.TextContent + " " + a.QuerySelector(".compare-flag-count")!.TextContent).ToList());
        Assert.Equal(
            $"/compare?left={Seed.Usip.Slug}&right={Seed.MpIdsa.Slug}&flag=conflict#shared",
            links[0].GetAttribute("href"));
        Assert.All(links, a => Assert.Null(a.GetAttribute("aria-current")));
    }

    [Fact]
    public void The_active_flag_filter_is_marked_current()
    {
        var summary = RenderSummary(Counts, AgreementFlag.Partial);

        var current = summary.FindAll(".compare-flag-counts a[aria-current='true']");
        Assert.Single(current);
        Assert.Contains("flag=partial", current[0].GetAttribute("href"));
    }

    [Fact]
    public void The_overlap_bar_is_decorative_and_its_segments_are_proportional()
    {
        var summary = RenderSummary(Counts);

        var bar = summary.Find("svg.overlap-bar");
        Assert.Equal("true", bar.GetAttribute("aria-hidden"));
        var rects = bar.QuerySelectorAll("rect");
        Assert.Equal(
            ["overlap-left", "overlap-shared-conflict", "overlap-shared-partial", "overlap-shared-agree", "overlap-right"],
            rects.Select(r => r.GetAttribute("class")!).ToList());
        // 67 claims over 1000 units: 22 → 328.36, 2 → 29.85, ...
        Assert.Equal("328.36", rects[0].GetAttribute("width"));
        Assert.Equal("0", rects[0].GetAttribute("x"));
        Assert.Equal("328.36", rects[1].GetAttribute("x"));
        var total = rects.Sum(r => decimal.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(total, 999.95m, 1000.05m);
    }

    [Fact]
    public void Two_documents_sharing_nothing_show_no_flag_breakdown()
    {
        var summary = RenderSummary(new CompareCounts(new Dictionary<AgreementFlag, int>(), 3, 4));

        Assert.Empty(summary.FindAll(".compare-flag-counts"));
        Assert.Contains("0 claims both make", summary.Find(".compare-count-shared").TextContent);
        Assert.Equal(2, summary.FindAll("svg rect").Count);
    }

    [Fact]
    public void No_claims_at_all_draw_no_bar()
    {
        var summary = RenderSummary(new CompareCounts(new Dictionary<AgreementFlag, int>(), 0, 0));

        Assert.Empty(summary.FindAll("svg"));
    }
}
