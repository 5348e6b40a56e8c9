using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Editing;

/// <summary>Who acts: the signed-in user's id (the Identity user id) and the name revisions show.</summary>
public sealed record Editor(string Id, string DisplayName)
{
    internal void EnsureValid()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(DisplayName);
        if (Id.Length > EditLimits.AuthorId || DisplayName.Length > EditLimits.AuthorName)
        {
            throw new ArgumentException($"An editor's id is at most {EditLimits.AuthorId} characters and their name at most {EditLimits.AuthorName}.");
        }
    }
}
