using System.Net;
using System.Text.Json;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.IntegrationTests.Api;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Security;

/// <summary>A seeded app of its own: its test deletes content the shared app's tests count.</summary>
public sealed class DeletedContentApp : KnowledgeBaseApp;

/// <summary>
/// A deleted claim and a deleted source are gone for readers: from every list, search, export and API answer, and
/// their own addresses are 404 (issue 15 found a deleted source still in search results).
/// </summary>
public sealed class DeletedContentTests(DeletedContentApp app) : IClassFixture<DeletedContentApp>
{
    private const string ProbeSlug = "deleted-content-probe";
    private const string Usip = "usip-2024-seoul-response";
    private const string Idsa = "idsa-2024-south-korea-response";
    private const string ClaimSlug = "troops-in-kursk";
    private const string ClaimStatement = "About 8,000 of the North Korean troops in Russia have been deployed";
    private static readonly Editor Ada = new("user-ada", "Ada Editor");

    /// <summary>Every reader answer that lists, searches or exports claims or sources (the 200s only).</summary>
    private static async Task<List<string>> EveryListingAsync(HttpClient client)
    {
        var urls = new List<string>
        {
            "/", "/topics", "/sources", "/outlets", "/claims?size=100", "/claims?sort=agreement&size=100", "/compare",
            "/search?q=quarkbeam", "/search?q=Zyxwv", "/search?q=Kursk", "/search?q=%228%2C000%22+deployed",
            "/api/v1/claims?limit=100", "/api/v1/claims?q=Kursk&limit=100", "/api/v1/claims?q=quarkbeam", "/api/v1/sources?limit=100",
            "/api/v1/topics", "/api/v1/outlets",
            Links.ExportClaims("csv"), Links.ExportClaims("json"),
            Links.ExportReferences("csl-json"), Links.ExportReferences("bibtex"), Links.ExportReferences("ris"),
        };
        foreach (var topic in (await client.GetJsonAsync("/api/v1/topics")).EnumerateArray().Select(t => t.GetProperty("slug").GetString()!))
        {
            urls.Add(Links.Topic(topic) + "?size=100");
        }
        foreach (var outlet in (await client.GetJsonAsync("/api/v1/outlets")).EnumerateArray().Select(o => o.GetProperty("slug").GetString()!))
        {
            urls.Add(Links.Outlet(outlet, size: 100));
        }
        foreach (var source in (await client.GetJsonAsync("/api/v1/sources?limit=100")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("slug").GetString()!))
        {
            urls.AddRange([Links.Source(source), "/api/v1/sources/" + source, Links.ExportSourceReferences(source, "ris"), Links.Compare(source, source == Usip ? Idsa : Usip)]);
        }
        return urls;
    }

    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 1000)]}");
        return WebUtility.HtmlDecode(body);
    }

    [Fact]
    public async Task A_deleted_claim_and_a_deleted_source_appear_in_no_list_search_export_or_api_answer()
    {
        var client = ApiClient.For(app);
        long claimId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sources = scope.ServiceProvider.GetRequiredService<SourceEditing>();
            var created = (EditResult<SourceSnapshot>.Saved)await sources.CreateAsync(new SourceDraft
            {
                Slug = ProbeSlug,
                Title = "The Zyxwv Probe",
                ShortName = "Zyxwv",
                Publisher = "Probe Institute",
                Kind = "note",
                Published = "2025",
                BodyMarkdown = "A quarkbeam sentence that nothing cites.",
            }, Ada);
            // Seen before the deletion: the walk below would catch it.
            Assert.Contains(ProbeSlug, await BodyAsync(client, "/search?q=quarkbeam"), StringComparison.Ordinal);
            Assert.IsType<EditResult<SourceSnapshot>.Saved>(await sources.DeleteAsync((int)created.Id, created.Version, Ada));

            var claims = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
            claimId = (await app.ClaimAsync(ClaimSlug)).Id;
            Assert.Contains(ClaimSlug, await BodyAsync(client, "/search?q=Kursk"), StringComparison.Ordinal);
            Assert.IsType<EditResult<ClaimSnapshot>.Saved>(await claims.DeleteAsync(claimId, (await claims.FindAsync(claimId))!.Version, Ada));
        }

        var listings = await EveryListingAsync(client);
        var leaks = new List<string>();
        foreach (var url in listings)
        {
            var body = await BodyAsync(client, url);
            // Not the words searched for: a search page shows them back in its search box.
            foreach (var marker in new[] { ProbeSlug, "The Zyxwv Probe", "Probe Institute", "quarkbeam sentence", ClaimSlug, ClaimStatement })
            {
                if (body.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{url} shows '{marker}'");
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(listings.Count > 30, $"walked only {listings.Count} answers");
        foreach (var gone in new[]
        {
            Links.Source(ProbeSlug), "/api/v1/sources/" + ProbeSlug, Links.ExportSourceReferences(ProbeSlug, "ris"),
            Links.Claim(claimId, ClaimSlug), $"/api/v1/claims/{claimId}",
        })
        {
            using var response = await client.GetAsync(new Uri(gone, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{gone}: {(int)response.StatusCode}");
        }
        Assert.Equal(JsonValueKind.Array, (await client.GetJsonAsync("/api/v1/claims?q=quarkbeam")).GetProperty("items").ValueKind);
    }
}
