using System.Globalization;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Accounts;

/// <summary>An account as the admin pages and `user list` show it.</summary>
public sealed record UserRow(string Id, string Email, string DisplayName, string Role, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt)
{
    public bool IsLocked(DateTimeOffset now) => LockoutEnd > now;

    public bool IsLockedByAdministrator => LockoutEnd >= UserAccounts.LockedByAdministrator;

    public string Status(DateTimeOffset now) =>
        IsLockedByAdministrator ? "locked by an administrator"
        : IsLocked(now) ? $"locked until {LockoutEnd!.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (failed sign-ins)"
        : "active";
}

public sealed record UserPage(IReadOnlyList<UserRow> Users, string? NextCursor);

/// <summary>Accounts, read with one query each: the role comes in the same query as a correlated sub-select.</summary>
public static class UserQueries
{
    public const int PageSize = 50;

    private static IQueryable<UserRow> Rows(KnowledgeBaseDb db, IQueryable<EditorUser> users) =>
        users.Select(u => new UserRow(
            u.Id,
            u.Email ?? u.UserName ?? "",
            u.DisplayName,
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                .OrderBy(n => n).FirstOrDefault() ?? Roles.Reader,
            u.LockoutEnd,
            u.CreatedAt));

    /// <summary>A page of accounts by email, keyset-paged on (normalized email, id).</summary>
    public static async Task<UserPage> PageAsync(KnowledgeBaseDb db, string? afterEmail, string? afterId, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (afterEmail is not null && afterId is not null)
        {
            // string.Compare becomes SQL `>`, which compares in the database's collation, as ORDER BY sorts.
#pragma warning disable CA1309
            users = users.Where(u => string.Compare(u.NormalizedEmail, afterEmail) > 0
                || (u.NormalizedEmail == afterEmail && string.Compare(u.Id, afterId) > 0));
#pragma warning restore CA1309
        }
        var rows = await Rows(db, users.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id).Take(PageSize + 1))
            .ToListAsync(cancellationToken);
        // The rows keep their order (the projection keeps the ordered sub-query's order).
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            next = Cursor.Encode(last.Email.ToUpperInvariant(), last.Id); // Identity's normalized email
        }
        return new UserPage(rows, next);
    }

    /// <summary>Decodes a cursor of <see cref="PageAsync"/>; false when it is not one.</summary>
    public static bool TryDecodeCursor(string? cursor, out string email, out string id)
    {
        email = id = "";
        if (Cursor.Decode(cursor, 2) is not [var e, var i] || e.Length == 0 || i.Length == 0)
        {
            return false;
        }
        (email, id) = (e, i);
        return true;
    }

    public static Task<UserRow?> FindAsync(KnowledgeBaseDb db, string id, CancellationToken cancellationToken) =>
        Rows(db, db.Users.AsNoTracking().Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Every account, for `user list` (an installation has a handful).</summary>
    public static Task<List<UserRow>> AllAsync(KnowledgeBaseDb db) =>
        Rows(db, db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)).ToListAsync();
}
