using System.Net;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgeBase.IntegrationTests.Api;

/// <summary>What the write API takes as a body, and how it refuses the rest (issue 15).</summary>
[Collection(ApiWriteCollection.Name)]
public sealed class ApiBodyTests(ApiWriteApp app)
{
    private const string UsipTroops = "North Korea has sent approximately 10,000 troops to Russia";

    private static string Claim(string figure = "about 10,000 troops", string citationFigure = "approximately 10,000 troops") => JsonSerializer.Serialize(new
    {
        statement = $"A body test claim {Guid.NewGuid():N}.",
        topics = new[] { "troop-deployment" },
        figure,
        citations = new[] { new { source = "usip-2024-seoul-response", quote = UsipTroops, stance = "supports", figure = citationFigure } },
    });

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType)
    {
        var client = ApiClient.For(app).WithToken((await app.ApiTokenAsync(Roles.Editor)).Token);
        var content = new ByteArrayContent(contentType.Contains("utf-16", StringComparison.OrdinalIgnoreCase) ? Encoding.Unicode.GetBytes(body) : Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.PostAsync(new Uri("/api/v1/claims", UriKind.Relative), content);
    }

    [Theory]
    [InlineData("figure")]
    [InlineData("citations[0].figure")]
    public async Task A_figure_too_large_to_compare_is_refused_by_its_field(string field)
    {
        const string huge = "100000000000000000000000000000 troops";
        using var response = await PostAsync(field == "figure" ? Claim(figure: huge) : Claim(citationFigure: huge), "application/json");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("/api#validation-failed", problem.GetProperty("type").GetString());
        Assert.Contains("too large", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    public async Task Json_in_utf8_is_taken(string contentType)
    {
        using var response = await PostAsync(Claim(), contentType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Any_other_media_type_or_charset_is_415(string contentType)
    {
        using var response = await PostAsync(Claim(), contentType);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("/api#invalid-body", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{\"statement\": \"a\", \"statement\": \"b\", \"topics\": [], \"citations\": []}", "statement")]
    [InlineData("{\"statement\": \"a\", \"topics\": [], \"citations\": [{\"source\": \"x\", \"quote\": \"q\", \"stance\": \"supports\", \"quote\": \"r\"}]}", "quote")]
    public async Task A_field_given_twice_is_refused(string body, string field)
    {
        using var response = await PostAsync(body, "application/json");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("/api#invalid-body", problem.GetProperty("type").GetString());
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_typed_as_a_formula_is_exported_to_csv_as_text()
    {
        var formula = $"=HYPERLINK(\"http://evil.example/{Guid.NewGuid():N}\",\"click\")";
        var claim = JsonSerializer.Serialize(new
        {
            statement = formula,
            topics = new[] { "troop-deployment" },
            citations = new[] { new { source = "usip-2024-seoul-response", quote = UsipTroops, stance = "supports", attribution = "@SUM(1+1)" } },
        });
        using var created = await PostAsync(claim, "application/json");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var csv = await ApiClient.For(app).GetStringAsync(new Uri("/exports/claims.csv", UriKind.Relative));

        var row = Assert.Single(csv.Split("\r\n"), line => line.Contains("evil.example", StringComparison.Ordinal));
        Assert.Contains(",\"'" + formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",", row, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1+1),", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_failure_is_problem_details_never_the_sites_html()
    {
        // No database answers on port 1: every query fails.
        using var broken = app.WithWebHostBuilder(b => b.UseSetting(
            "ConnectionStrings:KnowledgeBase", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2"));
        var client = ApiClient.For(broken);

        using var api = await client.GetAsync(new Uri("/api/v1/claims?flag=agree&limit=5", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/claims?flag=agree", UriKind.Relative));

        var body = await api.Content.ReadAsStringAsync();
        Assert.True((int)api.StatusCode >= 500, $"{(int)api.StatusCode}: {body}");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)api.StatusCode, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.True((int)page.StatusCode >= 500);
        Assert.NotEqual("application/problem+json", page.Content.Headers.ContentType?.MediaType);
    }
}
