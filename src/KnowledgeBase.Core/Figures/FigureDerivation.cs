namespace KnowledgeBase.Core.Figures;

/// <summary>Where an input of a derivation comes from.</summary>
public enum FigureOriginKind
{
    /// <summary>The words of the citation the derivation belongs to.</summary>
    ThisQuote,

    /// <summary>Another citation's words (of this or another claim).</summary>
    OtherCitation,

    /// <summary>Another claim's figure.</summary>
    OtherClaim,
}

/// <summary>An input's provenance: what kind, which document, and which citation or claim.</summary>
/// <param name="SourceName">The document the input is from, as a rationale names it ("USIP").</param>
/// <param name="Reference">The other claim's slug (the claim the other citation belongs to, or whose figure it is); none for this quote.</param>
/// <param name="Attribution">Whose word the input is, if the document names someone ("Washington estimates").</param>
public sealed record FigureOrigin(FigureOriginKind Kind, string SourceName, string? Reference = null, string? Attribution = null)
{
    /// <summary>
    /// "USIP, this quote"; "USIP, claim troops-sent-to-russia, Washington estimates" (that claim's citation of USIP);
    /// "USIP and MP-IDSA, the figure of claim troops-sent-to-russia".
    /// </summary>
    public string Describe()
    {
        var where = Kind switch
        {
            FigureOriginKind.ThisQuote => "this quote",
            FigureOriginKind.OtherCitation => $"claim {Reference}",
            _ => $"the figure of claim {Reference}",
        };
        return Attribution is null ? $"{SourceName}, {where}" : $"{SourceName}, {where}, {Attribution}";
    }
}

public sealed record DerivationInput(Quantity Quantity, FigureOrigin Origin);

/// <summary>
/// An editor's arithmetic on stated figures, kept apart from the figures as stated: a rate times the count it applies
/// to ("$2,000 per soldier per month" × "10,000 troops"), each input naming where it comes from, so a reader can see
/// that the total is derived and from whose numbers. The agreement rule uses a derived total only where no stated one
/// compares.
/// </summary>
public sealed record FigureDerivation
{
    public FigureDerivation(DerivationInput rate, DerivationInput count)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(count);
        if (RateProblem(rate.Quantity) is { } notRate)
        {
            throw new ArgumentException(notRate, nameof(rate));
        }
        if (CountProblem(count.Quantity) is { } notCount)
        {
            throw new ArgumentException(notCount, nameof(count));
        }
        Rate = rate;
        Count = count;
    }

    /// <summary>Why a quantity cannot be a derivation's rate, or null when it can: the one rule editors, the API and seed files meet.</summary>
    public static string? RateProblem(Quantity rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.Per is null || rate.IsDerived
            ? $"\"{rate.Text}\" is not a stated rate per unit (such as \"$2,000 per soldier per month\")."
            : null;
    }

    /// <summary>Why a quantity cannot be the count a rate applies to, or null when it can.</summary>
    public static string? CountProblem(Quantity count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return !count.IsCount || count.Value is null || count.IsDerived || count.Per is not null
            ? $"\"{count.Text}\" is not a count (such as \"10,000 troops\")."
            : null;
    }

    public DerivationInput Rate { get; }
    public DerivationInput Count { get; }

    /// <summary>The derived total as a quantity the comparison understands: the rate with the count as multiplier.</summary>
    public Quantity Result => Rate.Quantity with
    {
        Text = $"{Rate.Quantity.Text} × {Count.Quantity.Text}",
        Multiplier = Count.Quantity.Value,
    };

    /// <summary>
    /// "$2,000 per soldier per month (USIP, this quote) × approximately 10,000 troops (USIP, claim
    /// troops-sent-to-russia, Washington estimates): $2,000 × 10,000 × 12 = $240M a year".
    /// </summary>
    public string Describe()
    {
        var text = $"{Rate.Quantity.Text} ({Rate.Origin.Describe()}) × {Count.Quantity.Text} ({Count.Origin.Describe()})";
        return FigureComparison.Normalize(Result).Derivation is { } arithmetic ? $"{text}: {arithmetic}" : text;
    }
}
