using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Anchoring;

/// <summary>A document's canonical text with its footnote marks and footnote texts: all a citation is anchored in.</summary>
public sealed record AnchorableText(string Text, IReadOnlyList<FootnoteMarker> Markers, IReadOnlyList<FootnoteSpan> Footnotes)
{
    public static AnchorableText Of(RenderedSource rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        return new(rendered.CanonicalText, rendered.Markers, rendered.Footnotes.Select(f => new FootnoteSpan(f.Number, f.Start, f.End)).ToList());
    }

    /// <summary>The same, recovered from a stored source's rendered HTML (markers are not stored; the HTML has them).</summary>
    public static AnchorableText FromHtml(string html)
    {
        var layout = CanonicalLayout.Of(SourceRenderer.ParseBody(html));
        return new(layout.Text, layout.Markers, layout.Footnotes);
    }
}

/// <summary>A quote anchored (or not) in a document, and the footnote its position proposes.</summary>
/// <param name="ProposedFootnote">The footnote the quote lies in or whose marker closes its sentence (see <see cref="FootnoteLocator"/>).</param>
public sealed record CitationAnchor(AnchorResult Anchoring, int? ProposedFootnote)
{
    public bool Found => Anchoring.Outcome == AnchorOutcome.Found;
    public TextAnchor? Anchor => Anchoring.Anchor;
}

/// <summary>
/// Turns a citation's quote (with optional prefix and suffix to single out one occurrence) into an anchored passage and
/// its proposed footnote. The seed importer and the editors' claim editing both anchor citations here; they differ only
/// in what they accept as a footnote (the seed files must name the proposed one, an editor may pick another).
/// </summary>
public static class CitationAnchoring
{
    public static CitationAnchor Anchor(AnchorableText document, string quote, string? prefix = null, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var anchoring = QuoteAnchoring.Anchor(document.Text, quote, prefix, suffix);
        if (anchoring.Outcome != AnchorOutcome.Found)
        {
            return new(anchoring, null);
        }
        var anchor = anchoring.Anchor!;
        return new(anchoring, FootnoteLocator.Locate(document.Text, document.Markers, document.Footnotes, anchor.Start, anchor.End));
    }
}
