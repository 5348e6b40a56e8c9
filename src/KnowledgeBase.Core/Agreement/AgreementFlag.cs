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

    /// <summary>The documents contradict each other: the same thing, the same time, incompatible, and both firm.</summary>
    Conflict,

    /// <summary>
    /// The documents differ, but about different times (a stance or a figure that changed): a timeline, not a
    /// contradiction. Added last, so the stored slugs of the other flags are unchanged.
    /// </summary>
    Timeline,
}

public static class AgreementFlagText
{
    public static string ToLabel(this AgreementFlag flag) => flag switch
    {
        AgreementFlag.SingleSource => "Single source",
        AgreementFlag.Agree => "Sources agree",
        AgreementFlag.Partial => "Partly agree",
        AgreementFlag.Conflict => "Sources conflict",
        AgreementFlag.Timeline => "Changed over time",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };


    /// <summary>One sentence per flag, for a badge's title and the "About the flags" page.</summary>
    public static string Explanation(this AgreementFlag flag) => flag switch
    {
        AgreementFlag.SingleSource => "Only one document in the knowledge base states the claim, so nothing confirms or contradicts it yet.",
        AgreementFlag.Agree => "Every document that addresses the claim states it, equally firmly, with the same figure if any.",
        AgreementFlag.Partial => "The documents point the same way but differ: a vaguer or different figure, support for only part of the claim, or a hedged account (estimated, reported, claimed, expected or possible) against a firm one.",
        AgreementFlag.Conflict => "The documents contradict each other about the same thing at the same time, and both say so firmly.",
        AgreementFlag.Timeline => "The documents differ, but they describe different times: a stance or a figure that changed, not a contradiction.",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };

    /// <summary>The text of the "About the flags" page (Markdown), which every badge links to.</summary>
    public const string AboutTheFlags = """
        ## About the flags

        Each claim's flag is derived by a rule from what its documents say; editors do not type it in (they may
        override it, with a reason that is shown). For each citation the knowledge base records:

        - its **stance**: supports, supports in part, contradicts, or only mentions the claim;
        - its **voice**: the document's own words, words it attributes to a named party, or only the headline of a work
          it cites;
        - its **certainty**, from the words themselves, firmest first: stated (or "confirmed"), estimated, reported
          ("reportedly", "according to"), claimed by a party, expected (a forecast), possible ("might", "could");
          a cited headline counts as reported at most, since the document only passes it on;
        - its **as-of time**: the date or period the sentence describes ("In October 2024", "so far"), or, when the
          sentence names none, the document's publication date, shown as a default;
        - its **figure** as the source states it; a total the editors work out (a rate times a count) is shown as a
          separate, derived step, with where each number comes from, and a stated total is preferred to it.

        Every two documents are compared, and the claim shows the most serious result:

        - **Sources conflict**: the same thing, the same time, incompatible (opposite stances, or figures more than a
          factor of two apart), and both documents firm.
        - **Changed over time**: the documents differ, but about different times (as-of times that do not overlap).
        - **Partly agree**: the same direction, but a vaguer or different figure (shares are compared in percentage
          points), support for only part of the claim, or a hedged account against a firm one.
        - **Sources agree**: every document states the claim, equally firmly, with the same figure if any.
        - **Single source**: only one document states it.

        **Independent roots.** Two documents resting on the same outlet, agency or named party (say, both on Yonhap
        copy) are not independent confirmation: the rationale says so, and the claim counts that root once. Filter
        for claims with a single independent root to find those that rest on one source, whatever their flag.

        The compare page also gives a verdict for the two documents compared, by the same rule over only their
        citations, next to the claim's flag over all documents.
        """;
}
