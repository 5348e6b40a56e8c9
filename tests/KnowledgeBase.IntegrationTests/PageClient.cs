using System.Net;
using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeBase.IntegrationTests;

/// <summary>Fetches pages the way a browser without script would, without following redirects.</summary>
public static class PageClient
{
    public static HttpClient For(KnowledgeBaseApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        return WebUtility.HtmlDecode(body);
    }
}
