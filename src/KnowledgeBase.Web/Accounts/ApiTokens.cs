using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Accounts;

/// <summary>A token as lists show it: never its secret.</summary>
public sealed record ApiTokenRow(
    long Id, string Prefix, string Name, string OwnerEmail, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public string Status(DateTimeOffset now) =>
        RevokedAt is not null ? "revoked"
        : ExpiresAt <= now ? "expired"
        : "active";
}

/// <summary>A token just issued: <paramref name="Token"/> is the full text, to show once and never again.</summary>
public sealed record IssuedApiToken(ApiTokenRow Row, string Token);

/// <summary>What issuing came to: the token, or why not (<paramref name="Field"/> names the form field: "Name", "ExpiresAt" or "").</summary>
public sealed record ApiTokenIssue(IssuedApiToken? Issued, string? Field, string? Error)
{
    public bool Succeeded => Issued is not null;
}

/// <summary>Why a presented token was refused; only a token whose secret matched learns that it is revoked or expired.</summary>
public enum ApiTokenRefusal
{
    Malformed,
    Unknown,
    Revoked,
    Expired,
    AccountLocked,
}

/// <summary>The account a valid token acts for, with its roles as they are now.</summary>
public sealed record ApiTokenUser(long TokenId, string Prefix, string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Issuing, listing, revoking and checking API tokens. A token is <c>kb_</c>, a 12-hex-digit public prefix, <c>_</c>
/// and 32 random bytes in base64url; the database keeps the prefix and a SHA-256 of the whole text, so a leaked
/// database reveals no usable token (the secret has 256 bits, so a fast hash is enough: nothing to brute-force).
/// </summary>
public sealed class ApiTokens(KnowledgeBaseDb db, TimeProvider clock)
{
    public const string Scheme = "kb_";
    public const string NameField = "Name";
    public const string ExpiresField = "ExpiresAt";
    private const int SecretBytes = 32;

    /// <summary>How stale <see cref="ApiToken.LastUsedAt"/> may get: one write a minute per token at most.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiTokenIssue> IssueAsync(string userId, string? name, DateTimeOffset? expiresAt, string? issuedById, CancellationToken ct = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return new(null, NameField, "Name the token after what will use it, such as \"import script\".");
        }
        if (name.Length > ApiToken.NameMaxLength)
        {
            return new(null, NameField, $"Use at most {ApiToken.NameMaxLength} characters.");
        }
        if (name.Any(char.IsControl) || FieldRules.UnstorableText(name) is not null)
        {
            return new(null, NameField, "The name contains characters that cannot be stored (control characters or broken Unicode).");
        }
        var now = clock.GetUtcNow();
        if (expiresAt <= now)
        {
            return new(null, ExpiresField, "Choose an expiry in the future, or none.");
        }
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return new(null, "", "No such account.");
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ApiToken.PrefixLength / 2));
        var token = $"{Scheme}{prefix}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}";
        var entity = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = prefix,
            SecretHash = Hash(token),
            CreatedAt = now,
            CreatedById = issuedById,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new(new IssuedApiToken(new ApiTokenRow(entity.Id, prefix, name, "", now, null, null, expiresAt, null), token), null, null);
    }

    /// <summary>
    /// An account's tokens (null: everyone's), newest first, in one query; an account has a handful, and the index on
    /// (user_id, created_at) serves the admin page's list.
    /// </summary>
    public Task<List<ApiTokenRow>> ListAsync(string? userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking()
            .Where(t => userId == null || t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(
                t.Id, t.Prefix, t.Name,
                db.Users.Where(u => u.Id == t.UserId).Select(u => u.Email ?? u.UserName ?? "").FirstOrDefault() ?? "",
                t.CreatedAt,
                db.Users.Where(u => u.Id == t.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);

    /// <summary>Revokes the token with that prefix (of that account, when given); false when there is none, or it is revoked already.</summary>
    public async Task<bool> RevokeAsync(string prefix, string? userId, string? revokedById, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var tokens = db.ApiTokens.Where(t => t.Prefix == prefix && t.RevokedAt == null);
        if (userId is not null)
        {
            tokens = tokens.Where(t => t.UserId == userId);
        }
        return await tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedById, revokedById), ct) > 0;
    }

    /// <summary>
    /// The account a presented token acts for, or why it is refused. One indexed query (token, account and roles);
    /// the hashes are compared in constant time.
    /// </summary>
    public async Task<(ApiTokenUser? User, ApiTokenRefusal? Refusal)> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        if (ParsePrefix(presented) is not { } prefix)
        {
            return (null, ApiTokenRefusal.Malformed);
        }
        var row = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Prefix == prefix)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Id,
                t.SecretHash,
                t.RevokedAt,
                t.ExpiresAt,
                t.LastUsedAt,
                UserId = u.Id,
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null || !CryptographicOperations.FixedTimeEquals(row.SecretHash, Hash(presented)))
        {
            return (null, ApiTokenRefusal.Unknown);
        }
        var now = clock.GetUtcNow();
        if (row.RevokedAt is not null)
        {
            return (null, ApiTokenRefusal.Revoked);
        }
        if (row.ExpiresAt <= now)
        {
            return (null, ApiTokenRefusal.Expired);
        }
        if (row.LockoutEnd > now)
        {
            return (null, ApiTokenRefusal.AccountLocked);
        }
        if (row.LastUsedAt is null || row.LastUsedAt < now - LastUsedResolution)
        {
            // Conditional, so concurrent requests of one token write at most once.
            var stale = now - LastUsedResolution;
            await db.ApiTokens.Where(t => t.Id == row.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        var name = string.IsNullOrWhiteSpace(row.DisplayName) ? row.Email ?? row.UserId : row.DisplayName;
        return (new ApiTokenUser(row.Id, prefix, row.UserId, name, row.Email ?? "", row.Roles), null);
    }

    /// <summary>The public prefix of text shaped like a token (<c>kb_</c> + 12 hex digits + <c>_</c> + secret), or null.</summary>
    public static string? ParsePrefix(string? token)
    {
        const int secretStart = 3 + ApiToken.PrefixLength + 1;
        if (token is null || token.Length < secretStart + 40 || token.Length > 200 || !token.StartsWith(Scheme, StringComparison.Ordinal)
            || token[secretStart - 1] != '_')
        {
            return null;
        }
        var prefix = token.Substring(Scheme.Length, ApiToken.PrefixLength);
        return prefix.All(char.IsAsciiHexDigitLower) ? prefix : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
