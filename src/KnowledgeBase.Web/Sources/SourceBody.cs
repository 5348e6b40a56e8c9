using System.Globalization;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Sources;

/// <summary>
/// A source's stored HTML made into its reading page: cited passages marked and numbered, and under each footnote
/// the claims that rest on it, so a reader can go from any footnote back to every claim that relies on it.
/// Each passage starts with its number as a link (the "#passage-{id}" target): keyboard users reach every passage
/// through it, it leads to the passage's entry in the page's list of cited passages (the claims it backs), and
/// source-previews.js shows those claims on hover or focus.
/// Two things a reader must not mistake for the author's running text are set apart: a footnote marker the editors
/// restored (in brackets, with the reason as its title and accessible name, and a line under its note), and a pull
/// quote (a block quote repeating a sentence of the running text), shown as an aside labelled "Pull quote".
/// </summary>
internal static class SourceBody
{
    public const string RestoredMarkerText = "marker restored by the editors";
    /// <summary>The id of a passage's entry in the list of cited passages under the document.</summary>
    public static string ClaimsListId(long passageId) => $"passage-{passageId.ToString(CultureInfo.InvariantCulture)}-claims";

    /// <param name="restoredMarkers">Footnotes whose markers the editors restored (<see cref="Core.Sources.Source.RestoredMarkers"/>).</param>
    public static string Render(string sourceSlug, string bodyHtml, IReadOnlyList<CitedPassage> passages, IReadOnlyCollection<int>? restoredMarkers = null)
    {
        var body = SourceRenderer.ParseBody(bodyHtml);
        // Found before the passages are marked, whose numbers (¶) would break up the running text's words.
        var pullQuotes = PullQuotes(body);
        // Before passages are marked: their numbers are the page's, not the document's text.
        CanonicalLayout.MarkOffsets(body);
        var marks = passages
            .Select((p, i) => new PassageMark(p.Id, i + 1, p.Start, p.End,
                $"Passage {i + 1} backs: " + string.Join(" · ", p.Claims.Select(c => c.Statement))))
            .ToList();
        PassageHighlighter.Highlight(body, marks);

        var document = body.Owner!;
        // One walk each for the anchors and the footnotes, not a selector query per passage or note.
        var anchors = new Dictionary<string, AngleSharp.Dom.IElement>(StringComparer.Ordinal);
        foreach (var anchor in body.QuerySelectorAll("span.passage-anchor"))
        {
            anchors.TryAdd(anchor.Id ?? "", anchor);
        }
        foreach (var mark in marks)
        {
            if (anchors.TryGetValue($"passage-{mark.Id.ToString(CultureInfo.InvariantCulture)}", out var anchor))
            {
                LinkPassageNumber(anchor, sourceSlug, mark);
            }
        }
        if (restoredMarkers is { Count: > 0 })
        {
            MarkRestoredMarkers(body, restoredMarkers);
        }
        // The page has <base href="/">: a bare "#footnote-5" would lead to the home page.
        foreach (var link in body.QuerySelectorAll("a[href^='#']"))
        {
            link.SetAttribute("href", Links.SourceFragment(sourceSlug, link.GetAttribute("href")!["#".Length..]));
        }
        var footnotes = new Dictionary<int, AngleSharp.Dom.IElement>();
        foreach (var item in body.QuerySelectorAll($"li[id^='{SourceRenderer.FootnoteIdPrefix}']"))
        {
            if (int.TryParse(item.Id![SourceRenderer.FootnoteIdPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (restoredMarkers?.Contains(number) == true)
                {
                    var restored = document.CreateElement("p");
                    restored.ClassName = "footnote-marker-restored";
                    restored.TextContent = $"The marker of this note was lost in the conversion of the page; its place in the text is the editors' judgement (see the editorial note).";
                    item.AppendChild(restored);
                }
                item.AppendChild(CiteLinks(document, sourceSlug, number));
                footnotes.TryAdd(number, item);
            }
        }
        foreach (var group in passages.Where(p => p.FootnoteNumber is not null).GroupBy(p => p.FootnoteNumber!.Value))
        {
            if (!footnotes.TryGetValue(group.Key, out var item))
            {
                continue;
            }
            var claims = group.SelectMany(p => p.Claims).DistinctBy(c => c.Id).ToList();
            var note = document.CreateElement("div");
            note.ClassName = "footnote-claims";
            var label = document.CreateElement("span");
            label.TextContent = claims.Count == 1 ? "1 claim rests on this footnote: " : $"{claims.Count} claims rest on this footnote: ";
            note.AppendChild(label);
            var list = document.CreateElement("ul");
            foreach (var claim in claims)
            {
                var li = document.CreateElement("li");
                var a = document.CreateElement("a");
                a.SetAttribute("href", Links.Claim(claim.Id, claim.Slug));
                a.TextContent = claim.Statement;
                li.AppendChild(a);
                list.AppendChild(li);
            }
            note.AppendChild(list);
            item.AppendChild(note);
        }
        foreach (var quote in pullQuotes)
        {
            SetApartAsPullQuote(quote);
        }
        return body.InnerHtml;
    }

    /// <summary>
    /// A restored marker reads "[13]" (square brackets: the editors' addition, as in a scholarly edition), is titled
    /// and named "marker restored by the editors", and carries a class the style sheet outlines; never colour alone.
    /// </summary>
    private static void MarkRestoredMarkers(AngleSharp.Dom.IElement body, IReadOnlyCollection<int> restoredMarkers)
    {
        foreach (var marker in body.QuerySelectorAll($"a.{SourceRenderer.FootnoteRefClass}"))
        {
            if (SourceRenderer.FootnoteNumberOf(marker.GetAttribute("href")) is not { } number || !restoredMarkers.Contains(number))
            {
                continue;
            }
            var n = number.ToString(CultureInfo.InvariantCulture);
            marker.ClassList.Add("footnote-ref-restored");
            marker.SetAttribute("title", $"Footnote {n}: {RestoredMarkerText} (see the editorial note)");
            marker.SetAttribute("aria-label", $"Footnote {n}, {RestoredMarkerText}");
            if (marker.QuerySelector("sup") is { } sup)
            {
                sup.TextContent = $"[{n}]";
            }
        }
    }

    /// <summary>
    /// A block quote whose words also stand in the running text is a pull quote, a piece of the page's layout (the
    /// page printing a sentence a second time, perhaps shortened).
    /// </summary>
    private static List<AngleSharp.Dom.IElement> PullQuotes(AngleSharp.Dom.IElement body)
    {
        var quotes = body.QuerySelectorAll("blockquote").Where(q => q.ParentElement?.Closest("blockquote") is null).ToList();
        if (quotes.Count == 0)
        {
            return quotes;
        }
        var running = Words(string.Join("\n", body.QuerySelectorAll("p").Where(p => p.Closest("blockquote") is null).Select(p => p.TextContent)));
        return quotes.Where(q => Words(q.TextContent).TrimEnd('.', '!', '?', '”', '"') is { Length: > 0 } words
            && running.Contains(words, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Wraps a pull quote in an aside labelled "Pull quote", so a reader does not read the sentence twice as the author's.</summary>
    private static void SetApartAsPullQuote(AngleSharp.Dom.IElement quote)
    {
        var document = quote.Owner!;
        var aside = document.CreateElement("aside");
        aside.ClassName = "pull-quote";
        aside.SetAttribute("aria-label", "Pull quote");
        var label = document.CreateElement("p");
        label.ClassName = "pull-quote-label";
        label.TextContent = "Pull quote";
        aside.AppendChild(label);
        quote.Parent!.ReplaceChild(aside, quote);
        aside.AppendChild(quote);
    }

    /// <summary>Text with every run of white space (no-break spaces too) as one space, so line breaks never hide a repeat.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// "Cite: BibTeX · RIS · CSL-JSON" for the work a footnote cites; each link also says, to screen readers, which
    /// footnote's reference it is, since the same three words repeat under every note.
    /// </summary>
    private static AngleSharp.Dom.IElement CiteLinks(AngleSharp.Dom.IDocument document, string sourceSlug, int number)
    {
        var line = document.CreateElement("p");
        line.ClassName = "footnote-cite";
        line.AppendChild(document.CreateTextNode("Cite: "));
        foreach (var (format, name, i) in new[] { ("bibtex", "BibTeX", 0), ("ris", "RIS", 1), ("csl-json", "CSL-JSON", 2) })
        {
            if (i > 0)
            {
                line.AppendChild(document.CreateTextNode(" · "));
            }
            var a = document.CreateElement("a");
            a.SetAttribute("href", Links.ExportFootnoteReference(sourceSlug, number, format));
            a.TextContent = name;
            var hidden = document.CreateElement("span");
            hidden.ClassName = "visually-hidden";
            hidden.TextContent = $" reference of footnote {number.ToString(CultureInfo.InvariantCulture)}";
            a.AppendChild(hidden);
            line.AppendChild(a);
        }
        return line;
    }

    /// <summary>Turns the passage's anchor into a focusable link showing its number (links cannot nest: inside one it stays).</summary>
    private static void LinkPassageNumber(AngleSharp.Dom.IElement anchor, string sourceSlug, PassageMark mark)
    {
        if (anchor.Closest("a") is not null)
        {
            return;
        }
        var number = mark.Number.ToString(CultureInfo.InvariantCulture);
        var link = anchor.Owner!.CreateElement("a");
        link.Id = anchor.Id;
        link.ClassName = "passage-anchor";
        link.SetAttribute("href", Links.PassageClaims(sourceSlug, mark.Id));
        link.SetAttribute("data-passage", mark.Id.ToString(CultureInfo.InvariantCulture));
        link.SetAttribute("data-passage-number", number);
        link.SetAttribute("aria-label", $"Passage {number}: the claims it backs");
        link.TextContent = "¶" + number;
        anchor.Parent!.ReplaceChild(link, anchor);
    }
}
