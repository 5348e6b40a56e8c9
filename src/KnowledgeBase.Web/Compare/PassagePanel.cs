using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace KnowledgeBase.Web.Compare;

/// <summary>
/// One document's side of a comparison: each passage it cites for the claim, in the order the document runs. A compare
/// page holds up to 150 claims and a panel per document of each, so the panel is written as one piece of markup
/// (<see cref="HtmlFragment"/>) rather than as a component of a few dozen elements.
/// </summary>
public static class PassagePanel
{
    /// <param name="side">"left" or "right": which column this is.</param>
    /// <param name="showPlainSupport">Whether a passage that simply supports the claim says so; lists of one document's claims need only the exceptions.</param>
    /// <param name="showSourceName">Whether the panel names its document; a list of one document's claims need not repeat it.</param>
    public static MarkupString Render(
        CompareSource source, IReadOnlyList<CitationView> passages, string side, bool showPlainSupport = true, bool showSourceName = true) =>
        HtmlFragment.Build((source, passages, side, showPlainSupport, showSourceName), Write);

    private static void Write(
        HtmlFragment html, (CompareSource Source, IReadOnlyList<CitationView> Passages, string Side, bool ShowPlainSupport, bool ShowSourceName) panel)
    {
        var (source, passages, side, showPlainSupport, showSourceName) = panel;
        html.Open(
            "section",
            $"passage-panel passage-panel-{side}{(showSourceName ? " passage-panel-named" : "")}",
            ("aria-label", $"{source.ShortName} ({side} document)"));
        if (showSourceName)
        {
            html.Open("h4", "passage-panel-source").Element("span", "passage-panel-name", source.ShortName);
            if (passages.Count > 1)
            {
                html.Element("span", "passage-panel-count", $"{passages.Count.ToString(CultureInfo.InvariantCulture)} passages");
            }
            html.Close("h4");
        }
        if (passages.Count == 0)
        {
            html.Element("p", "passage-panel-empty", $"{source.ShortName} does not cite this claim.");
        }
        foreach (var passage in passages)
        {
            WritePassage(html, source, passage, showPlainSupport);
        }
        html.Close("section");
    }

    private static void WritePassage(HtmlFragment html, CompareSource source, CitationView passage, bool showPlainSupport)
    {
        var link = Links.Passage(source.Slug, passage.PassageId);
        html.Open("figure", "compared-passage", ("id", $"citation-{passage.Id.ToString(CultureInfo.InvariantCulture)}"));
        if (showPlainSupport || passage.Stance != Stance.Supports)
        {
            html.Open("p", "compared-stance").Element("span", $"stance stance-{passage.Stance.ToSlug()}", passage.Stance.ToLabel()).Close("p");
        }
        html.Open("blockquote", "compared-quote", ("cite", link))
            .Element("span", "quote-context", QuoteContext.Before(passage.Prefix))
            .Element("mark", "quote-exact", passage.Exact)
            .Element("span", "quote-context", QuoteContext.After(passage.Suffix))
            .Close("blockquote");

        html.Open("figcaption").Open("dl", "compared-facts");
        if (passage.Attribution is not null)
        {
            html.Element("dt", null, "Attributed to").Element("dd", "compared-attribution", passage.Attribution);
        }
        if (passage.Figure is not null)
        {
            html.Element("dt", null, "Figure as stated").Open("dd", "compared-figure").Element("span", "figure-chip", passage.Figure).Close("dd");
        }
        DerivedFigure.Write(html, passage);
        if (passage.Footnote is { } fn)
        {
            html.Element("dt", null, "Footnote")
                .Open("dd", "compared-footnote")
                .Open("a", null, ("href", Links.Footnote(source.Slug, fn.Number)))
                .Text($"[{fn.Number.ToString(CultureInfo.InvariantCulture)}]")
                .Element("span", "visually-hidden", $" (footnote in {source.ShortName})")
                .Close("a")
                .Text(" ")
                .Element("span", "compared-footnote-text", fn.Text);
            if (fn.Url is not null)
            {
                html.Text(" ").Open("a", null, ("href", fn.Url), ("rel", "nofollow noopener noreferrer")).Text("cited work").Close("a");
            }
            html.Close("dd");
            if (fn.Outlet is not null)
            {
                html.Element("dt", null, "Cited outlet").Element("dd", "compared-outlet", fn.Outlet);
            }
        }
        html.Close("dl")
            .Open("a", "compared-passage-link", ("href", link))
            .Text($"Read in {source.ShortName}")
            .Element("span", "visually-hidden", ", passage in context")
            .Text(" →")
            .Close("a")
            .Close("figcaption")
            .Close("figure");
    }
}
