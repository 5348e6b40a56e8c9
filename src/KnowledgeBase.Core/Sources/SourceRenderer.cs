using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;

namespace KnowledgeBase.Core.Sources;

/// <summary>A source body rendered once, at save time: its safe HTML and the canonical text quotes anchor into.</summary>
/// <param name="UnreferencedFootnotes">Labels of footnote definitions no marker refers to; Markdig drops them silently.</param>
public sealed record RenderedSource(
    string Html,
    string CanonicalText,
    IReadOnlyList<FootnoteMarker> Markers,
    IReadOnlyList<RenderedFootnote> Footnotes,
    IReadOnlyList<string> UnreferencedFootnotes);

/// <summary>A footnote as rendered: its number (its order in the text), the label the author wrote, and its text.</summary>
public sealed record RenderedFootnote(int Number, string Label, int Start, int End, string Text);

/// <summary>
/// Markdown → HTML → sanitized HTML → canonical text. Raw HTML is disabled in Markdig and the output still goes
/// through an allow-list sanitizer, so neither markup nor link schemes can smuggle script in. Footnote ids are
/// rewritten to stable, readable fragments (#footnote-11, #footnote-ref-11).
/// </summary>
public static partial class SourceRenderer
{
    /// <summary>Markdig's cost grows badly on some pathological input; no real document is this long.</summary>
    public const int MaxMarkdownLength = 500_000;

    /// <summary>No document nests lists or block quotes this deep; Markdig renders containers recursively.</summary>
    public const int MaxNestingDepth = 32;

