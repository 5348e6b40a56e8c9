using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeBase.Web.About;

/// <summary>
/// The "About the flags" page's HTML, rendered once from <see cref="AgreementFlagText.AboutTheFlags"/>. Each flag's
/// entry gets an id every badge links to, so the text stays in one place (the domain's) and the anchors follow it.
/// </summary>
public static class AboutTheFlags
{
    public const string Path = "/about/flags";

    /// <summary>The paragraph on independent roots, which the single-root filter links to.</summary>
    public const string IndependentRootsId = "independent-roots";

    /// <summary>The id of a flag's entry on the page.</summary>
    public static string SectionId(AgreementFlag flag) => "flag-" + flag.ToSlug();

    /// <summary>A flag's entry on the page.</summary>
    public static string Link(AgreementFlag flag) => $"{Path}#{SectionId(flag)}";

    public static string IndependentRootsLink => $"{Path}#{IndependentRootsId}";

    // Before Html: static fields are initialized in the order they are written.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static readonly string Html = Render(AgreementFlagText.AboutTheFlags);

    /// <summary>
    /// Renders the text, its first heading as the page's h1, and ids on each flag's list item (found by the bold
    /// label it opens with) and on the independent roots paragraph. A flag without an entry is a mistake in the text,
    /// so it fails loudly rather than leaving a badge's link pointing nowhere.
    /// </summary>
    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        if (document.Descendants<HeadingBlock>().FirstOrDefault() is { } title)
        {
            title.Level = 1;
        }
        var labels = Enum.GetValues<AgreementFlag>().ToDictionary(f => f.ToLabel(), SectionId);
        foreach (var item in document.Descendants<ListItemBlock>())
        {
            if (OpeningBold(item.Descendants<ParagraphBlock>().FirstOrDefault()) is { } label && labels.Remove(label, out var id))
            {
                item.GetAttributes().Id = id;
            }
        }
        if (labels.Count > 0)
        {
            throw new InvalidOperationException($"The flags' explanation has no entry for: {string.Join(", ", labels.Keys)}.");
        }
        if (document.Descendants<ParagraphBlock>().FirstOrDefault(p => OpeningBold(p) == "Independent roots.") is { } roots)
        {
            roots.GetAttributes().Id = IndependentRootsId;
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The text of the bold words a paragraph opens with, if it does.</summary>
    private static string? OpeningBold(ParagraphBlock? paragraph) =>
        paragraph?.Inline?.FirstChild is EmphasisInline { DelimiterCount: 2 } bold
            ? string.Concat(bold.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
            : null;
}
