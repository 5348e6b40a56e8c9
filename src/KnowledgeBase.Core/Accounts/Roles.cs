namespace KnowledgeBase.Core.Accounts;

/// <summary>
/// The roles. Reading needs no account (a "Reader" is anyone, signed in or not); an account holds exactly one
/// of <see cref="Editor"/> or <see cref="Admin"/>. Authorization policies of the same names live in the web app.
/// </summary>
public static class Roles
{
    /// <summary>Anyone: no account and no role. Only a name for messages and test matrices; never stored.</summary>
    public const string Reader = "Reader";

    /// <summary>May add and edit sources, claims and citations.</summary>
    public const string Editor = "Editor";

    /// <summary>May do what an editor does, and manage accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>The roles an account can hold, least powerful first.</summary>
    public static IReadOnlyList<string> Assignable { get; } = [Editor, Admin];

    /// <summary>The stored role of that name (any case), or null when it is not one an account can hold.</summary>
    public static string? Parse(string? name) =>
        Assignable.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
