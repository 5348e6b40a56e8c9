using AngleSharp.Html.Parser;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Compare;

[Collection(AppCollection.Name)]
public sealed class CompareWithTests(KnowledgeBaseApp app)
{

    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task Each_source_page_offers_to_compare_it_with_the_documents_sharing_its_claims()
    {
        var shared = await app.QueryAsync(db => db.Claims.CountAsync(c =>
            c.Citations.Any(x => x.Passage!.Source!.Slug == Seed.Usip.Slug) && c.Citations.Any(x => x.Passage!.Source!.Slug == Seed.MpIdsa.Slug)));
        var parser = new HtmlParser();

        var usip = parser.ParseDocument(await _client.GetStringAsync(new Uri(Links.Source(Seed.Usip.Slug), UriKind.Relative)));
        var idsa = parser.ParseDocument(await _client.GetStringAsync(new Uri(Links.Source(Seed.MpIdsa.Slug), UriKind.Relative)));

        var compareWith = usip.QuerySelector(".source-meta .compare-with")!;
        Assert.Equal("Compare with", compareWith.PreviousElementSibling!.TextContent);
        var link = compareWith.QuerySelector($"a[href='{Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug)}']")!;
        Assert.Equal("MP-IDSA", link.TextContent);
        Assert.Contains($"({shared} shared claims)", compareWith.TextContent);
        Assert.NotNull(compareWith.QuerySelector($"a[href='{Links.Compare(Seed.Usip.Slug)}']"));
        Assert.NotNull(idsa.QuerySelector($".compare-with a[href='{Links.Compare(Seed.MpIdsa.Slug, Seed.Usip.Slug)}']"));
    }
}
