using System.Net.Mail;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Accounts;

/// <summary>The outcome of an account change: success, or messages keyed by the form field they belong to.</summary>
public sealed record AccountResult(EditorUser? User, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The key of an error that belongs to no single field.</summary>
    public const string General = "";

    public bool Succeeded => Errors.Count == 0;

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public static AccountResult Ok(EditorUser user) => new(user, new Dictionary<string, string>());

    public static AccountResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Creating and managing accounts, with every rule checked here: used by the admin pages and by
/// `kb user add`. Role changes, locks and deletions also renew the account's security stamp, so its open
/// sessions end within the validation interval. Nobody can demote, lock or delete their own account, so the
/// administrator doing it is always left, and there is always at least one.
/// </summary>
public sealed class UserAccounts(UserManager<EditorUser> users, KnowledgeBaseDb db, TimeProvider time)
{
    public const string EmailField = "Email";
    public const string DisplayNameField = "DisplayName";
    public const string RoleField = "Role";
    public const string PasswordField = "Password";

    /// <summary>The lockout end an administrator's lock sets: "until unlocked".</summary>
    public static readonly DateTimeOffset LockedByAdministrator = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<AccountResult> CreateAsync(string? email, string? displayName, string? role, string? password)
    {
        var errors = new Dictionary<string, string>();
        email = email?.Trim() ?? "";
        displayName = displayName?.Trim() ?? "";
        if (CheckEmail(email) is { } emailError)
        {
            errors[EmailField] = emailError;
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors[EmailField] = "An account with that email already exists.";
        }
        if (displayName.Length == 0 && errors.Count == 0)
        {
            displayName = email.Split('@')[0];
        }
        if (displayName.Length > EditorUser.DisplayNameMaxLength)
        {
            errors[DisplayNameField] = $"Use at most {EditorUser.DisplayNameMaxLength} characters.";
        }
        else if (!TextRules.IsClean(displayName))
        {
            errors[DisplayNameField] = "The name contains characters that cannot be stored (control characters or broken Unicode).";
        }
        var storedRole = Roles.Parse(role);
        if (storedRole is null)
        {
            errors[RoleField] = $"Choose a role: {string.Join(" or ", Roles.Assignable)}.";
        }
        if (CheckPasswordText(password) is { } passwordError)
        {
            errors[PasswordField] = passwordError;
        }
        var user = new EditorUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = time.GetUtcNow() };
        if (!errors.ContainsKey(PasswordField))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                if (!result.Succeeded)
                {
                    errors[PasswordField] = string.Join(" ", result.Errors.Select(e => e.Description));
                    break;
                }
            }
        }
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        // The account and its role together, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync();
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password!);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same email a moment ago: the unique index refused this one.
            return AccountResult.Fail(EmailField, "An account with that email already exists.");
        }
        if (!created.Succeeded)
        {
            return new AccountResult(null, FieldErrors(created));
        }
        var added = await users.AddToRoleAsync(user, storedRole!);
        if (!added.Succeeded)
        {
            return new AccountResult(null, FieldErrors(added));
        }
        await transaction.CommitAsync();
        return AccountResult.Ok(user);
    }

    public async Task<AccountResult> ChangeRoleAsync(string userId, string? role, string actorId)
    {
        if (Roles.Parse(role) is not { } storedRole)
        {
            return AccountResult.Fail(RoleField, $"Choose a role: {string.Join(" or ", Roles.Assignable)}.");
        }
        var (user, refusal) = await FindOtherAsync(userId, actorId, "change your own role");
        if (refusal is not null)
        {
            return refusal;
        }
        var current = await users.GetRolesAsync(user!);
        if (current.Count == 1 && current[0] == storedRole)
        {
            return AccountResult.Ok(user!);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await users.RemoveFromRolesAsync(user!, current);
        if (!removed.Succeeded)
        {
            return new AccountResult(null, FieldErrors(removed));
        }
        var added = await users.AddToRoleAsync(user!, storedRole);
        if (!added.Succeeded)
        {
            return new AccountResult(null, FieldErrors(added));
        }
        await users.UpdateSecurityStampAsync(user!);
        await transaction.CommitAsync();
        return AccountResult.Ok(user!);
    }

    /// <summary>Locks an account until an administrator unlocks it, and ends its sessions.</summary>
    public async Task<AccountResult> LockAsync(string userId, string actorId)
    {
        var (user, refusal) = await FindOtherAsync(userId, actorId, "lock your own account");
        if (refusal is not null)
        {
            return refusal;
        }
        await users.SetLockoutEnabledAsync(user!, true);
        await users.SetLockoutEndDateAsync(user!, LockedByAdministrator);
        await users.UpdateSecurityStampAsync(user!);
        return AccountResult.Ok(user!);
    }

    /// <summary>Lifts a lock, whether an administrator's or one after too many failed sign-ins.</summary>
    public async Task<AccountResult> UnlockAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountResult.Fail(AccountResult.General, "No such account.");
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AccountResult.Ok(user);
    }

    public async Task<AccountResult> DeleteAsync(string userId, string actorId)
    {
        var (user, refusal) = await FindOtherAsync(userId, actorId, "delete your own account");
        if (refusal is not null)
        {
            return refusal;
        }
        var deleted = await users.DeleteAsync(user!);
        return deleted.Succeeded ? AccountResult.Ok(user!) : new AccountResult(null, FieldErrors(deleted));
    }

    private async Task<(EditorUser? User, AccountResult? Refusal)> FindOtherAsync(string userId, string actorId, string what)
    {
        if (userId == actorId)
        {
            return (null, AccountResult.Fail(AccountResult.General, $"You cannot {what}; another administrator can."));
        }
        return await users.FindByIdAsync(userId) is { } user
            ? (user, null)
            : (null, AccountResult.Fail(AccountResult.General, "No such account."));
    }

    /// <summary>The problem with an email address, or null when it is usable as an account name.</summary>
    public static string? CheckEmail(string email)
    {
        if (email.Length == 0)
        {
            return "Enter the email address the person signs in with.";
        }
        if (email.Length > EditorUser.EmailMaxLength)
        {
            return $"Use at most {EditorUser.EmailMaxLength} characters.";
        }
        if (!TextRules.IsClean(email) || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('@', StringComparison.Ordinal))
        {
            return "Enter an email address such as name@example.org.";
        }
        if (email.Any(c => !(char.IsAsciiLetterOrDigit(c) || "-._@+".Contains(c, StringComparison.Ordinal))))
        {
            return "Use only letters, digits and - . _ @ + in the email address.";
        }
        return null;
    }

    private static string? CheckPasswordText(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return $"Enter a password of at least {PasswordPolicy.MinimumLength} characters.";
        }
        if (password.Length < PasswordPolicy.MinimumLength)
        {
            return $"Use at least {PasswordPolicy.MinimumLength} characters (this one has {password.Length}).";
        }
        return TextRules.IsClean(password) ? null : "The password contains characters that cannot be used (control characters or broken Unicode).";
    }

    private static Dictionary<string, string> FieldErrors(IdentityResult result)
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.Contains("Password", StringComparison.Ordinal) => PasswordField,
                _ when error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) => EmailField,
                _ when error.Code.Contains("Role", StringComparison.Ordinal) => RoleField,
                _ => AccountResult.General,
            };
            errors[field] = errors.TryGetValue(field, out var earlier) ? earlier + " " + error.Description : error.Description;
        }
        return errors;
    }
}

/// <summary>Text that PostgreSQL and the page can hold: no NUL or other control characters, no lone surrogates.</summary>
public static class TextRules
{
    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.IsLowSurrogate(c))
            {
                return false;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
