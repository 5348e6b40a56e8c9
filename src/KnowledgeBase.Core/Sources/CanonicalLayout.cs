using System.Text;
using AngleSharp.Dom;

namespace KnowledgeBase.Core.Sources;

/// <summary>
/// The canonical text of a rendered document and where each piece of it came from. It is the text a reader sees,
/// with blocks separated by a blank line, footnote markers and back-links left out (so a quote never has to span
/// "region.1 Notably"), and footnote texts included (so a quote may lie in a footnote). Because every character
/// maps back to a text node, the same walk that yields the text for anchoring also lets a page mark a passage.
/// </summary>
public sealed class CanonicalLayout
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "ul", "blockquote", "div", "section", "hr",
        "table", "thead", "tbody", "tr", "td", "th", "pre", "figure", "figcaption", "dl", "dt", "dd",
    };

    /// <summary>Containers whose white-space-only text nodes are layout, not content.</summary>
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "body", "div", "section", "ol", "ul", "li", "blockquote", "table", "thead", "tbody", "tr", "dl", "figure",
    };

    private readonly StringBuilder _text = new();
    private readonly List<TextSegment> _segments = [];
    private readonly List<FootnoteMarker> _markers = [];
    private readonly List<FootnoteSpan> _footnotes = [];

    private CanonicalLayout()
    {
    }

    public string Text { get; private set; } = "";
    public IReadOnlyList<TextSegment> Segments => _segments;
    public IReadOnlyList<FootnoteMarker> Markers => _markers;
    public IReadOnlyList<FootnoteSpan> Footnotes => _footnotes;

    /// <summary>The attribute of <see cref="MarkOffsets"/>'s spans: where the span's text starts in the canonical text.</summary>
    public const string OffsetAttribute = "data-at";

    /// <summary>
    /// Wraps each text node of the canonical text in a span saying where it starts (<see cref="OffsetAttribute"/>), so a
    /// page script turns a reader's selection into canonical offsets without knowing how the text is laid out: what
    /// lies outside these spans (footnote markers, back-links) is not part of the text. The layout itself is unchanged.
    /// </summary>
    public static void MarkOffsets(IElement body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var document = body.Owner!;
        foreach (var segment in Of(body).Segments)
        {
            var span = document.CreateElement("span");
            span.SetAttribute(OffsetAttribute, segment.Start.ToString(System.Globalization.CultureInfo.InvariantCulture));
            segment.Node.Parent!.ReplaceChild(span, segment.Node);
            span.AppendChild(segment.Node);
        }
    }

    public static CanonicalLayout Of(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var layout = new CanonicalLayout();
        layout.Visit(root);
        // Trailing separators carry nothing a quote could anchor to.
        layout.Text = layout._text.ToString().TrimEnd('\n');
        // A last footnote with no text (an image alone, say) starts after separators the trim removed.
        var length = layout.Text.Length;
        for (var i = 0; i < layout._footnotes.Count; i++)
        {
            var f = layout._footnotes[i];
            layout._footnotes[i] = f with { Start = Math.Min(f.Start, length), End = Math.Min(f.End, length) };
        }
        for (var i = 0; i < layout._markers.Count; i++)
        {
            layout._markers[i] = layout._markers[i] with { Offset = Math.Min(layout._markers[i].Offset, length) };
        }
        return layout;
    }

    private void Visit(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    if (string.IsNullOrWhiteSpace(text.Data) && text.ParentElement is { } parent && Containers.Contains(parent.LocalName))
                    {
                        break;
                    }
                    _segments.Add(new TextSegment(text, _text.Length));
                    _text.Append(text.Data);
                    break;
                case IElement element:
                    VisitElement(element);
                    break;
            }
        }
    }

    private void VisitElement(IElement element)
    {
        if (element.ClassList.Contains(SourceRenderer.FootnoteRefClass))
        {
            if (SourceRenderer.FootnoteNumberOf(element.GetAttribute("href")) is { } number)
            {
                _markers.Add(new FootnoteMarker(number, _text.Length));
            }
            return;
        }
        if (element.ClassList.Contains(SourceRenderer.FootnoteBackRefClass))
        {
            return;
        }
        if (element.LocalName == "br")
        {
            _text.Append('\n');
            return;
        }

        var block = Blocks.Contains(element.LocalName);
        if (block)
        {
            Break();
        }
        var footnote = element.LocalName == "li" ? SourceRenderer.FootnoteNumberOf("#" + element.Id) : null;
        var start = _text.Length;
        Visit(element);
        if (footnote is { } n)
        {
            var end = _text.Length;
            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }
            _footnotes.Add(new FootnoteSpan(n, start, end));
        }
        if (block)
        {
            Break();
        }
    }

    private void Break()
    {
        if (_text.Length == 0)
        {
            return;
        }
        while (!(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
        {
            _text.Append('\n');
        }
    }
}

/// <summary>A text node and the offset in the canonical text where its characters begin.</summary>
public sealed record TextSegment(IText Node, int Start)
{
    public int End => Start + Node.Data.Length;
}

/// <summary>A footnote reference mark in the body, at the canonical offset it follows.</summary>
public sealed record FootnoteMarker(int Number, int Offset);

/// <summary>A footnote's text within the canonical text.</summary>
public sealed record FootnoteSpan(int Number, int Start, int End);
