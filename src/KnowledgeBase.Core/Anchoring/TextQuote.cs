using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Anchoring;

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
