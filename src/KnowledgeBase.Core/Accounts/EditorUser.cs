using Microsoft.AspNetCore.Identity;

namespace KnowledgeBase.Core.Accounts;

/// <summary>
/// An account: an editor or administrator. Readers need no account. The user name is the email address;
/// <see cref="DisplayName"/> is what the site shows (in the header, and later on revisions).
/// </summary>
public sealed class EditorUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
