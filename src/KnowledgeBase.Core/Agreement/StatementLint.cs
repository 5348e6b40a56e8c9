namespace KnowledgeBase.Core.Agreement;

/// <summary>Whether lint findings only warn (editor, API) or fail the run (seed import with --strict).</summary>
public enum LintMode
{
    Warn,
    Strict,
}

/// <summary>A statement firmer than every quote that supports it.</summary>
/// <param name="Claim">The claim it concerns (its slug), or empty when checking one statement on its own.</param>
/// <param name="StatementCertainty">How firmly the statement speaks, from its own words.</param>
/// <param name="QuoteCertainty">How firmly the firmest supporting quote speaks.</param>
/// <param name="Hedges">The supporting quotes' hedge words, as written, which the statement drops.</param>
public sealed record StatementWarning(string Claim, Certainty StatementCertainty, Certainty QuoteCertainty, IReadOnlyList<string> Hedges, string Message);

public sealed record LintReport(IReadOnlyList<StatementWarning> Warnings, LintMode Mode)
{
    public bool Fails => Mode == LintMode.Strict && Warnings.Count > 0;
}

/// <summary>
/// Warns when a claim's statement says more surely than any of its sources: the statement's certainty (read from
/// its own words by <see cref="HedgeWords"/>) is firmer than the certainty of every supporting citation (a cited
/// headline counting as reported at most). A statement as firm as one of its quotes passes, since that quote carries
/// it; quotes that contradict or only mention the claim are not its support.
/// </summary>
public static class StatementLint
{
    public static StatementWarning? Check(string statement, IReadOnlyList<CitationEvidence> citations, string claim = "")
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(citations);
        var support = citations.Where(c => c.Stance is Stance.Supports or Stance.SupportsInPart).ToList();
        if (support.Count == 0)
        {
            return null;
        }
        var stated = HedgeWords.Propose(statement).Certainty;
        var firmest = support.Min(c => c.EffectiveCertainty);
        if (!stated.IsFirmerThan(firmest))
        {
            return null;
        }
        var hedges = support
            .SelectMany(c => HedgeWords.Propose(c.Quote, c.Attribution).Triggers
                .Where(t => t.Certainty.IsHedged())
                .Select(t => t.Words)
                .DefaultIfEmpty(c.Voice == Voice.Headline ? "a cited headline" : null))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var said = hedges.Count == 0 ? "" : ": " + string.Join(", ", hedges.Select(h => $"“{h}”"));
        var message = $"The statement is firmer ({stated.ToLabel().ToLowerInvariant()}) than every supporting quote (at most {firmest.ToLabel().ToLowerInvariant()}{said}); keep the sources' hedge.";
        return new StatementWarning(claim, stated, firmest, hedges, message);
    }

    /// <summary>Lints many claims at once, as the seed import does.</summary>
    public static LintReport Check(IEnumerable<(string Claim, string Statement, IReadOnlyList<CitationEvidence> Citations)> claims, LintMode mode)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var warnings = claims.Select(c => Check(c.Statement, c.Citations, c.Claim)).OfType<StatementWarning>().ToList();
        return new LintReport(warnings, mode);
    }
}
