using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// A footnote and the work it cites, read from the note's words in the common shape
/// <c>Authors, "Title", Outlet, date.</c> (a proposal: the editor confirms it).
/// </summary>
public sealed partial record CitedNote(int Number, string Text, string? Authors, string? Title, string? Outlet, string? Published)
{
    public static CitedNote Read(int number, string text)
    {
        var plain = Plain(text);
        if (Shape().Match(plain) is not { Success: true } m)
        {
            return new(number, text, null, null, null, Dates.FindIn(plain));
        }
        var rest = m.Groups["rest"].Value.Trim().TrimEnd('.');
        var outlet = rest.Split(',')[0].Trim();
        return new(number, text,
            DocumentMetadata.Clean(m.Groups["authors"].Value),
            DocumentMetadata.Clean(m.Groups["title"].Value.TrimEnd(',')),
            DocumentMetadata.Clean(outlet),
            Dates.FindIn(rest));
    }

    /// <summary>The note's words without Markdown: emphasis and escapes go, as front matter holds plain text.</summary>
    private static string Plain(string text) => Escape().Replace(text.Replace("*", "", StringComparison.Ordinal), "$1");

    [GeneratedRegex(@"^(?:(?<authors>[^""“”]{1,200}?),\s*)?[""“](?<title>[^""“”]+)[""”],?\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Shape();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!$])")]
    private static partial Regex Escape();
}
