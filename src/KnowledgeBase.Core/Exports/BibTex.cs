using System.Globalization;
using System.Text;

namespace KnowledgeBase.Core.Exports;

/// <summary>
/// BibTeX (biblatex fields where BibTeX has none: date, urldate): news and journal articles as @article with the
/// outlet as journal, web pages as @online, reports as @techreport (institution = publisher), other documents @misc.
/// </summary>
public static class BibTex
{
    public const string MediaType = "application/x-bibtex";

    public static string EntryType(string cslType) => cslType switch
    {
        "article-newspaper" or "article-journal" => "article",
        "webpage" => "online",
        "report" => "techreport",
        _ => "misc",
    };

    public static string Write(IEnumerable<Reference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var text = new StringBuilder();
        foreach (var r in references)
        {
            var type = EntryType(r.Type);
            text.Append('@').Append(type).Append('{').Append(Key(r.Id)).Append(",\n");
            Field(text, "title", r.Title is null ? null : "{" + Escape(r.Title) + "}");
            Field(text, "author", r.Authors.Count == 0 ? null : string.Join(" and ", r.Authors.Select(a =>
                a.Literal is not null ? "{" + Escape(a.Literal) + "}" : Escape(a.Inverted))));
            Field(text, "journal", type == "article" ? Escape(r.ContainerTitle) : null);
            Field(text, type == "techreport" ? "institution" : "publisher", Escape(r.Publisher));
            var parts = r.IssuedParts;
            if (parts.Count > 0)
            {
                Field(text, "year", parts[0].ToString(CultureInfo.InvariantCulture));
                Field(text, "date", r.Issued);
            }
            if (parts.Count > 1)
            {
                Field(text, "month", CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(parts[1]).ToLowerInvariant());
            }
            Field(text, "url", r.Url);
            Field(text, "urldate", r.Accessed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field(text, "note", Escape(r.Note));
            text.Append("}\n\n");
        }
        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
        }
    }

    /// <summary>A citation key: letters, digits and - _ : only.</summary>
    public static string Key(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' ? c : '-').ToArray());

    /// <summary>TeX's special characters escaped; braces kept balanced by escaping them too.</summary>
    public static string? Escape(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\textbackslash{}"); break;
                case '{' or '}' or '&' or '%' or '$' or '#' or '_': text.Append('\\').Append(c); break;
                case '~': text.Append(@"\textasciitilde{}"); break;
                case '^': text.Append(@"\textasciicircum{}"); break;
                case '\r' or '\n': text.Append(' '); break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }
}
