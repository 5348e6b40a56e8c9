using AngleSharp.Dom;

namespace KnowledgeBase.Core.Sources;

/// <summary>A cited passage to mark on a source page.</summary>
/// <param name="Id">Stable id: the page gives it the fragment "passage-{Id}".</param>
/// <param name="Number">Its order within the source, shown to readers.</param>
/// <param name="Description">What a reader sees on hover or focus: the claims it backs.</param>
public sealed record PassageMark(long Id, int Number, int Start, int End, string Description);

/// <summary>
/// Wraps cited passages of rendered HTML in &lt;mark&gt; elements. Offsets are canonical-text offsets, mapped back
/// to text nodes through <see cref="CanonicalLayout"/>; overlapping passages split into pieces, each marked with
/// every passage that covers it, and each passage's first piece carries its id.
/// </summary>
public static class PassageHighlighter
{
    public static string Highlight(string html, IReadOnlyList<PassageMark> passages)
    {
        var body = SourceRenderer.ParseBody(html);
        Highlight(body, passages);
        return body.InnerHtml;
    }

    /// <summary>Marks the passages in a parsed body, so a page can go on working on the same DOM.</summary>
    public static void Highlight(IElement body, IReadOnlyList<PassageMark> passages)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return;
        }
        var layout = CanonicalLayout.Of(body);
        var document = body.Owner!;
        var anchored = new HashSet<long>();

        foreach (var segment in layout.Segments)
        {
            var covering = passages.Where(p => p.Start < segment.End && p.End > segment.Start).ToList();
            if (covering.Count == 0)
            {
                continue;
            }
            var text = segment.Node.Data;
            var cuts = covering
                .SelectMany(p => new[] { p.Start - segment.Start, p.End - segment.Start })
                .Append(0).Append(text.Length)
                .Where(c => c >= 0 && c <= text.Length)
                .Distinct().Order().ToList();

            var parent = segment.Node.Parent!;
            for (var i = 0; i < cuts.Count - 1; i++)
            {
                var (from, to) = (cuts[i], cuts[i + 1]);
                var piece = text[from..to];
                var here = covering.Where(p => p.Start - segment.Start <= from && p.End - segment.Start >= to).ToList();
                if (here.Count == 0)
                {
                    parent.InsertBefore(document.CreateTextNode(piece), segment.Node);
                    continue;
                }
                foreach (var starting in here.Where(p => anchored.Add(p.Id)))
                {
                    var anchor = document.CreateElement("span");
                    anchor.Id = $"passage-{starting.Id}";
                    anchor.ClassName = "passage-anchor";
                    anchor.SetAttribute("data-passage-number", starting.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    parent.InsertBefore(anchor, segment.Node);
                }
                var mark = document.CreateElement("mark");
                mark.ClassName = here.Count > 1 ? "passage passage-overlap" : "passage";
                mark.SetAttribute("data-passages", string.Join(' ', here.Select(p => p.Id)));
                mark.SetAttribute("title", string.Join(" · ", here.Select(p => p.Description)));
                mark.TextContent = piece;
                parent.InsertBefore(mark, segment.Node);
            }
            parent.RemoveChild(segment.Node);
        }
    }
}
