using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.IntegrationTests.Browse;
using KnowledgeBase.IntegrationTests.Compare;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Caching;

/// <summary>
/// Anonymous reading pages come from the output cache (no SQL at all), an editor's save through the editing services
/// makes the next read fresh, signed-in users always get a rendered page, and the switch turns caching off.
/// Its own app: these tests edit content.
/// </summary>
public sealed class ReadingCacheTests(KnowledgeBaseApp app) : IClassFixture<KnowledgeBaseApp>
{
    private static readonly Editor Ada = new("user-ada", "Ada Editor");

    private async Task<(string Html, int Queries)> GetCountingAsync(HttpClient client, string url)
    {
        using var counter = new SqlCommandCounter(app.Database.Name);
        var html = await client.GetPageAsync(url);
        return (html, counter.Commands.Count);
    }

    [Theory]
    [InlineData($"/topics/{Seed.Topics.TroopDeployment}?size=3")]
    [InlineData("/claims?flag=agree&size=4")]
    [InlineData($"/sources/{Seed.Usip.Slug}")]
    [InlineData("/search?q=troops")]
    [InlineData("/api/v1/claims?limit=2")]
    public async Task A_second_anonymous_read_is_served_from_the_cache_without_a_query(string url)
    {
        var client = PageClient.For(app);
        var (first, firstQueries) = await GetCountingAsync(client, url);
        var (second, secondQueries) = await GetCountingAsync(client, url);

        Assert.True(firstQueries > 0, $"{url}: the first read should render (it ran no query, so something else cached it)");
        Assert.Equal(0, secondQueries);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_served_from_the_cache_still_lets_Blazor_patch_it_in_place(bool enhancedFirst)
    {
        // Blazor's enhanced navigation compares this header's value case-sensitively; the cache once returned "Allow",
        // and a link with a #fragment then fetched its page over and over. Each way of asking is cached apart.
        var url = $"/sources/{Seed.MpIdsa.Slug}?cache-case={enhancedFirst}";
        var client = PageClient.For(app);
        var (first, second) = enhancedFirst
            ? (await GetAsync(client, url, enhanced: true), await GetAsync(client, url, enhanced: false))
            : (await GetAsync(client, url, enhanced: false), await GetAsync(client, url, enhanced: true));
        var (enhanced, full) = enhancedFirst ? (first, second) : (second, first);
        var enhancedAgain = await GetAsync(client, url, enhanced: true);

        Assert.Equal("allow", Assert.Single(enhanced.Allow));
        Assert.Equal("allow", Assert.Single(enhancedAgain.Allow));
        Assert.NotNull(enhancedAgain.Age);
        Assert.NotNull(enhanced.Framing);
        Assert.Equal(enhanced.Framing, enhancedAgain.Framing);
        Assert.Null(full.Framing);
    }

    private static async Task<(string[] Allow, string? Framing, TimeSpan? Age)> GetAsync(HttpClient client, string url, bool enhanced)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (enhanced)
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var allow = response.Headers.TryGetValues("blazor-enhanced-nav", out var values) ? values.ToArray() : [];
        var framing = response.Headers.TryGetValues("ssr-framing", out var marker) ? marker.Single() : null;
        return (allow, framing, response.Headers.Age);
    }

    [Fact]
    public async Task The_query_string_is_part_of_the_key()
    {
        var client = PageClient.For(app);
        var three = await client.GetPageAsync("/claims?size=3&sort=oldest");
        var four = await client.GetPageAsync("/claims?size=4&sort=oldest");

        Assert.Equal(3, ListPages.ClaimIds(three).Count);
        Assert.Equal(4, ListPages.ClaimIds(four).Count);
    }

