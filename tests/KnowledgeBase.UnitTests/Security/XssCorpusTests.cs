using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Security;

/// <summary>
/// Every payload of xss-payloads.txt, rendered through <see cref="SourceRenderer.Render"/> as a whole body, inside a
/// paragraph, inside a footnote definition and inside a link's text, leaves nothing that can run script, load a
/// frame or post a form.
/// </summary>
public sealed partial class XssCorpusTests
{
    public static readonly string[] ForbiddenElements =
    [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "select",
        "textarea", "meta", "base", "link", "style", "svg", "math", "template", "portal", "noscript", "isindex",
    ];

    public static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc", "lowsrc", "dynsrc"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static IReadOnlyList<string> Payloads { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", "xss-payloads.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
        .Select(line => line.Replace("\\n", "\n", StringComparison.Ordinal))
        .ToList();

    public static TheoryData<string> Contexts => new() { "body", "paragraph", "footnote", "link" };

    private static string Embed(string context, string payload) => context switch
    {
        "body" => payload,
        "paragraph" => $"Some words before {payload} and after.",
        "footnote" => $"A sentence with a note.[^1]\n\n[^1]: {payload}",
        "link" => $"See [{payload}](https://example.org/page).",
        _ => throw new ArgumentOutOfRangeException(nameof(context)),
    };

    [Fact]
    public void The_corpus_holds_at_least_150_distinct_payloads()
    {
        Assert.True(Payloads.Count >= 150, $"{Payloads.Count} payloads");
        Assert.Equal(Payloads.Count, Payloads.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void No_payload_survives_sanitizing(string context)
    {
        var failures = new List<string>();
        foreach (var payload in Payloads)
        {
            string html;
            try
            {
                html = SourceRenderer.Render(Embed(context, payload)).Html;
            }
            catch (SourceFormatException)
            {
                // Refused with a message for the editor: nothing rendered, nothing to run.
                continue;
            }
            catch (Exception e)
            {
                // Anything else would be a 500 for the editor.
                failures.Add($"{payload}\n    → {e.GetType().Name}: {e.Message}");
                continue;
            }
            failures.AddRange(Dangers(html).Select(d => $"{payload}\n    → {d}\n    in {html}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} dangers in context '{context}':\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "attribute onerror")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>", "href=")]
    [InlineData("<a href=\" JAVASCRIPT:alert(1)\">x</a>", "href=")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", "element svg")]
    [InlineData("<p style=\"color:red\">x</p>", "attribute style")]
    [InlineData("<form action=\"/x\"></form>", "element form")]
    public void The_check_finds_what_an_unsanitized_renderer_would_let_through(string html, string danger)
    {
        Assert.Contains(Dangers(html), d => d.StartsWith(danger, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<a href=\"https://example.org/\">x</a>")]
    [InlineData("<a href=\"#footnote-1\" class=\"footnote-ref\">1</a>")]
    [InlineData("<a href=\"/sources/x\">x</a>")]
    [InlineData("<a href=\"mailto:x@example.org\">x</a>")]
    [InlineData("<img src=\"images/a.png\" alt=\"a\">")]
    public void Safe_markup_passes_the_check(string html)
    {
        Assert.Empty(Dangers(html));
    }

    [Fact]
    public void Footnotes_still_work_after_sanitizing()
    {
        var rendered = SourceRenderer.Render("A claim.[^1]\n\n[^1]: Yonhap, \"Report\", <https://example.org/r>.");

        var body = new HtmlParser().ParseDocument("<body>" + rendered.Html).Body!;
        Assert.Equal("#footnote-1", body.QuerySelector("a.footnote-ref")!.GetAttribute("href"));
        Assert.NotNull(body.QuerySelector("#footnote-1"));
        Assert.Equal("https://example.org/r", body.QuerySelector("#footnote-1 a[href^=http]")!.GetAttribute("href"));
    }

    [Fact]
    public void A_last_footnote_holding_only_an_image_renders_with_empty_text()
    {
        // Found by the corpus: the footnote's span began after the trailing separators and Render threw (a 500).
        var rendered = SourceRenderer.Render("A claim.[^1]\n\n[^1]: ![chart](https://example.org/chart.png)");

        var footnote = Assert.Single(rendered.Footnotes);
        Assert.Equal("", footnote.Text);
        Assert.True(footnote.Start <= rendered.CanonicalText.Length);
    }

    /// <summary>What in <paramref name="html"/> could run script, load content or submit data; empty when safe.</summary>
    public static IReadOnlyList<string> Dangers(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var dangers = new List<string>();
        foreach (var element in document.Body!.Descendants<IElement>())
        {
            if (ForbiddenElements.Contains(element.LocalName, StringComparer.OrdinalIgnoreCase))
            {
                dangers.Add($"element {element.LocalName}");
            }
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal))
                {
                    dangers.Add($"attribute {name}");
                }
                else if (name is "style" or "srcdoc")
                {
                    dangers.Add($"attribute {name}");
                }
                else if (UrlAttributes.Contains(name) && !IsSafeUrl(attribute.Value))
                {
                    dangers.Add($"{name}={attribute.Value}");
                }
            }
        }
        return dangers;
    }

    /// <summary>
    /// A URL a browser would not run: after trimming, decoding entities and dropping the tabs and line breaks
    /// browsers ignore, either no scheme at all (a relative path or a fragment) or http, https or mailto.
    /// </summary>
    public static bool IsSafeUrl(string value)
    {
        var url = WebUtility.HtmlDecode(value);
        url = ControlOrSpace().Replace(url, "").ToLowerInvariant();
        var scheme = Scheme().Match(url);
        return !scheme.Success || AllowedSchemes.Contains(scheme.Groups[1].Value);
    }

    [GeneratedRegex(@"[\u0000-\u0020\u007f-\u009f]")]
    private static partial Regex ControlOrSpace();

    [GeneratedRegex(@"^([a-z][a-z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
