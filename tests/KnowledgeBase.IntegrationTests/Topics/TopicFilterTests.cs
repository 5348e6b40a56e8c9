using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.IntegrationTests.Browse;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Topics;

[Collection(AppCollection.Name)]
public sealed class TopicFilterTests(KnowledgeBaseApp app)
{

    private readonly HttpClient _client = PageClient.For(app);

    private async Task<List<long>> ExpectedAsync(string topic, AgreementFlag? flag, string? source) =>
        (await ClaimFacts.LoadAsync(app))
            .Where(c => c.Topics.Contains(topic) && (flag is null || c.Flag == flag) && (source is null || c.Sources.Contains(source)))
            .Select(c => c.Id).Order().ToList();

    public static TheoryData<AgreementFlag?, string?, int> Filters => new()
    {
        { AgreementFlag.SingleSource, null, 100 },
        { null, Seed.Usip.Slug, 100 },
        { AgreementFlag.SingleSource, Seed.MpIdsa.Slug, 100 },
        { AgreementFlag.SingleSource, Seed.MpIdsa.Slug, 5 },
        { AgreementFlag.Partial, null, 2 },
        { null, Seed.MpIdsa.Slug, 3 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_and_the_keyset_cursor_combine_and_every_matching_claim_comes_once(AgreementFlag? flag, string? source, int size)
    {
        var expected = await ExpectedAsync(Seed.Topics.RussiaNorthKoreaTies, flag, source);

        var (ids, pages) = await ListPages.WalkAsync(_client, Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter(flag, source, size)));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
        Assert.Equal(Math.Max(1, (expected.Count + size - 1) / size), pages);
    }

    [Fact]
    public async Task The_next_link_keeps_the_filters_and_the_first_link_drops_only_the_cursor()
    {
        var filter = new TopicFilter(AgreementFlag.SingleSource, Seed.MpIdsa.Slug, 5);
        var html = await _client.GetPageAsync(Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, filter));

        var next = ListPages.NextLink(html)!;
        Assert.StartsWith($"/topics/{Seed.Topics.RussiaNorthKoreaTies}?flag=single-source&source={Seed.MpIdsa.Slug}&size=5&after=", next);
        var second = await _client.GetPageAsync(next);
        Assert.Equal(Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, filter), ListPages.FirstLink(second));
        Assert.Contains(" · continued", second);
    }

    [Fact]
    public async Task The_topic_shows_how_many_of_its_claims_carry_each_flag()
    {
        var all = await ClaimFacts.LoadAsync(app);

        var html = await _client.GetPageAsync(Links.Topic(Seed.Topics.RussiaNorthKoreaTies));

        foreach (var flag in Enum.GetValues<AgreementFlag>())
        {
            var expected = all.Count(c => c.Topics.Contains(Seed.Topics.RussiaNorthKoreaTies) && c.Flag == flag);
            Assert.Equal(expected, QuickLinkCount(html, Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter(flag))));
        }
        Assert.Equal(all.Count(c => c.Topics.Contains(Seed.Topics.RussiaNorthKoreaTies)), QuickLinkCount(html, Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter())));
    }

    [Fact]
    public async Task With_a_source_chosen_the_flag_counts_are_of_that_source_s_claims()
    {
        var all = await ClaimFacts.LoadAsync(app);
        var filter = new TopicFilter(Source: Seed.Usip.Slug);

        var html = await _client.GetPageAsync(Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, filter));

        foreach (var flag in Enum.GetValues<AgreementFlag>())
        {
            var expected = all.Count(c => c.Topics.Contains(Seed.Topics.RussiaNorthKoreaTies) && c.Sources.Contains(Seed.Usip.Slug) && c.Flag == flag);
            Assert.Equal(expected, QuickLinkCount(html, Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, filter with { Flag = flag })));
        }
        var matching = all.Count(c => c.Topics.Contains(Seed.Topics.RussiaNorthKoreaTies) && c.Sources.Contains(Seed.Usip.Slug));
        Assert.Contains($" · {matching} match", html);
    }

    [Fact]
    public async Task The_source_quick_links_and_the_form_offer_each_source()
    {
        var html = await _client.GetPageAsync(Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter(AgreementFlag.Partial)));

        Assert.Contains($"href=\"{Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter(AgreementFlag.Partial, Seed.Usip.Slug))}\"", html);
        Assert.Contains($"href=\"{Links.TopicPage(Seed.Topics.RussiaNorthKoreaTies, new TopicFilter(AgreementFlag.Partial, Seed.MpIdsa.Slug))}\"", html);
        Assert.Contains($"<form class=\"filter-form\" method=\"get\" action=\"{Links.Topic(Seed.Topics.RussiaNorthKoreaTies)}\"", html);
        Assert.Contains("""<option value="partial" selected""", html);
    }

    [Theory]
    [InlineData("?flag=bogus", "no agreement flag")]
    [InlineData("?source=bogus", "no source document")]
    [InlineData("?size=0", "page size")]
    [InlineData("?size=1000", "page size")]
    [InlineData("?flag=agree&after=abc", "page cursor")]
    public async Task Bad_filters_get_a_400_with_a_clear_message(string query, string message)
    {
        var (status, body) = await ListPages.GetAsync(_client, Links.Topic(Seed.Topics.RussiaNorthKoreaTies) + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task An_unknown_topic_is_a_404_even_with_filters()
    {
        var (status, _) = await ListPages.GetAsync(_client, "/topics/no-such-topic?flag=agree");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    /// <summary>The count shown in the quick filter link to <paramref name="href"/>.</summary>
    private static int QuickLinkCount(string html, string href)
    {
        var match = Regex.Match(html, $"<a href=\"{Regex.Escape(href)}\"[^>]*>.*?class=\"filter-links-count\"[^>]*>([0-9,]+)<", RegexOptions.Singleline);
        Assert.True(match.Success, $"no quick link with a count to {href}");
        return int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
