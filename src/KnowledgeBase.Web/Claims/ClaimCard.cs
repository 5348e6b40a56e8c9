using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace KnowledgeBase.Web.Claims;

/// <summary>A claim in a list: its statement, linked to its page; its flag; its figure; the documents that cite it.</summary>
/// <remarks>
/// Written as markup, not a component, as the agreement badge is: a topic page lists 20 cards, a claims list up to
/// 100, and each card as a component cost an instance, its parameters and its render tree, which were most of a topic
/// page's rendering (docs/benchmarks-notes.md).
/// </remarks>
public static class ClaimCard
{
    public static MarkupString Of(ClaimSummary claim) => HtmlFragment.Build(claim, static (html, claim) =>
    {
        var heading = $"claim-{claim.Id}";
        html.Open("article", "claim-card", ("aria-labelledby", heading))
            .Open("h3", "claim-card-statement", ("id", heading))
            .Open("a", null, ("href", Links.Claim(claim.Id, claim.Slug))).Text(claim.Statement).Close("a")
            .Close("h3")
            .Open("p", "claim-card-meta")
            .Markup(AgreementBadge.Of(claim.Agreement));
        if (claim.Figure is not null)
        {
            html.Open("span", "figure-chip", ("title", "Figure")).Text(claim.Figure).Close("span");
        }
        if (claim.Sources.Count > 0)
        {
            html.Element("span", "claim-card-sources", "Cited by " + string.Join(", ", claim.Sources));
        }
        html.Close("p").Close("article");
    });
}
