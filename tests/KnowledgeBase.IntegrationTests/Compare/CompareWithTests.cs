using AngleSharp.Html.Parser;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Compare;

[Collection(AppCollection.Name)]
public sealed class CompareWithTests(KnowledgeBaseApp app)
{
    private const string Usip = "usip-2024-seoul-response";
    private const string Idsa = "idsa-2024-south-korea-response";

    private readonly HttpClient _client = PageClient.For(app);

    [Fact]
    public async Task Each_source_page_offers_to_compare_it_with_the_documents_sharing_its_claims()
    {
        var shared = await app.QueryAsync(db => db.Claims.CountAsync(c =>
            c.Citations.Any(x => x.Passage!.Source!.Slug == Usip) && c.Citations.Any(x => x.Passage!.Source!.Slug == Idsa)));
        var parser = new HtmlParser();

        var usip = parser.ParseDocument(await _client.GetStringAsync(new Uri(Links.Source(Usip), UriKind.Relative)));
        var idsa = parser.ParseDocument(await _client.GetStringAsync(new Uri(Links.Source(Idsa), UriKind.Relative)));

        var compareWith = usip.QuerySelector(".source-meta .compare-with")!;
        Assert.Equal("Compare with", compareWith.PreviousElementSibling!.TextContent);
        var link = compareWith.QuerySelector($"a[href='{Links.Compare(Usip, Idsa)}']")!;
        Assert.Equal("MP-IDSA", link.TextContent);
        Assert.Contains($"({shared} shared claims)", compareWith.TextContent);
        Assert.NotNull(compareWith.QuerySelector($"a[href='{Links.Compare(Usip)}']"));
        Assert.NotNull(idsa.QuerySelector($".compare-with a[href='{Links.Compare(Idsa, Usip)}']"));
    }
}
