using System.Net;
using System.Text.Json;
using KnowledgeBase.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeBase.IntegrationTests.Api;

/// <summary>An anonymous API client with an address of its own, so the tests' requests do not share a rate-limit window.</summary>
internal static class ApiClient
{
    private static int _next;

    public static HttpClient For(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, NewAddress());
        return client;
    }

    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{Environment.ProcessId % 200}.{n / 250}.{n % 250 + 1}";
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem details answer and returns it.</summary>
    public static async Task<JsonElement> GetProblemAsync(this HttpClient client, string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.ReadProblemAsync(status);
    }

    /// <summary>Asserts that the answer is an RFC 9457 problem details document of that status, and returns it.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        var request = response.RequestMessage;
        Assert.True(response.StatusCode == status, $"{request?.Method} {request?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>
    /// Writes an empty claim with the token: validation refuses it (400) once the token is authorized, so nothing is
    /// written; an unauthorized token gets 401 or 403.
    /// </summary>
    public static async Task<HttpStatusCode> WriteEmptyClaimAsync(this WebApplicationFactory<Program> app, string token)
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await For(app).WithToken(token).PostAsync(new Uri("/api/v1/claims", UriKind.Relative), content);
        return response.StatusCode;
    }
}
