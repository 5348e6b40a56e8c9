using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Core.Accounts;

/// <summary>
/// Passwords: long enough, not on a list of common passwords, not the account's own email, and no composition
/// rules (digits, capitals, symbols), as NIST SP 800-63B advises. Hashed with PBKDF2 at
/// <see cref="HashIterations"/> iterations (Identity's format v3: HMAC-SHA512).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    /// <summary>Long enough for any passphrase; short enough that hashing it is not a denial of service.</summary>
    public const int MaximumLength = 256;

    /// <summary>OWASP's recommendation for PBKDF2-HMAC-SHA512.</summary>
    public const int HashIterations = 210_000;

    public const string Hint = "At least 8 characters. Any characters; a few unrelated words make a good password. Common passwords are refused.";

    private static readonly Lazy<FrozenSet<string>> LazyCommonPasswords = new(LoadCommonPasswords);

    /// <summary>The list of common passwords (lower case), from the embedded common-passwords.txt.</summary>
    public static FrozenSet<string> CommonPasswords => LazyCommonPasswords.Value;

    public static bool IsCommon(string password) =>
        CommonPasswords.Contains(password.Trim().ToLowerInvariant());

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("KnowledgeBase.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// Refuses common passwords, passwords that are the account's email or user name, and over-long passwords.
/// Identity's own validator checks the minimum length.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<EditorUser>
{
    public const string CommonCode = "CommonPassword";
    public const string ContextCode = "PasswordIsAccountName";
    public const string TooLongCode = "PasswordTooLong";

    public Task<IdentityResult> ValidateAsync(UserManager<EditorUser> manager, EditorUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // the length rule reports it
        }
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            return Failed(TooLongCode, $"Use at most {PasswordPolicy.MaximumLength} characters.");
        }
        if (PasswordPolicy.IsCommon(password))
        {
            return Failed(CommonCode, "That password is on a list of commonly used passwords. Choose a less common one.");
        }
        var lower = password.Trim().ToLowerInvariant();
        var email = user.Email?.Trim().ToLowerInvariant();
        var localPart = email?.Split('@')[0];
        if (lower == email || lower == user.UserName?.Trim().ToLowerInvariant() || (localPart?.Length >= 4 && lower == localPart))
        {
            return Failed(ContextCode, "The password must not be the account's email address or name.");
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