    public const string FootnoteRefClass = "footnote-ref";
    public const string FootnoteBackRefClass = "footnote-back-ref";
    public const string FootnoteIdPrefix = "footnote-";
    public const string FootnoteRefIdPrefix = "footnote-ref-";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseFootnotes()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static RenderedSource Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxMarkdownLength)
        {
            throw new SourceFormatException($"The body is {markdown.Length:N0} characters long; the limit is {MaxMarkdownLength:N0}.");
        }
        var (depth, line) = DeepestNesting(markdown);
        if (depth > MaxNestingDepth)
        {
            throw new SourceFormatException($"Line {line} nests lists or block quotes {depth} levels deep; the limit is {MaxNestingDepth}.");
        }

        var (document, markup) = ParseAndRender(markdown);
        // Markdig keeps the caret of "[^11]" in the label.
        var labels = MarkdownObjectExtensions.Descendants<Markdig.Extensions.Footnotes.Footnote>(document)
            .ToDictionary(f => f.Order, f => f.Label?.TrimStart('^') ?? f.Order.ToString(CultureInfo.InvariantCulture));
        var html = Sanitizer.Sanitize(markup);

        var dom = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = dom.Body!;
        body.InnerHtml = html;
        RewriteIds(body);
        RemoveExternalImages(body);

        var layout = CanonicalLayout.Of(body);
        var footnotes = layout.Footnotes
            .Select(f => new RenderedFootnote(f.Number, labels.GetValueOrDefault(f.Number, f.Number.ToString(CultureInfo.InvariantCulture)), f.Start, f.End, layout.Text[f.Start..f.End]))
            .ToList();
        var defined = FootnoteDefinition().Matches(markdown).Select(m => m.Groups["label"].Value).Distinct();
        var unreferenced = defined.Where(label => !labels.ContainsValue(label)).ToList();
        return new RenderedSource(body.InnerHtml, layout.Text, layout.Markers, footnotes, unreferenced);
    }

    /// <summary>
    /// Markdig stops at its own depth limit on any kind of nesting (links, images, brackets, emphasis, quotes, lists),
    /// parsing or rendering, with an ArgumentException rather than recurse towards a stack overflow; that is the guard for the kinds the
    /// cheap line check below cannot see, reported as the same refusal.
    /// </summary>
    private static (MarkdownDocument Document, string Html) ParseAndRender(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            return (document, document.ToHtml(Pipeline));
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new SourceFormatException(
                "The body nests links, images, brackets or emphasis too deeply to be read as a document; close what it opens, or escape the characters with \\.");
        }
    }

    /// <summary>
    /// A cheap upper bound of how deep lists and block quotes nest, found before Markdig sees the text: on each line,
    /// the container markers it opens ("&gt;", "-", "*", "+", "1.", "1)") plus one level per two columns of indentation
    /// before the first of them (a nested list item is indented under its parent). Lines without a marker open nothing.
    /// </summary>
    internal static (int Depth, int Line) DeepestNesting(string markdown)
    {
        var (deepest, deepestLine, number) = (0, 0, 0);
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            number++;
            var (markers, indentation, i) = (0, 0, 0);
            var afterMarker = false;
            while (i < line.Length)
            {
                var c = line[i];
                if (c is ' ' or '\t')
                {
                    // The space that separates a marker from its content is not indentation.
                    var width = c == '\t' ? 4 : 1;
                    if (afterMarker)
                    {
                        afterMarker = false;
                        width--;
                    }
                    if (markers == 0)
                    {
                        indentation += width;
                    }
                    i++;
                    continue;
                }
                var length = MarkerLength(line[i..]);
                if (length == 0)
                {
                    break;
                }
                markers++;
                afterMarker = true;
                i += length;
            }
            var depth = markers == 0 ? 0 : markers + (indentation / 2);
            if (depth > deepest)
            {
                (deepest, deepestLine) = (depth, number);
            }
        }
        return (deepest, deepestLine);
    }

    /// <summary>The length of a block quote or list marker at the start of <paramref name="s"/>, or 0.</summary>
    private static int MarkerLength(ReadOnlySpan<char> s)
    {
        static bool EndsMarker(ReadOnlySpan<char> s, int at) => at == s.Length || s[at] is ' ' or '\t';

        if (s[0] == '>')
        {
            return 1;
        }
        if (s[0] is '-' or '*' or '+')
        {
            return EndsMarker(s, 1) ? 1 : 0;
        }
        var digits = 0;
        while (digits < s.Length && digits < 10 && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }
        return digits is > 0 and < 10 && digits < s.Length && s[digits] is '.' or ')' && EndsMarker(s, digits + 1) ? digits + 1 : 0;
    }

    /// <summary>Parses rendered HTML for a page to work on (mark passages, read text).</summary>
    public static IElement ParseBody(string html)
    {
        var dom = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        dom.Body!.InnerHtml = html;
        return dom.Body;
    }

    /// <summary>The footnote number in "#footnote-7", "#footnote-ref-7", "#fn:7" or "#fnref:7"; null otherwise.</summary>
    public static int? FootnoteNumberOf(string? fragment)
    {
        if (fragment is null || !fragment.StartsWith('#'))
        {
            return null;
        }
        var id = fragment[1..];
        foreach (var prefix in new[] { FootnoteRefIdPrefix, FootnoteIdPrefix, "fnref:", "fn:" })
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
        }
        return null;
    }

    private static void RewriteIds(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("[id]").ToList())
        {
            var id = element.Id!;
            if (id.StartsWith("fnref:", StringComparison.Ordinal))
            {
                element.Id = FootnoteRefIdPrefix + id["fnref:".Length..];
            }
            else if (id.StartsWith("fn:", StringComparison.Ordinal))
            {
                element.Id = FootnoteIdPrefix + id["fn:".Length..];
            }
            else if (element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                // Heading ids come from the author's words; a prefix keeps them from clashing with the page's own.
                element.Id = "section-" + id;
            }
            else
            {
                element.RemoveAttribute("id");
            }
        }
        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            if (link.ClassList.Contains(FootnoteRefClass) && FootnoteNumberOf(href) is { } n)
            {
                link.SetAttribute("href", $"#{FootnoteIdPrefix}{n}");
                link.SetAttribute("role", "doc-noteref");
                link.SetAttribute("aria-label", $"Footnote {n}");
            }
            else if (link.ClassList.Contains(FootnoteBackRefClass) && FootnoteNumberOf(href) is { } m)
            {
                link.SetAttribute("href", $"#{FootnoteRefIdPrefix}{m}");
                link.SetAttribute("role", "doc-backlink");
                link.SetAttribute("aria-label", $"Back to the text of footnote {m}");
            }
            else if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        }
        foreach (var notes in body.QuerySelectorAll("div.footnotes"))
        {
            notes.SetAttribute("role", "doc-endnotes");
            notes.SetAttribute("aria-label", "Footnotes");
        }
    }

    /// <summary>
    /// Images from other sites are dropped: the Content-Security-Policy (img-src 'self' data:) would block them anyway,
    /// and loading them would tell a third party who reads which document. Images on this site stay.
    /// </summary>
    private static void RemoveExternalImages(IElement body)
    {
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src") ?? "";
            if (src.StartsWith("//", StringComparison.Ordinal) || (Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                image.Remove();
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}\[\^(?<label>[^\]\s]+)\]:", RegexOptions.Multiline)]
    private static partial Regex FootnoteDefinition();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
                "hr", "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td",
                "th", "thead", "tr", "ul", "figure", "figcaption", "dl", "dt", "dd",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "id", "class", "colspan", "rowspan",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        return new HtmlSanitizer(options);
    }
}

/// <summary>A source body that cannot be rendered; the message is for the editor.</summary>
public sealed class SourceFormatException(string message) : Exception(message);
