
namespace KnowledgeBase.Core.Exports;

/// <summary>
/// One citation of a claim as a CSV row (the citation's fields null for a claim without citations). Voice, certainty
/// and as-of are as an editor confirmed them: empty where the proposal stands (the as-of time: the publication date).
/// <c>derived</c> is an editor's derivation as the claim page words it, apart from <c>figure</c>, the figure as stated.
/// </summary>
public sealed record ClaimCitationRow(
    long ClaimId, string Slug, string Statement, string Flag, string? ClaimFigure, string? Source, string? Stance, string? Quote,
    int? Footnote, string? Figure, string? Attribution, string? Outlet, string ClaimUrl, string? PassageUrl,
    string? Voice = null, string? Certainty = null, string? AsOf = null, string? AsOfWords = null, string? Derived = null);

/// <summary>Claims as CSV, one row per citation (a claim without citations gets one row), quoted per RFC 4180.</summary>
public static class ClaimCsv
{
    public const string MediaType = "text/csv";

    // New columns go at the end, so a spreadsheet built on the earlier ones keeps working.
    public static readonly IReadOnlyList<string> Header =
    [
        "claim_id", "slug", "statement", "flag", "claim_figure", "source", "stance", "quote", "footnote", "figure",
        "attribution", "outlet", "claim_url", "passage_url", "voice", "certainty", "as_of", "as_of_words", "derived",
    ];

    public static string HeaderLine => string.Join(',', Header) + "\r\n";

    public static string Row(ClaimCitationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var fields = new[]
        {
            row.ClaimId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Slug, row.Statement, row.Flag, row.ClaimFigure,
            row.Source, row.Stance, row.Quote, row.Footnote?.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Figure,
            row.Attribution, row.Outlet, row.ClaimUrl, row.PassageUrl, row.Voice, row.Certainty, row.AsOf, row.AsOfWords, row.Derived,
        };
        return string.Join(',', fields.Select(Quote)) + "\r\n";
    }

    /// <summary>
    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A field a spreadsheet would
    /// read as a formula (beginning with =, +, -, @, tab or carriage return) gets a leading single quote first, as
    /// OWASP's "CSV Injection" advice has it, so opening the file never runs anything an editor or API client typed.
    /// </summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }
        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
