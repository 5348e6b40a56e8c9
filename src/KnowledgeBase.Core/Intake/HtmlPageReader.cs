using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeBase.Core.Intake;

/// <summary>
/// A page saved from a browser: its metadata (citation_* and Dublin Core meta tags, schema.org JSON-LD, OpenGraph,
/// the title, a byline) and its article as blocks of Markdown. Site chrome around the article element is not read;
/// navigation, share buttons and the like inside it are kept and marked as furniture.
/// </summary>
internal static partial class HtmlPageReader
{
    private static readonly HashSet<string> Skipped =
        ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "OBJECT", "CANVAS", "VIDEO", "AUDIO", "IMG", "HEAD"];

    private static readonly HashSet<string> Blocks =
        ["P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "NAV", "ASIDE", "FORM", "FIGURE", "TABLE", "TBODY", "THEAD", "TR", "TD", "TH", "DL", "DT", "DD", "PRE", "HR", "ADDRESS", "CENTER"];

    public static bool LooksLikeHtml(string text) => HtmlStart().IsMatch(text.AsSpan(0, Math.Min(text.Length, 4096)));

    public static PageReading Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var reading = new PageReading("a saved HTML page");
        ReadMetadata(document, reading.Metadata);
        var root = document.QuerySelector("article, main, [itemprop=articleBody], [role=main]") ?? document.Body;
        if (root is null)
        {
            return reading;
        }
        if (root != document.Body)
        {
            reading.Actions.Add($"Only the page's <{root.LocalName}> element is converted: the site's header, navigation and footer around it are left out.");
        }
        new Walker(reading.Blocks).Walk(root);
        return reading;
    }

    private static void ReadMetadata(IDocument document, DocumentMetadata metadata)
    {
        string? Meta(string name) => document.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("name") ?? m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");
        IEnumerable<string?> Metas(string name) => document.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("name") ?? m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.GetAttribute("content"));

        // Highest first: scholarly tags, Dublin Core, schema.org, OpenGraph, then what the page shows.
        metadata.OfferTitle(Meta("citation_title"));
        metadata.OfferAuthors(Metas("citation_author"));
        metadata.OfferPublished(Meta("citation_publication_date") ?? Meta("citation_date") ?? Meta("citation_online_date"));
        metadata.OfferPublisher(Meta("citation_publisher") ?? Meta("citation_journal_title"));

        metadata.OfferTitle(Meta("DC.title") ?? Meta("dcterms.title"));
        metadata.OfferAuthors(Metas("DC.creator").Concat(Metas("dcterms.creator")));
        metadata.OfferPublished(Meta("DC.date") ?? Meta("dcterms.date") ?? Meta("dcterms.issued"));
        metadata.OfferPublisher(Meta("DC.publisher") ?? Meta("dcterms.publisher"));
        metadata.OfferKind(Meta("DC.type") ?? Meta("dcterms.type"));

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            ReadJsonLd(script.TextContent, metadata);
        }

        metadata.OfferTitle(Meta("og:title"));
        metadata.OfferAuthors(Metas("article:author"));
        metadata.OfferPublished(Meta("article:published_time"));
        metadata.OfferPublisher(Meta("og:site_name"));
        metadata.OfferUrl(Meta("og:url") ?? Meta("citation_fulltext_html_url"));

        metadata.OfferTitle(TitleSuffix().Replace(document.Title ?? "", ""));
        metadata.OfferAuthors(Metas("author"));
        metadata.OfferAuthors(document.QuerySelectorAll("[rel=author], [itemprop=author], .byline, .author").Take(1).Select(e => e.TextContent));
        metadata.OfferPublished(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        metadata.OfferUrl(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    /// <summary>schema.org Article (or a kind of it) in JSON-LD, alone, in a list or in an @graph.</summary>
    private static void ReadJsonLd(string json, DocumentMetadata metadata)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var item in Items(doc.RootElement))
            {
                var type = Text(item, "@type") ?? "";
                if (!type.EndsWith("Article", StringComparison.Ordinal) && type is not ("Report" or "BlogPosting" or "WebPage"))
                {
                    continue;
                }
                metadata.OfferTitle(Text(item, "headline") ?? Text(item, "name"));
                metadata.OfferAuthors(Names(item, "author"));
                metadata.OfferPublished(Text(item, "datePublished"));
                metadata.OfferPublisher(Names(item, "publisher").FirstOrDefault());
                metadata.OfferUrl(Text(item, "url"));
                metadata.OfferKind(type switch
                {
                    "Report" => "report",
                    "AnalysisNewsArticle" => "analysis",
                    "OpinionNewsArticle" => "commentary",
                    "ScholarlyArticle" or "NewsArticle" or "BlogPosting" or "Article" => "article",
                    _ => null,
                });
            }
        }
        catch (JsonException)
        {
            // A page's broken JSON-LD is its own problem: the other metadata still stands.
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Items),
        JsonValueKind.Object when element.TryGetProperty("@graph", out var graph) => Items(graph),
        JsonValueKind.Object => [element],
        _ => [],
    };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        } : null;

    /// <summary>A person or organisation: a string, an object with a name, or a list of either.</summary>
    private static IEnumerable<string?> Names(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return [];
        }
        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        return values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Object ? Text(v, "name") : null);
    }

    /// <summary>Walks the article's elements, writing blocks of Markdown; inline markup becomes Markdown emphasis and links.</summary>
    private sealed class Walker(List<Block> blocks)
    {
        private readonly StringBuilder _inline = new();
        private BlockKind _kind = BlockKind.Paragraph;
        private string? _furniture;
        private bool _notes;

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                Visit(child);
            }
        }

        private void Visit(INode node)
        {
            if (node is IText text)
            {
                _inline.Append(Escape(text.Data));
                return;
            }
            if (node is not IElement element || Skipped.Contains(element.TagName))
            {
                return;
            }
            var (furniture, notes) = (_furniture, _notes);
            _furniture ??= FurnitureOf(element);
            _notes |= NoteMarks.NotesClass().IsMatch(Identity(element));
            switch (element.TagName)
            {
                case "H1" or "H2" or "H3" or "H4" or "H5" or "H6":
                    Flush();
                    Walk(element);
                    Flush(BlockKind.Heading, element.TagName[1] - '0');
                    // A notes heading turns the list after it (a sibling) into notes: kept past this element.
                    (_furniture, _notes) = (furniture, NoteMarks.NotesHeading().IsMatch(element.TextContent.Trim()));
                    return;
                case "LI":
                    Flush();
                    if (_notes)
                    {
                        var number = element.Parent is IElement { TagName: "OL" } list
                            ? list.Children.Where(c => c.TagName == "LI").ToList().IndexOf(element) + (int.TryParse(list.GetAttribute("start"), out var s) ? s : 1)
                            : 0;
                        _inline.Append(CultureInfo.InvariantCulture, $"<sup>{number}</sup> ");
                        Walk(element);
                        Flush(BlockKind.Paragraph);
                    }
                    else
                    {
                        Walk(element);
                        Flush(BlockKind.ListItem, ordered: element.Parent is IElement { TagName: "OL" });
                    }
                    break;
                case "BLOCKQUOTE":
                    Flush();
                    var outer = _kind;
                    _kind = BlockKind.Quote;
                    Walk(element);
                    Flush();
                    _kind = outer;
                    break;
                case "FIGCAPTION":
                    Flush();
                    Walk(element);
                    Flush(BlockKind.Caption);
                    break;
                case "BR":
                    _inline.Append(' ');
                    break;
                case "EM" or "I" or "CITE":
                    Wrap(element, "*");
                    break;
                case "STRONG" or "B":
                    Wrap(element, "**");
                    break;
                case "CODE":
                    Wrap(element, "`");
                    break;
                case "SUP":
                    if (NoteMarks.MarkerText().Match(element.TextContent) is { Success: true } m)
                    {
                        _inline.Append(CultureInfo.InvariantCulture, $"<sup>{m.Groups[1].Value}</sup>");
                    }
                    else
                    {
                        Walk(element);
                    }
                    break;
                case "A":
                    Link(element);
                    break;
                default:
                    if (Blocks.Contains(element.TagName) || element.TagName is "UL" or "OL" or "LI")
                    {
                        Flush();
                        Walk(element);
                        Flush();
                    }
                    else
                    {
                        Walk(element);
                    }
                    break;
            }
            (_furniture, _notes) = (furniture, notes);
        }

        private void Wrap(IElement element, string mark)
        {
            var start = _inline.Length;
            Walk(element);
            var inner = _inline.ToString(start, _inline.Length - start);
            if (inner.Trim().Length == 0)
            {
                return;
            }
            // Emphasis must hug its words: "*word*", not "* word *".
            var lead = inner.Length - inner.TrimStart().Length;
            var trail = inner.Length - inner.TrimEnd().Length;
            _inline.Length = start;
            _inline.Append(' ', lead).Append(mark).Append(inner.Trim()).Append(mark).Append(' ', trail);
        }

        /// <summary>A footnote link becomes a marker, a back link from a note is dropped, a web link stays a link.</summary>
        private void Link(IElement link)
        {
            var href = link.GetAttribute("href") ?? "";
            var words = link.TextContent.Trim();
            if (href.StartsWith('#') && NoteMarks.BackLink().IsMatch(href + " " + words))
            {
                return;
            }
            if (href.StartsWith('#') && NoteMarks.MarkerText().Match(words) is { Success: true } m)
            {
                _inline.Append(CultureInfo.InvariantCulture, $"<sup>{m.Groups[1].Value}</sup>");
                return;
            }
            var start = _inline.Length;
            Walk(link);
            if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && words.Length > 0)
            {
                var inner = _inline.ToString(start, _inline.Length - start).Trim();
                _inline.Length = start;
                _inline.Append('[').Append(inner).Append("](").Append(uri.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)).Append(')');
            }
        }

        private void Flush(BlockKind? kind = null, int level = 2, bool ordered = false)
        {
            var text = DocumentMetadata.Clean(_inline.ToString());
            _inline.Clear();
            if (text is null)
            {
                return;
            }
            blocks.Add(new Block(kind ?? _kind, text) { Level = level, Ordered = ordered, Furniture = _furniture });
        }

        private static string? FurnitureOf(IElement element) =>
            element.TagName switch
            {
                "NAV" => "navigation",
                "ASIDE" => "a sidebar",
                "FOOTER" => "the page footer",
                "FORM" => "a form",
                _ => FurnitureClass().Match(Identity(element)) is { Success: true } m ? m.Value.ToLowerInvariant() switch
                {
                    "share" or "social" => "share buttons",
                    "subscribe" or "newsletter" or "signup" => "a subscription box",
                    "related" or "recommended" => "links to other pages",
                    "author-bio" or "bio" => "the author's boilerplate",
                    _ => "advertising or promotion",
                } : null,
            };

        private static string Identity(IElement element) => (element.Id ?? "") + " " + (element.ClassName ?? "");

        /// <summary>Markdown's own characters in the page's text are escaped, so they print as they stand.</summary>
        private static string Escape(string text) => MarkdownCharacter().Replace(text, @"\$0");
    }

    [GeneratedRegex(@"^\s*(<!doctype html|<html|<head|<body|<meta|<title|<article|<p[ >]|<div[ >])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"\s+[|–—-]\s+[^|–—-]+$")]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"\b(share|social|subscribe|newsletter|signup|related|recommended|author-bio|bio|advert|promo|sponsored)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureClass();

    [GeneratedRegex(@"[\\`*_\[\]]")]
    private static partial Regex MarkdownCharacter();
}
