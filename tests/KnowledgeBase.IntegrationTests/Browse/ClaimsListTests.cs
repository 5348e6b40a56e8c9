using System.Net;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Browse;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Browse;

[Collection(AppCollection.Name)]
public sealed class ClaimsListTests(KnowledgeBaseApp app)
{

    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task The_first_page_lists_the_twenty_newest_claims_and_links_to_the_next()
    {
        var all = await ClaimFacts.LoadAsync(app);

        var html = await _client.GetPageAsync("/claims");

        Assert.Equal(all.Select(c => c.Id).OrderDescending().Take(20), ListPages.ClaimIds(html));
        Assert.NotNull(ListPages.NextLink(html));
        Assert.Null(ListPages.FirstLink(html));
        Assert.Contains("<h1>Claims</h1>", html);
        Assert.Contains("<title>All claims · KnowledgeBase</title>", html);
    }

    [Fact]
    public async Task A_claim_card_shows_its_flag_figure_and_sources()
    {
        var kursk = await app.ClaimAsync(Seed.Claims.TroopsInKursk);

        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(AgreementFlag.Agree, Size: 100)));

        Assert.Contains(Links.Claim(kursk.Id, kursk.Slug), html);
        Assert.Contains("agreement-agree", html);
        Assert.Contains("Cited by", html);
    }

    public static TheoryData<string, string?, string?, string?, int> Walks => new()
    {
        { "newest", null, null, null, 5 },
        { "oldest", "single-source", null, null, 5 },
        { "agreement", null, null, null, 7 },
        { "agreement", null, Seed.Topics.RussiaNorthKoreaTies, null, 3 },
        { "newest", "single-source", Seed.Topics.RussiaNorthKoreaTies, Seed.MpIdsa.Slug, 5 },
        { "oldest", null, null, Seed.Usip.Slug, 10 },
        { "agreement", "partial", null, Seed.Usip.Slug, 2 },
        { "agreement", "conflict", Seed.Topics.TroopDeployment, null, 5 },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Walking_every_page_returns_each_matching_claim_exactly_once_in_order(string sort, string? flag, string? topic, string? source, int size)
    {
        Assert.True(BrowseParameters.TryParseFlag(flag, out var parsedFlag, out _));
        Assert.True(BrowseParameters.TryParseSort(sort, out var parsedSort, out _));
        var all = await ClaimFacts.LoadAsync(app);
        var matching = all
            .Where(c => parsedFlag is null || c.Flag == parsedFlag)
            .Where(c => topic is null || c.Topics.Contains(topic))
            .Where(c => source is null || c.Sources.Contains(source))
            .ToList();
        var expected = parsedSort switch
        {
            ClaimSort.Newest => matching.OrderByDescending(c => c.Id),
            ClaimSort.Oldest => matching.OrderBy(c => c.Id),
            _ => matching.OrderBy(c => BrowseParameters.FlagOrder.ToList().IndexOf(c.Flag)).ThenBy(c => c.Id),
        };

        var (ids, pages) = await ListPages.WalkAsync(_client, Links.Claims(new ClaimListFilter(parsedFlag, topic, source, parsedSort, size)));

        Assert.Equal(expected.Select(c => c.Id), ids);
        Assert.Equal(Math.Max(1, (matching.Count + size - 1) / size), pages);
    }

    [Theory]
    [InlineData("newest", null, 7)]
    [InlineData("agreement", null, 3)]
    public async Task The_single_root_filter_lists_exactly_the_claims_whose_documents_rest_on_one_independent_root(string sort, string? flag, int size)
    {
        Assert.True(BrowseParameters.TryParseFlag(flag, out var parsedFlag, out _));
        Assert.True(BrowseParameters.TryParseSort(sort, out var parsedSort, out _));
        var rows = await app.QueryAsync(db => db.Claims
            .Where(c => parsedFlag == null || c.Agreement == parsedFlag)
            .Select(c => new { c.Id, c.Agreement, c.IndependentRoots }).ToListAsync());
        var matching = rows.Where(c => c.IndependentRoots == 1).ToList();
        Assert.NotEmpty(matching);
        Assert.Contains(rows, c => c.IndependentRoots > 1);
        var expected = parsedSort == ClaimSort.Newest
            ? matching.OrderByDescending(c => c.Id).Select(c => c.Id)
            : matching.OrderBy(c => BrowseParameters.FlagOrder.ToList().IndexOf(c.Agreement)).ThenBy(c => c.Id).Select(c => c.Id);

        var (ids, _) = await ListPages.WalkAsync(_client, Links.Claims(new ClaimListFilter(parsedFlag, Sort: parsedSort, Size: size, SingleRoot: true)));

        Assert.Equal(expected, ids);
        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(SingleRoot: true)));
        Assert.Contains("<title>Claims: resting on one independent root · KnowledgeBase</title>", html);
        Assert.Contains("<option value=\"single\" selected", html);
    }

    [Fact]
    public async Task The_agreement_order_puts_the_most_contested_first_and_single_source_claims_last()
    {
        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(Sort: ClaimSort.Agreement, Size: 100)));
        var all = (await ClaimFacts.LoadAsync(app)).ToDictionary(c => c.Id);

        var flags = ListPages.ClaimIds(html).Select(id => all[id].Flag).ToList();

        // The seed has no conflict: its two changes over time come first.
        Assert.Equal(AgreementFlag.Timeline, flags[0]);
        Assert.Equal(flags.OrderBy(f => BrowseParameters.FlagOrder.ToList().IndexOf(f)), flags);
        Assert.Equal(AgreementFlag.SingleSource, flags[^1]);
        Assert.Equal(all.Count, flags.Count);
    }

    [Fact]
    public async Task A_next_link_keeps_every_filter_and_the_page_size()
    {
        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(AgreementFlag.SingleSource, Seed.Topics.RussiaNorthKoreaTies, Seed.MpIdsa.Slug, ClaimSort.Oldest, 5)));

        var next = ListPages.NextLink(html);

        Assert.NotNull(next);
        Assert.StartsWith($"/claims?flag=single-source&topic={Seed.Topics.RussiaNorthKoreaTies}&source={Seed.MpIdsa.Slug}&sort=oldest&size=5&after=", next);
        var second = await _client.GetPageAsync(next);
        Assert.Equal($"/claims?flag=single-source&topic={Seed.Topics.RussiaNorthKoreaTies}&source={Seed.MpIdsa.Slug}&sort=oldest&size=5", ListPages.FirstLink(second));
        Assert.EndsWith(next, ListPages.Canonical(second));
    }

    [Fact]
    public async Task A_page_link_is_a_stable_url()
    {
        var first = await _client.GetPageAsync("/claims?size=5");
        var next = ListPages.NextLink(first)!;

        var once = ListPages.ClaimIds(await _client.GetPageAsync(next));
        var again = ListPages.ClaimIds(await _client.GetPageAsync(next));

        Assert.Equal(5, once.Count);
        Assert.Equal(once, again);
    }

    [Fact]
    public async Task Empty_values_from_the_form_mean_no_filter_and_the_canonical_url_leaves_them_out()
    {
        var plain = await _client.GetPageAsync("/claims");
        var fromForm = await _client.GetPageAsync("/claims?flag=&topic=&source=&sort=newest&size=20");

        Assert.Equal(ListPages.ClaimIds(plain), ListPages.ClaimIds(fromForm));
        Assert.EndsWith("/claims", ListPages.Canonical(fromForm));
    }

    [Fact]
    public async Task The_form_shows_the_current_filters_selected()
    {
        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(AgreementFlag.Conflict, Seed.Topics.SeoulResponse, Seed.Usip.Slug, ClaimSort.Agreement, 10)));

        Assert.Contains("""<option value="conflict" selected""", html);
        Assert.Contains($"""<option value="{Seed.Topics.SeoulResponse}" selected""", html);
        Assert.Contains($"""<option value="{Seed.Usip.Slug}" selected""", html);
        Assert.Contains("""<option value="agreement" selected""", html);
        Assert.Contains("""<option value="10" selected""", html);
        Assert.Contains("<title>Claims: Sources conflict · South Korea's response · cited by USIP · KnowledgeBase</title>", html);
    }

    [Fact]
    public async Task Filters_that_match_nothing_say_so_helpfully()
    {
        var all = await ClaimFacts.LoadAsync(app);
        var empty = Enum.GetValues<AgreementFlag>()
            .SelectMany(f => all.SelectMany(c => c.Topics).Distinct().Select(t => (Flag: f, Topic: t)))
            .First(x => !all.Any(c => c.Flag == x.Flag && c.Topics.Contains(x.Topic)));

        var html = await _client.GetPageAsync(Links.Claims(new ClaimListFilter(empty.Flag, empty.Topic)));

        Assert.Empty(ListPages.ClaimIds(html));
        Assert.Contains("No claims match these filters.", html);
        Assert.Null(ListPages.NextLink(html));
    }

    [Theory]
    [InlineData("/claims?flag=bogus", "no agreement flag")]
    [InlineData("/claims?flag=SingleSource", "no agreement flag")]
    [InlineData("/claims?topic=bogus", "no topic")]
    [InlineData("/claims?source=bogus", "no source document")]
    [InlineData("/claims?sort=bogus", "no sort order")]
    [InlineData("/claims?roots=2", "roots filter")]
    [InlineData("/claims?size=0", "page size")]
    [InlineData("/claims?size=101", "page size")]
    [InlineData("/claims?size=abc", "page size")]
    [InlineData("/claims?after=abc", "page cursor")]
    [InlineData("/claims?after=%00", "control character")]
    [InlineData("/claims?sort=agreement&after=MTI", "page cursor")]
    public async Task Bad_parameters_get_a_400_with_a_clear_message_never_a_500(string url, string message)
    {
        var (status, body) = await ListPages.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task A_cursor_from_one_order_is_refused_by_the_agreement_order()
    {
        var html = await _client.GetPageAsync("/claims?size=5");
        var after = new Uri("http://x" + ListPages.NextLink(html)).Query.Split("after=")[1];

        var (status, body) = await ListPages.GetAsync(_client, $"/claims?sort=agreement&after={after}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("page cursor", body);
    }
}
