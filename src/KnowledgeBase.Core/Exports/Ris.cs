using System.Globalization;
using System.Text;

namespace KnowledgeBase.Core.Exports;

/// <summary>RIS (what EndNote, Zotero and Mendeley import): one record per reference, "TAG  - value" lines, ended by "ER  - ".</summary>
public static class Ris
{
    public const string MediaType = "application/x-research-info-systems";

    public static string RecordType(string cslType) => cslType switch
    {
        "article-newspaper" => "NEWS",
        "article-journal" => "JOUR",
        "webpage" => "ELEC",
        "report" => "RPRT",
        _ => "GEN",
    };

    public static string Write(IEnumerable<Reference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var text = new StringBuilder();
        foreach (var r in references)
        {
            Line(text, "TY", RecordType(r.Type));
            Line(text, "ID", r.Id);
            Line(text, "TI", r.Title);
            foreach (var author in r.Authors)
            {
                Line(text, "AU", author.Inverted);
            }
            Line(text, "T2", r.ContainerTitle);
            Line(text, "PB", r.Publisher);
            var parts = r.IssuedParts;
            if (parts.Count > 0)
            {
                Line(text, "PY", parts[0].ToString("0000", CultureInfo.InvariantCulture));
                // DA: YYYY/MM/DD/ with the missing parts left empty.
                Line(text, "DA", string.Join('/', parts.Select(p => p.ToString(p > 31 ? "0000" : "00", CultureInfo.InvariantCulture))
                    .Concat(Enumerable.Repeat("", 3 - parts.Count))) + "/");
            }
            Line(text, "UR", r.Url);
            Line(text, "Y2", r.Accessed?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Line(text, "N1", r.Note);
            text.Append("ER  - \r\n\r\n");
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string tag, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        }
    }
}
