namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// How surely a passage asserts what it says, read from its own words. The members run from firmest to weakest, so
/// a larger value is a weaker assertion; that order is what "firmer than" means in the agreement rule and the
/// statement lint:
/// <list type="number">
/// <item>Stated: asserted as fact, or "confirmed".</item>
/// <item>Estimated: an estimate ("estimated", "Washington estimates"): the fact is asserted, its size is judged.</item>
/// <item>Reported: passed on from others ("reportedly", "according to", "were reported", "apparently").</item>
/// <item>Claimed: a party's own assertion, not checked ("has claimed", "alleged").</item>
/// <item>Expected: a forecast of what has not happened yet ("is expected to", "stands to", "predicted").</item>
/// <item>Possible: a possibility or a judgement of likelihood ("might", "could", "may", "possibly", "probably").</item>
/// </list>
/// </summary>
public enum Certainty
{
    Stated,
    Estimated,
    Reported,
    Claimed,
    Expected,
    Possible,
}

public static class CertaintyText
{
    public static string ToLabel(this Certainty certainty) => certainty switch
    {
        Certainty.Stated => "Stated",
        Certainty.Estimated => "Estimated",
        Certainty.Reported => "Reported",
        Certainty.Claimed => "Claimed by a party",
        Certainty.Expected => "Expected",
        Certainty.Possible => "Possible",
        _ => throw new ArgumentOutOfRangeException(nameof(certainty)),
    };

    /// <summary>Anything short of <see cref="Certainty.Stated"/> is a hedge.</summary>
    public static bool IsHedged(this Certainty certainty) => certainty != Certainty.Stated;

    public static bool IsFirmerThan(this Certainty certainty, Certainty other) => certainty < other;

    /// <summary>The weaker of two certainties: a statement must not be firmer than any hedge it rests on.</summary>
    public static Certainty Weaker(Certainty a, Certainty b) => a > b ? a : b;

    /// <summary>How a rationale says it: "as an estimate", "as a possibility"; nothing for a plain statement.</summary>
    internal static string AsPhrase(this Certainty certainty) => certainty switch
    {
        Certainty.Estimated => "as an estimate",
        Certainty.Reported => "as a report",
        Certainty.Claimed => "as a party's claim",
        Certainty.Expected => "as an expectation",
        Certainty.Possible => "as a possibility",
        _ => "",
    };
}
