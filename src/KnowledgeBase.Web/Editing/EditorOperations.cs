using System.Security.Claims;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Web.Editing;

/// <summary>
/// How the interactive editors reach the database, and as whom they write.
/// <para>
/// The DbContext lifetime rule for interactive pages, enforced here: one DI scope per operation (a load, a preview, a
/// save), so each operation gets a fresh DbContext and fresh editing services, disposed when it ends. An interactive
/// page lives as long as its circuit (the browser tab), and anything scoped injected into it lives as long: a DbContext
/// that old would serve stale tracked rows, carry a failed save's leftovers into the next, and is not safe for the
/// overlapping calls a page makes (a preview while a save runs). So no editor page or editor state class injects a
/// DbContext or an editing service; they ask for them here, per operation.
/// </para>
/// </summary>
/// <param name="user">The circuit's user, read when a write starts.</param>
public sealed class EditorOperations(IServiceScopeFactory scopes, Func<Task<ClaimsPrincipal>> user)
{
    /// <summary>A read in a scope of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    /// <summary>
    /// A write in a scope of its own, as the editor acting now; null, with nothing done, when the account may no longer
    /// edit. The circuit outlives the request that opened it, so the page's [Authorize] is not enough: every write reads
    /// the stored account and its role again (a role can be taken away, an account locked, mid-session).
    /// </summary>
    public async Task<T?> WriteAsync<T>(Func<IServiceProvider, Editor, Task<T>> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var scope = scopes.CreateAsyncScope();
        return await CurrentEditorAsync(scope.ServiceProvider) is { } editor ? await write(scope.ServiceProvider, editor) : null;
    }

    private async Task<Editor?> CurrentEditorAsync(IServiceProvider services)
    {
        var principal = await user();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !(await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Policies.Editor)).Succeeded)
        {
            return null;
        }
        var users = services.GetRequiredService<UserManager<EditorUser>>();
        return await users.FindByIdAsync(id) is { } account && !await users.IsLockedOutAsync(account)
            && (await users.IsInRoleAsync(account, Roles.Editor) || await users.IsInRoleAsync(account, Roles.Admin))
            ? new Editor(account.Id, string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email ?? account.Id : account.DisplayName)
            : null;
    }
}
