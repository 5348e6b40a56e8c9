using System.Globalization;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Exports;

/// <summary>A reference as reference managers know it (CSL types): "article-newspaper", "article-journal", "webpage", "report", "article".</summary>
public sealed record Reference(
    string Id,
    string Type,
    string? Title,
    IReadOnlyList<ReferenceName> Authors,
    string? ContainerTitle,
    string? Publisher,
    string? Issued,
    string? Url,
    DateOnly? Accessed,
    string? Note)
{
    /// <summary>A document the knowledge base holds: a report stays a report; analyses and commentaries are articles.</summary>
    public static Reference ForSource(
        string slug, string title, IReadOnlyList<string> authors, string publisher, string kind, string published, string? url, DateOnly? retrieved)
    {
        ArgumentNullException.ThrowIfNull(authors);
        return new Reference(
            slug,
            string.Equals(kind, "report", StringComparison.OrdinalIgnoreCase) ? "report" : "article",
            title,
            authors.Select(ReferenceName.Parse).ToList(),
            null,
            publisher,
            published,
            url,
            retrieved,
            null);
    }

    /// <summary>
    /// The work a footnote cites. Its authors are one string ("Kyunghan Lim and Jaeho Kim", "Yonhap"); a journal by
    /// its name is article-journal, a cited work without an outlet a webpage, anything else a news article.
    /// </summary>
    public static Reference ForFootnote(string sourceSlug, int number, CitedWork cites, string noteText, DateOnly? accessed)
    {
        ArgumentNullException.ThrowIfNull(cites);
        var type = cites.Outlet is null
            ? "webpage"
            : IsJournal(cites.Outlet) ? "article-journal" : "article-newspaper";
        return new Reference(
            $"{sourceSlug}-fn{number.ToString(CultureInfo.InvariantCulture)}",
            type,
            TextValues.Blank(cites.Title) ?? noteText,
            ReferenceName.ParseList(cites.Authors),
            TextValues.Blank(cites.Outlet),
            TextValues.Blank(cites.Outlet),
            PartialDate.IsValid(cites.Published) ? cites.Published : null,
            TextValues.Blank(cites.Url),
            TextValues.Blank(cites.Url) is null ? null : accessed,
            TextValues.Blank(cites.Title) is null ? null : noteText);
    }

    private static readonly string[] JournalWords = ["journal", "review", "quarterly", "studies", "affairs"];

    private static bool IsJournal(string outlet) => JournalWords.Any(w => outlet.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The issued date as year, month, day parts (as many as the partial ISO date has).</summary>
    public IReadOnlyList<int> IssuedParts => DateParts(Issued);

    public static IReadOnlyList<int> DateParts(string? partialIsoDate) =>
        PartialDate.IsValid(partialIsoDate)
            ? partialIsoDate!.Split('-').Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToList()
            : [];
}

/// <summary>A person (family and given names) or an organisation named as a whole (literal), as CSL names are.</summary>
public sealed record ReferenceName(string? Family, string? Given, string? Literal)
{
    // Korean surnames: a Korean name is written family-first ("Seo Ji-eun", "Kim Arin") unless the surname comes last ("Lami Kim").
    private static readonly HashSet<string> KoreanSurnames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin",
        "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Moon", "Yang", "Ko", "Bae", "Baek", "Nam", "Noh", "Ha", "Jeon",
    };

    private static readonly string[] NameSeparators = [" and ", ", ", " & "];

    /// <summary>"A and B", "A, B and C": each name parsed.</summary>
    public static IReadOnlyList<ReferenceName> ParseList(string? authors)
    {
        if (string.IsNullOrWhiteSpace(authors))
        {
            return [];
        }
        return authors
            .Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToList();
    }

    /// <summary>One word ("Yonhap") is an agency, named as a literal; otherwise family and given names.</summary>
    public static ReferenceName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            return new ReferenceName(null, null, name.Trim());
        }
        if (!KoreanSurnames.Contains(words[^1]) && KoreanSurnames.Contains(words[0]))
        {
            return new ReferenceName(words[0], string.Join(' ', words[1..]), null);
        }
        return new ReferenceName(words[^1], string.Join(' ', words[..^1]), null);
    }

    /// <summary>"Family, Given", or the literal name.</summary>
    public string Inverted => Literal ?? $"{Family}, {Given}";
}
