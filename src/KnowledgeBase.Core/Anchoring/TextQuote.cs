namespace KnowledgeBase.Core.Anchoring;

/// <summary>
/// Where a quote sits in a document's canonical text, in the shape of the W3C Web Annotation TextQuoteSelector
/// (exact, prefix, suffix) and TextPositionSelector (start, end: UTF-16 offsets, end exclusive).
/// </summary>
public sealed record TextAnchor(int Start, int End, string Exact, string Prefix, string Suffix)
{
    /// <summary>How much context is kept on each side, as annotation tools usually keep.</summary>
    public const int ContextLength = 32;

    public static TextAnchor At(string text, int start, int end) => new(
        start,
        end,
        text[start..end],
        text[Math.Max(0, start - ContextLength)..start],
        text[end..Math.Min(text.Length, end + ContextLength)]);
}

/// <summary>One place a quote was found, with a little context, so an editor can choose between candidates.</summary>
public sealed record AnchorCandidate(int Start, int End, string Context);

public enum AnchorOutcome
{
    Found,
    NotFound,
    Ambiguous,
}

public sealed record AnchorResult(AnchorOutcome Outcome, TextAnchor? Anchor, IReadOnlyList<AnchorCandidate> Candidates)
{
    public string Describe() => Outcome switch
    {
        AnchorOutcome.Found => $"found at {Anchor!.Start}–{Anchor.End}",
        AnchorOutcome.NotFound when Candidates.Count > 0 =>
            $"the quote occurs {Candidates.Count} time{(Candidates.Count == 1 ? "" : "s")}, but never with the given prefix/suffix: "
            + string.Join("; ", Candidates.Select(c => $"at {c.Start}: “{c.Context}”")),
        AnchorOutcome.NotFound => "the quote is not in the document",
        _ => $"the quote occurs {Candidates.Count} times and its prefix/suffix do not single one out: "
             + string.Join("; ", Candidates.Select(c => $"at {c.Start}: “{c.Context}”")),
    };
}
