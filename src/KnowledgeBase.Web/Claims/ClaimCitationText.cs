using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Web.Claims;

/// <summary>
/// The plain-text citation of a claim a researcher pastes into a paper: the statement, its agreement flag, the
/// documents it rests on (authors, title, publisher, date), when it was last updated, its permalink and the date
/// it was retrieved.
/// </summary>
public static class ClaimCitationText
{
    public static string Format(ClaimDetails claim, Uri permalink, DateOnly retrieved)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(permalink);
        var ci = CultureInfo.InvariantCulture;
        var flag = claim.Agreement.ToLabel() + (claim.OverrideAgreement is null ? "" : " (editor's judgement)");
        var sources = claim.Citations
            .Select(c => c.Source)
            .DistinctBy(s => s.Slug)
            .Select(Describe)
            .ToList();
        var parts = new List<string>
        {
            $"“{claim.Statement.Trim()}”",
            $"KnowledgeBase, claim {claim.Id.ToString(ci)}. Agreement: {flag}.",
        };
        if (sources.Count > 0)
        {
            parts.Add($"{(sources.Count == 1 ? "Source" : "Sources")}: {string.Join("; ", sources)}.");
        }
        parts.Add($"Last updated {claim.UpdatedAt.UtcDateTime.ToString("d MMMM yyyy", ci)}.");
        parts.Add($"{permalink.AbsoluteUri} (retrieved {retrieved.ToString("d MMMM yyyy", ci)}).");
        return string.Join(" ", parts);
    }

    private static string Describe(SourceSummary s)
    {
        var authors = s.Authors.Count == 0 ? "" : TextValues.Listed(s.Authors) + ", ";
        var title = s.Title.TrimEnd();
        // The title's own closing punctuation stands in for the comma ("Respond …in Russia?”").
        var separator = title.EndsWith('?') || title.EndsWith('!') ? "" : ",";
        return $"{authors}“{title}{separator}” {s.Publisher} ({s.ShortName}), {PartialDate.Format(s.Published)}";
    }
}