    [Fact]
    public async Task Saving_a_claim_through_ClaimEditing_makes_the_next_read_fresh()
    {
        var client = PageClient.For(app);
        var claim = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var url = $"/claims/{claim.Id}/{claim.Slug}";
        var topicUrl = $"/topics/{Seed.Topics.TroopDeployment}";
        await client.GetPageAsync(url);
        await client.GetPageAsync(topicUrl);
        Assert.Equal(0, (await GetCountingAsync(client, url)).Queries);

        const string statement = "North Korea has sent about 10,000 troops to Russia, a cache test says.";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
            var editable = (await editing.FindAsync(claim.Id))!;
            var draft = editable.Snapshot.ToDraft();
            draft.Statement = statement;
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await editing.UpdateAsync(claim.Id, draft, editable.Version, Ada), exactMatch: false);
        }

        var (claimPage, queries) = await GetCountingAsync(client, url);
        Assert.True(queries > 0, "the claim page was served from the cache after the save");
        Assert.Contains(statement, claimPage, StringComparison.Ordinal);
        Assert.Contains(statement, await client.GetPageAsync(topicUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_source_through_SourceEditing_makes_the_next_read_fresh()
    {
        var client = PageClient.For(app);
        const string url = $"/sources/{Seed.MpIdsa.Slug}";
        await client.GetPageAsync(url);
        Assert.Equal(0, (await GetCountingAsync(client, url)).Queries);

        const string title = "South Korea's response, retitled by a cache test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<Core.Data.KnowledgeBaseDb>().Sources
                .Where(s => s.Slug == Seed.MpIdsa.Slug).Select(s => s.Id).SingleAsync();
            var editing = scope.ServiceProvider.GetRequiredService<SourceEditing>();
            var editable = (await editing.FindAsync(id))!;
            var draft = editable.Snapshot.ToDraft();
            draft.Title = title;
            Assert.IsType<EditResult<SourceSnapshot>.Saved>(await editing.UpdateAsync(id, draft, editable.Version, Ada), exactMatch: false);
        }

        var (page, queries) = await GetCountingAsync(client, url);
        Assert.True(queries > 0, "the source page was served from the cache after the save");
        Assert.Contains(title, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_users_are_never_served_nor_stored_from_the_cache()
    {
        const string url = $"/topics/{Seed.Topics.RussiaNorthKoreaTies}";
        var anonymous = PageClient.For(app);
        var anonymousPage = await anonymous.GetPageAsync(url);
        var editor = await app.SignInAsync(Roles.Editor);

        for (var i = 0; i < 2; i++)
        {
            var (page, queries) = await GetCountingAsync(editor, url);
            Assert.True(queries > 0, "a signed-in read came from the cache");
            Assert.Contains("sign-out", page, StringComparison.Ordinal);
        }
        // And nothing of the signed-in renders reached the anonymous readers.
        var (again, _) = await GetCountingAsync(anonymous, url);
        Assert.Equal(anonymousPage, again);
        Assert.DoesNotContain("sign-out", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/edit/claims/1", false)]
    [InlineData("/edit/review", false)]
    [InlineData("/account/sign-in", false)]
    [InlineData("/history/claims/1", false)]
    [InlineData("/admin/users", false)]
    [InlineData("/exports/claims.csv", false)]
    [InlineData("/claims/1/a-claim", true)]
    [InlineData("/exports/references/bibtex", true)]
    public void Only_reading_paths_are_cacheable(string path, bool cacheable) =>
        Assert.Equal(cacheable, ReadingCache.IsReading(path));
}

/// <summary>With KnowledgeBase:OutputCache=false every read renders.</summary>
public sealed class OutputCacheSwitchTests(UncachedApp app) : IClassFixture<UncachedApp>
{
    [Fact]
    public async Task The_switch_turns_the_output_cache_off()
    {
        var client = PageClient.For(app);
        const string url = $"/topics/{Seed.Topics.TroopDeployment}?size=3";
        await client.GetPageAsync(url);
        using var counter = new SqlCommandCounter(app.Database.Name);

        await client.GetPageAsync(url);

        Assert.NotEmpty(counter.Commands);
    }
}
