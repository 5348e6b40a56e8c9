using System.Security.Claims;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Editing;

/// <summary>What an editor page would give its editor state: the app's scopes, and the account signed in on the circuit.</summary>
public static class EditorSessions
{
    public static EditorOperations OperationsFor(this KnowledgeBaseApp app, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(account);
        // The claims a sign-in cookie carries; the account itself is read again on every write.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Id), new Claim(ClaimTypes.Name, account.Email), new Claim(ClaimTypes.Role, account.Role ?? "")],
            authenticationType: "test"));
        return new EditorOperations(app.Services.GetRequiredService<IServiceScopeFactory>(), () => Task.FromResult(principal));
    }
}
