using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// The outlets, agencies and parties a citation's support rests on ("Yonhap", "NIS"), so the agreement rule can tell
/// independent confirmation from two documents repeating one source. Roots are compared by <see cref="Key"/>.
/// </summary>
public static partial class UpstreamRoots
{
    /// <summary>
    /// Wire agencies whose copy other outlets print under their own name: a footnote crediting one of them rests on
    /// the agency, not on the newspaper that printed it (nine MP-IDSA footnotes are Yonhap copy in two papers).
    /// </summary>
    private static readonly string[] Agencies =
        ["Yonhap", "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "KCNA", "TASS", "Xinhua", "Kyodo"];

    /// <summary>
    /// Proposes a citation's roots: the cited work's wire agency, else its outlet (from the footnote); and the named
    /// party of the attribution. An indefinite attribution ("a recent poll") names no one, so it is no root.
    /// </summary>
    public static IReadOnlyList<string> Propose(string? attribution, string? footnoteAuthors = null, string? footnoteOutlet = null)
    {
        var roots = new List<string>();
        if (Agency(footnoteAuthors) is { } agency)
        {
            roots.Add(agency);
        }
        else if (!string.IsNullOrWhiteSpace(footnoteOutlet))
        {
            roots.Add(footnoteOutlet.Trim());
        }
        if (!string.IsNullOrWhiteSpace(attribution) && !Indefinite().IsMatch(attribution))
        {
            roots.Add(ReportingVerb().Replace(attribution.Trim(), ""));
        }
        return roots;
    }

    /// <summary>The wire agency a cited work's credit names, as roots write it ("Yonhap"); null when the credit is no agency.</summary>
    public static string? Agency(string? credit) =>
        string.IsNullOrWhiteSpace(credit) ? null : Agencies.FirstOrDefault(a => Key(credit) == Key(a));

    /// <summary>
    /// The credits that name an agency as a database compares them (trimmed, lower-cased, with or without a leading
    /// "the"), so a query can tell agency copy apart without reading every credit; <see cref="Agency"/> names it.
    /// </summary>
    public static IReadOnlyList<string> AgencyCredits { get; } =
        Agencies.Select(Key).SelectMany(k => new[] { k, "the " + k }).ToList();

    /// <summary>
    /// How roots are compared: case and a leading "the" ignored, and a name that gives its abbreviation in brackets
    /// is that abbreviation, so "the South Korean National Intelligence Service (NIS)" and "NIS" are one root.
    /// </summary>
    public static string Key(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var abbreviation = Abbreviation().Match(root);
        var name = abbreviation.Success ? abbreviation.Groups["a"].Value : root;
        return LeadingThe().Replace(name.Trim(), "").ToLowerInvariant();
    }

    [GeneratedRegex(@"\((?<a>[A-Z][A-Za-z.&-]+)\)\s*$")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingThe();

    [GeneratedRegex(@"^(?:an?|one|some|several)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Indefinite();

    [GeneratedRegex(@"\s+(?:estimates|says|said|reports|reported|claims|claimed|confirms|confirmed)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingVerb();
}
