using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.About;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.About;

/// <summary>A seeded app of its own: these tests visit pages whose cached queries other tests count.</summary>
public sealed class AboutTheFlagsApp : KnowledgeBaseApp;

public sealed class AboutTheFlagsPageTests(AboutTheFlagsApp app) : IClassFixture<AboutTheFlagsApp>
{
    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task The_page_explains_every_flag_in_an_entry_of_its_own()
    {
        var html = await _client.GetPageAsync("/about/flags");

        Assert.Matches("<h1[^>]*>About the flags</h1>", html);
        foreach (var flag in Enum.GetValues<AgreementFlag>())
        {
            Assert.Matches($"<li id=\"flag-{flag.ToSlug()}\"><strong>{flag.ToLabel()}</strong>", html);
            Assert.Contains(flag.Explanation(), html);
        }
        Assert.Contains("id=\"independent-roots\"", html);
        Assert.Contains("both on Yonhap", html);
    }

    [Fact]
    public async Task A_claims_badge_links_to_its_flags_entry()
    {
        var claim = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);

        var html = await _client.GetPageAsync(Links.Claim(claim.Id, claim.Slug));

        Assert.Contains($"<a class=\"agreement agreement-partial\" href=\"/about/flags#flag-partial\" title=\"{AgreementFlag.Partial.Explanation()}\">", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/claims")]
    [InlineData("/topics/" + Seed.Topics.TroopDeployment)]
    [InlineData("/search?q=troops")]
    [InlineData("/compare?left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug)]
    public async Task Every_page_that_lists_or_filters_flags_offers_changed_over_time(string url)
    {
        var html = await _client.GetPageAsync(url);

        Assert.Contains("Changed over time", html);
        Assert.Contains("timeline", html);
    }

    [Fact]
    public async Task The_claims_list_filters_by_changed_over_time()
    {
        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(Flag: AgreementFlag.Timeline)));

        Assert.Contains("""<option value="timeline" selected""", html);
    }
}
