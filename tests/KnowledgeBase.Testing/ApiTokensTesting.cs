using System.Net.Http.Headers;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Testing;

/// <summary>API tokens for tests, issued the way the admin page issues them.</summary>
public static class ApiTokensTesting
{
    /// <summary>Issues a token to the account and returns its full text (shown once).</summary>
    public static async Task<string> IssueApiTokenAsync(this KnowledgeBaseApp app, TestAccount account, DateTimeOffset? expiresAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(account.Id, "test client", expiresAt, null);
        return issued.Issued?.Token ?? throw new InvalidOperationException(issued.Error);
    }

    /// <summary>A new account with that role (null: none) and a token of its own.</summary>
    public static async Task<(TestAccount Account, string Token)> ApiTokenAsync(this KnowledgeBaseApp app, string? role)
    {
        var account = await app.CreateAccountAsync(role);
        return (account, await app.IssueApiTokenAsync(account));
    }

    /// <summary>The client sends the token as <c>Authorization: Bearer …</c> with every request.</summary>
    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
