namespace KnowledgeBase.Core.Figures;

/// <summary>
/// A claim's or a citation's figure: one or more quantities parsed from an editor's phrase such as
/// "13% support; 82% oppose". The phrase is what is stored; this structure is derived from it.
/// </summary>
public sealed record Figure(string Text, IReadOnlyList<Quantity> Parts)
{
    public static Figure Parse(string text) => FigureParser.Parse(text);

    public static Figure? ParseOptional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : FigureParser.Parse(text);

    /// <summary>
    /// The figure, or null when the phrase is blank or does not parse: for stored figures feeding a verdict, where a
    /// phrase the grammar has since stopped accepting must not fail the whole claim.
    /// </summary>
    public static Figure? TryParseOptional(string? text)
    {
        try
        {
            return ParseOptional(text);
        }
        catch (FigureFormatException)
        {
            return null;
        }
    }

    /// <summary>Whether every part is the source's own words, with no editor's multiplication in it.</summary>
    public bool IsAsStated => Parts.All(p => !p.IsDerived);

    /// <summary>The part that measures <paramref name="label"/>, or the only part when there is just one.</summary>
    public Quantity? PartFor(string? label) =>
        Parts.Count == 1 && (label is null || Parts[0].Label is null)
            ? Parts[0]
            : Parts.FirstOrDefault(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));
}
