using KnowledgeBase.Core.Anchoring;

namespace KnowledgeBase.Web.Editing.Claims;

/// <summary>
/// Turns one candidate of an ambiguous quote into the prefix and suffix that single it out. A candidate's context is
/// "…{before}[{exact}]{after}…" with up to 40 characters each side; the words right before and after the quote are
/// the prefix and suffix the anchoring service narrows by.
/// </summary>
public static class CandidatePick
{
    private const int Around = 40;

    public static (string Prefix, string Suffix) ContextOf(AnchorCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var context = candidate.Context;
        var body = context.StartsWith('…') ? context[1..] : context;
        if (body.EndsWith('…'))
        {
            body = body[..^1];
        }
        var beforeLength = Math.Min(candidate.Start, Around);
        var exactLength = candidate.End - candidate.Start;
        if (beforeLength + exactLength + 2 > body.Length || body[beforeLength] != '[' || body[beforeLength + exactLength + 1] != ']')
        {
            // Not the shape we expect (line endings folded differently): fall back to the brackets.
            var open = body.IndexOf('[', StringComparison.Ordinal);
            var close = body.LastIndexOf(']');
            return open < 0 || close < open ? ("", "") : (body[..open].Trim(), body[(close + 1)..].Trim());
        }
        return (body[..beforeLength].Trim(), body[(beforeLength + exactLength + 2)..].Trim());
    }

    /// <summary>The candidate's context without its brackets, as a reader would read it, and where the quote lies in it.</summary>
    public static (string Before, string Exact, string After) Parts(AnchorCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var (prefix, suffix) = ContextOf(candidate);
        var context = candidate.Context;
        var open = context.IndexOf('[', StringComparison.Ordinal);
        var close = context.LastIndexOf(']');
        return (prefix, open >= 0 && close > open ? context[(open + 1)..close] : "", suffix);
    }
}
