using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.IntegrationTests.Api;

/// <summary>
/// A citation's derived total through the write API onto the claim page, the read API and the exports: shown as the
/// editors' arithmetic with where each input comes from, apart from the figure as stated; bad ones refused by field.
/// </summary>
[Collection(ApiWriteCollection.Name)]
public sealed class ApiDerivationTests(ApiWriteApp app)
{
    private const string UsipRate = "Russia is expected to pay $2,000 per soldier per month";
    private const string IdsaTotal = "$200m A Year";
    private static readonly string TroopsOfUsip = $"{Seed.Claims.TroopsSentToRussia}/{Seed.Usip.Slug}";

    private async Task<HttpClient> EditorAsync() => ApiClient.For(app).WithToken((await app.ApiTokenAsync(Roles.Editor)).Token);

    private static object Claim((string? Rate, string? Count, string? CountFrom) derived) => new
    {
        statement = $"Russia pays North Korea for its troops, a derivation test {Guid.NewGuid():N}.",
        topics = new[] { Seed.Topics.RussiaNorthKoreaTies },
        citations = new object[]
        {
            new
            {
                source = Seed.Usip.Slug, quote = UsipRate, figure = "$2,000 per soldier per month",
                derivedRate = derived.Rate, derivedCount = derived.Count, derivedCountFrom = derived.CountFrom,
            },
            new { source = Seed.MpIdsa.Slug, quote = IdsaTotal, figure = "$200m a year", footnote = 11 },
        },
    };

    [Fact]
    public async Task A_derivation_saved_through_the_api_is_shown_as_the_editors_arithmetic_with_its_origins()
    {
        using var created = await (await EditorAsync()).PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative),
            Claim(("$2,000 per soldier per month", "approximately 10,000 troops", TroopsOfUsip)));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var claim = JsonDocument.Parse(body).RootElement;
        var (id, slug) = (claim.GetProperty("id").GetInt64(), claim.GetProperty("slug").GetString()!);

        const string Described = "$2,000 per soldier per month (USIP, this quote) × approximately 10,000 troops "
            + "(USIP, claim troops-sent-to-russia, Washington estimates): $2,000 × 10,000 × 12 = $240M a year";
        var read = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{id}");
        var citation = read.GetProperty("citations")[0];
        Assert.Equal("$2,000 per soldier per month", citation.GetProperty("figure").GetProperty("text").GetString());
        var derived = citation.GetProperty("derived");
        Assert.Equal(TroopsOfUsip, derived.GetProperty("countFrom").GetString());
        Assert.Equal(("USIP", "Washington estimates"), (derived.GetProperty("countSource").GetString(), derived.GetProperty("countAttribution").GetString()));
        Assert.Equal(Described, derived.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("citations")[1].GetProperty("derived").ValueKind);
        // No stated figure of USIP compares with MP-IDSA's yearly total, so the derived one does, and says it is derived.
        Assert.Contains("a total the editors derive as", read.GetProperty("agreement").GetProperty("rationale").GetString(), StringComparison.Ordinal);

        var page = await new HtmlParser().ParseDocumentAsync(await PageClient.For(app).GetPageAsync(Links.Claim(id, slug)));
        var card = page.QuerySelectorAll("article.citation-card").First(c => c.TextContent.Contains(UsipRate, StringComparison.Ordinal));
        Assert.Equal("$2,000 per soldier per month", card.QuerySelector(".figure-chip")!.TextContent);
        Assert.Equal("Derived (editor's arithmetic)", card.QuerySelector(".derived-figure")!.PreviousElementSibling!.TextContent);
        Assert.Equal(Described, card.QuerySelector(".derived-figure")!.TextContent);

        var csv = await ApiClient.For(app).GetStringAsync(new Uri("/exports/claims.csv", UriKind.Relative));
        Assert.Contains($",\"{Described}\"\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_from_a_claim_rests_on_every_document_the_claim_cites()
    {
        using var created = await (await EditorAsync()).PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative),
            Claim(("$2,000 per soldier per month", "about 10,000 troops", Seed.Claims.TroopsSentToRussia)));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);

        var derived = JsonDocument.Parse(body).RootElement.GetProperty("citations")[0].GetProperty("derived");
        Assert.Equal("USIP and MP-IDSA", derived.GetProperty("countSource").GetString());
        Assert.Equal(JsonValueKind.Null, derived.GetProperty("countAttribution").ValueKind);
        Assert.Contains("(USIP and MP-IDSA, the figure of claim troops-sent-to-russia)", derived.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_derivation_that_is_not_a_rate_times_a_count_or_whose_origin_does_not_exist_is_400_naming_the_field()
    {
        var client = await EditorAsync();
        async Task<string> RefusedAsync((string?, string?, string?) derived, string field)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), Claim(derived));
            var errors = (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error on {field}: {errors}");
            return messages[0].GetString()!;
        }
        const string Rate = "$2,000 per soldier per month";

        Assert.Equal("There is no claim 'no-such-claim' to take the count from.",
            await RefusedAsync((Rate, "10,000 troops", "no-such-claim"), "citations[0].derived.countFrom"));
        Assert.StartsWith($"Claim '{Seed.Claims.TroopsSentToRussia}' does not cite 'no-such-source'",
            await RefusedAsync((Rate, "10,000 troops", $"{Seed.Claims.TroopsSentToRussia}/no-such-source"), "citations[0].derived.countFrom"));
        Assert.Contains("is not a claim or a claim's citation",
            await RefusedAsync((Rate, "10,000 troops", "Not A Slug!"), "citations[0].derived.countFrom"), StringComparison.Ordinal);
        Assert.Equal("\"$20 million each month\" is not a stated rate per unit (such as \"$2,000 per soldier per month\").",
            await RefusedAsync(("$20 million each month", "10,000 troops", TroopsOfUsip), "citations[0].derived.rate"));
        Assert.Equal("\"$394 million\" is not a count (such as \"10,000 troops\").",
            await RefusedAsync((Rate, "$394 million", TroopsOfUsip), "citations[0].derived.count"));
        Assert.Equal("Give the count too, or clear the derived figure.",
            await RefusedAsync((Rate, null, TroopsOfUsip), "citations[0].derived.count"));
    }
}
