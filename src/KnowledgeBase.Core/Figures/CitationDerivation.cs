namespace KnowledgeBase.Core.Figures;

/// <summary>
/// An editor's arithmetic on a citation, stored beside the figure as stated (never inside it): a rate in this
/// citation's words times a count from another claim. The count's origin is resolved when the claim is saved and its
/// document and attribution are kept with it, so every reader (the rule, the pages, the API) has them without a join;
/// a later save of the claim resolves them again.
/// </summary>
/// <param name="Rate">The per-unit rate, in this quote's words ("$2,000 per soldier per month").</param>
/// <param name="Count">The count it applies to, in the origin's words ("approximately 10,000 troops").</param>
/// <param name="CountFrom">Where the count is from: a claim's slug, or "claim-slug/source-slug" for that claim's citation of one document.</param>
/// <param name="CountSource">The document(s) the count rests on, as rationales name them ("USIP").</param>
/// <param name="CountAttribution">Whom that citation names as its source ("Washington estimates"), if anyone.</param>
public sealed record CitationDerivation(string Rate, string Count, string CountFrom, string CountSource, string? CountAttribution = null)
{
    /// <summary>The claim the count is from.</summary>
    public string CountClaim => CountFrom.Split('/')[0];

    /// <summary>As the rule and the pages read it; <paramref name="sourceName"/> and <paramref name="attribution"/> are this citation's.</summary>
    public FigureDerivation ToFigure(string sourceName, string? attribution) => new(
        new DerivationInput(FigureParser.Parse(Rate).Parts[0], new FigureOrigin(FigureOriginKind.ThisQuote, sourceName, Attribution: attribution)),
        new DerivationInput(
            FigureParser.Parse(Count).Parts[0],
            new FigureOrigin(CountFrom.Contains('/', StringComparison.Ordinal) ? FigureOriginKind.OtherCitation : FigureOriginKind.OtherClaim,
                CountSource, CountClaim, CountAttribution)));
}
