namespace KnowledgeBase.Core.Agreement;

/// <summary>How a cited passage bears on its claim.</summary>
public enum Stance
{
    Supports,
    SupportsInPart,
    Contradicts,

    /// <summary>The passage is context: it touches the claim without stating or denying it.</summary>
    Mentions,
}

public static class StanceText
{
    public static string ToLabel(this Stance stance) => stance switch
    {
        Stance.Supports => "Supports",
        Stance.SupportsInPart => "Supports in part",
        Stance.Contradicts => "Contradicts",
        Stance.Mentions => "Mentions",
        _ => throw new ArgumentOutOfRangeException(nameof(stance)),
    };
}
