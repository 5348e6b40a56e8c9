using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Agreement;

/// <summary>Whether the documents that cite a claim tell the same story.</summary>
public enum AgreementFlag
{
    /// <summary>Only one document states the claim.</summary>
    SingleSource,

    /// <summary>Every document that states it says the same thing, with the same figure if any.</summary>
    Agree,

    /// <summary>Same direction, but different or vaguer figures, or one document supports only part of it.</summary>
    Partial,

    /// <summary>The documents contradict each other.</summary>
    Conflict,
}

public static class AgreementFlagText
{
    public static string ToLabel(this AgreementFlag flag) => flag switch
    {
        AgreementFlag.SingleSource => "Single source",
        AgreementFlag.Agree => "Sources agree",
        AgreementFlag.Partial => "Partly agree",
        AgreementFlag.Conflict => "Sources conflict",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };
}
