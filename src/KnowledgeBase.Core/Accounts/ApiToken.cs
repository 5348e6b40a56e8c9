using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeBase.Core.Accounts;

/// <summary>
/// A bearer token an administrator issued to an account for the write API. Only a SHA-256 hash of the token is
/// stored; the token itself (<c>kb_{prefix}_{secret}</c>) is shown once, when it is issued. The public
/// <see cref="Prefix"/> finds the row; the hash proves the rest. The token acts with the account's current role.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 12;
    public const int HashLength = 32;

    public long Id { get; set; }

    /// <summary>The account the token acts for; deleting the account deletes its tokens.</summary>
    public required string UserId { get; set; }

    /// <summary>What the token is for, as the administrator labelled it ("import script").</summary>
    public required string Name { get; set; }

    /// <summary>Lowercase hex, unique: shown in lists and used to look the token up.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token text.</summary>
    public required byte[] SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The administrator who issued it (null once that account is deleted, or when issued from the command line).</summary>
    public string? CreatedById { get; set; }

    /// <summary>Updated at most once a minute, so that using a token does not cost a write per request.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Null: does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedById { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens", t => t.HasCheckConstraint("ck_api_tokens_secret_hash_length", $"octet_length(secret_hash) = {ApiToken.HashLength}"));
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        builder.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength).IsFixedLength();
        builder.HasIndex(t => t.Prefix).IsUnique();
        // The admin page lists an account's tokens newest first.
        builder.HasIndex(t => new { t.UserId, t.CreatedAt });
        builder.HasOne<EditorUser>().WithMany().HasForeignKey(t => t.UserId).HasConstraintName("fk_api_tokens_users_user_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EditorUser>().WithMany().HasForeignKey(t => t.CreatedById).HasConstraintName("fk_api_tokens_users_created_by_id").OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<EditorUser>().WithMany().HasForeignKey(t => t.RevokedById).HasConstraintName("fk_api_tokens_users_revoked_by_id").OnDelete(DeleteBehavior.SetNull);
    }
}
