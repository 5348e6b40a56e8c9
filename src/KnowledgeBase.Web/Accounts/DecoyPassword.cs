using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// A password check against a throwaway hash, made when a sign-in names no account: it costs what checking a
/// real account's password costs, so the answer's timing does not reveal which emails have accounts.
/// </summary>
internal static class DecoyPassword
{
    private static readonly EditorUser Nobody = new() { UserName = "nobody" };
    private static string? _hash;

    public static void Verify(IPasswordHasher<EditorUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
