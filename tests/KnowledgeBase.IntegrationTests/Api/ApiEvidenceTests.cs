using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;

namespace KnowledgeBase.IntegrationTests.Api;

/// <summary>A citation's voice, certainty and as-of time through the write and read API, and into the exports.</summary>
[Collection(ApiWriteCollection.Name)]
public sealed class ApiEvidenceTests(ApiWriteApp app)
{
    private const string UsipTroops = "North Korea has sent approximately 10,000 troops to Russia";
    private const string IdsaTroops = "thousands of North Korean troops are reported to have been currently deployed in Russia";

    private async Task<HttpClient> EditorAsync() => ApiClient.For(app).WithToken((await app.ApiTokenAsync(Roles.Editor)).Token);

    private static object Claim(params object[] citations) => new
    {
        statement = $"An evidence test claim {Guid.NewGuid():N}.",
        topics = new[] { Seed.Topics.TroopDeployment },
        citations,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"answered {(int)response.StatusCode}, not {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static (string? Voice, string? Certainty, string? AsOf, string? AsOfWords) Evidence(JsonElement citation) =>
        (citation.GetProperty("voice").GetString(), citation.GetProperty("certainty").GetString(),
         citation.GetProperty("asOf").GetString(), citation.GetProperty("asOfWords").GetString());

    [Fact]
    public async Task Confirmed_evidence_is_stored_and_read_back_and_unconfirmed_evidence_reads_as_null()
    {
        var client = await EditorAsync();
        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), Claim(
            new
            {
                source = Seed.Usip.Slug,
                quote = UsipTroops,
                attribution = "Washington estimates",
                voice = "Attributed",
                certainty = "estimated",
                asOf = "2024-10-01/2024-10-31",
                asOfWords = "so far",
            },
            new { source = Seed.MpIdsa.Slug, quote = IdsaTroops }));
        var claim = await JsonAsync(created, HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetInt64();

        var read = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{id}");
        var citations = read.GetProperty("citations").EnumerateArray().ToList();
        // Slugs ignore case on the way in and are written in lower case; a whole month is written as the month.
        Assert.Equal(("attributed", "estimated", "2024-10", "so far"), Evidence(citations[0]));
        Assert.Equal((null, null, null, null), Evidence(citations[1]));
        Assert.Equal(Evidence(claim.GetProperty("citations")[0]), Evidence(citations[0]));

        var csv = await ApiClient.For(app).GetStringAsync(new Uri("/exports/claims.csv", UriKind.Relative));
        Assert.Contains($",attributed,estimated,2024-10,so far,\r\n", csv, StringComparison.Ordinal);
        var json = await ApiClient.For(app).GetJsonAsync("/exports/claims.json");
        var exported = json.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id).GetProperty("citations")[0];
        Assert.Equal(("attributed", "estimated", "2024-10", "so far"), Evidence(exported));
    }

    [Fact]
    public async Task Unknown_evidence_values_are_400_naming_each_field_and_its_choices()
    {
        var client = await EditorAsync();
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), Claim(
            new { source = Seed.Usip.Slug, quote = UsipTroops, voice = "loud", certainty = "sure", asOf = "last October" },
            new { source = Seed.MpIdsa.Slug, quote = IdsaTroops, asOf = "2024-11/2024-10" },
            new { source = Seed.MpIdsa.Slug, quote = UsipTroops, asOfWords = "in October" }));
        var errors = (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        string Message(string field) => errors.GetProperty(field)[0].GetString()!;
        Assert.Contains("use own, attributed or headline", Message("citations[0].voice"), StringComparison.Ordinal);
        Assert.Contains("stated, estimated, reported, claimed, expected or possible", Message("citations[0].certainty"), StringComparison.Ordinal);
        Assert.Contains("'last October' is not a date or period", Message("citations[0].asOf"), StringComparison.Ordinal);
        Assert.Contains("is not a date or period", Message("citations[1].asOf"), StringComparison.Ordinal);
        Assert.Equal("Give the date or period the words describe, or clear the words.", Message("citations[2].asOf"));
    }

    [Fact]
    public async Task The_openapi_document_names_the_voices_and_certainties()
    {
        var schemas = (await ApiClient.For(app).GetJsonAsync("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");
        List<string?> Words(string schema, string property) => schemas.GetProperty(schema).GetProperty("properties").GetProperty(property)
            .GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList();
        Assert.Equal(["own", "attributed", "headline", null], Words("ApiCitationInput", "voice"));
        Assert.Equal(["stated", "estimated", "reported", "claimed", "expected", "possible", null], Words("ApiCitationInput", "certainty"));
        Assert.Equal(["own", "attributed", "headline", null], Words("ApiCitation", "voice"));
        foreach (var field in new[] { "voice", "certainty", "asOf", "asOfWords" })
        {
            var property = schemas.GetProperty("ApiCitationInput").GetProperty("properties").GetProperty(field);
            Assert.False(string.IsNullOrEmpty(property.GetProperty("description").GetString()), $"ApiCitationInput.{field} is described");
        }
    }

    [Fact]
    public async Task A_write_answer_carries_the_statement_lints_warnings_and_a_read_has_none()
    {
        var client = await EditorAsync();
        // The only supporting quote is reported ("are reported to have been"); the statement says it as fact.
        using var firm = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), new
        {
            statement = $"Thousands of North Korean troops are deployed in Russia {Guid.NewGuid():N}.",
            topics = new[] { Seed.Topics.TroopDeployment },
            citations = new[] { new { source = Seed.MpIdsa.Slug, quote = IdsaTroops } },
        });
        var claim = await JsonAsync(firm, HttpStatusCode.Created);
        var warning = Assert.Single(claim.GetProperty("warnings").EnumerateArray());
        Assert.Equal("statement", warning.GetProperty("field").GetString());
        Assert.Contains("firmer", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("“are reported”", warning.GetProperty("message").GetString(), StringComparison.Ordinal);

        var read = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{claim.GetProperty("id").GetInt64()}");
        Assert.False(read.TryGetProperty("warnings", out _));

        using var hedged = await client.PostAsJsonAsync(new Uri("/api/v1/claims", UriKind.Relative), new
        {
            statement = $"Thousands of North Korean troops are reportedly deployed in Russia {Guid.NewGuid():N}.",
            topics = new[] { Seed.Topics.TroopDeployment },
            citations = new[] { new { source = Seed.MpIdsa.Slug, quote = IdsaTroops } },
        });
        Assert.Empty((await JsonAsync(hedged, HttpStatusCode.Created)).GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_warnings_of_a_write_answer()
    {
        var schemas = (await ApiClient.For(app).GetJsonAsync("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");
        var warnings = schemas.GetProperty("ApiClaim").GetProperty("properties").GetProperty("warnings");
        Assert.Contains("statement lint", warnings.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
