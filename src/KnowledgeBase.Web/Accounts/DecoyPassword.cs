using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Web.Accounts;

/// <summary>
/// A password check against a throwaway hash, made when a sign-in names no account: it costs what checking a
/// real account's password costs, so the answer's timing does not reveal which emails have accounts.
/// </summary>
internal static class DecoyPassword
{
    private static readonly EditorUser s_nobody = new() { UserName = "nobody" };
    private static string? s_hash;

    public static void Verify(IPasswordHasher<EditorUser> hasher, string password)
    {
        s_hash ??= hasher.HashPassword(s_nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(s_nobody, s_hash, password);
    }
}
