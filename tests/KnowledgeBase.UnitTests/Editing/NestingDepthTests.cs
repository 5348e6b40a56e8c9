using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Editing;

public sealed class NestingDepthTests
{
    [Theory]
    [InlineData("Plain text.\n\nMore text.", 0)]
    [InlineData("- a\n- b", 1)]
    [InlineData("- a\n  - b\n    - c", 3)]
    [InlineData("> > > quoted", 3)]
    [InlineData("> - 1. item", 3)]
    [InlineData("10) ten", 1)]
    [InlineData("-not a list", 0)]
    [InlineData("2024. A year, not a list item", 1)]
    [InlineData("                                        indented code, no marker", 0)]
    public void The_estimate_counts_markers_and_indentation_of_nested_items(string markdown, int depth)
    {
        Assert.Equal(depth, SourceRenderer.DeepestNesting(markdown).Depth);
    }

    [Fact]
    public void The_estimate_never_falls_short_of_what_markdig_nests()
    {
        // Each line opens one more level than the last: a list item indented under the previous one, or a quote in a quote.
        var lists = string.Concat(Enumerable.Range(0, 20).Select(i => new string(' ', i * 2) + "- level\n"));
        var quotes = string.Concat(Enumerable.Range(1, 20).Select(i => string.Concat(Enumerable.Repeat("> ", i)) + "level\n\n"));

        Assert.True(SourceRenderer.DeepestNesting(lists).Depth >= 20);
        Assert.True(SourceRenderer.DeepestNesting(quotes).Depth >= 20);
        Assert.Equal(20, Depth(Markdig.Markdown.Parse(lists)));
        Assert.Equal(20, Depth(Markdig.Markdown.Parse(quotes)));
    }

    [Fact]
    public void Rendering_refuses_a_body_past_the_limit_and_accepts_one_within_it()
    {
        var deep = string.Concat(Enumerable.Repeat("> ", SourceRenderer.MaxNestingDepth + 1)) + "too deep";
        var fine = string.Concat(Enumerable.Repeat("> ", 10)) + "fine";

        var error = Assert.Throws<SourceFormatException>(() => SourceRenderer.Render(deep));

        Assert.Contains("Line 1 nests lists or block quotes 33 levels deep; the limit is 32.", error.Message, StringComparison.Ordinal);
        Assert.Contains("fine", SourceRenderer.Render(fine).CanonicalText, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_quotes_are_refused_quickly_instead_of_exhausting_the_stack()
    {
        var hostile = new string('>', 10_000) + " boom";

        Assert.Throws<SourceFormatException>(() => SourceRenderer.Render(hostile));
    }

    /// <summary>Inline nesting past Markdig's own depth limit, of every kind (issue 15's payloads among them).</summary>
    public static TheoryData<string, string> TooDeepInline => new()
    {
        { "links", string.Concat(Enumerable.Repeat("[a(", 200)) },
        { "brackets", new string('[', 15_000) },
        { "images", string.Concat(Enumerable.Repeat("![", 7_000)) },
        { "emphasis", string.Concat(Enumerable.Repeat("*_", 3_500)) + string.Concat(Enumerable.Repeat("_*", 3_500)) },
        { "quotes and lists", string.Concat(Enumerable.Repeat("> - ", 5_000)) + "deep" },
    };

    [Theory]
    [MemberData(nameof(TooDeepInline))]
    public void Nesting_of_any_kind_past_the_limit_is_a_refusal_not_a_crash(string kind, string markdown)
    {
        var error = Assert.Throws<SourceFormatException>(() => SourceRenderer.Render(markdown));

        Assert.Contains("deep", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void Ordinary_inline_nesting_still_renders()
    {
        var markdown = "A [link with *emphasis and **strong [brackets]***](https://example.org) and ![an image](/x.png).";

        Assert.Contains("emphasis and strong [brackets]", SourceRenderer.Render(markdown).CanonicalText, StringComparison.Ordinal);
    }

    /// <summary>How deep container blocks nest, counting lists and quotes but not the list items inside a list.</summary>
    private static int Depth(Markdig.Syntax.ContainerBlock block) =>
        block.OfType<Markdig.Syntax.ContainerBlock>()
            .Select(child => Depth(child) + (child is Markdig.Syntax.ListBlock or Markdig.Syntax.QuoteBlock ? 1 : 0))
            .DefaultIfEmpty(0)
            .Max();
}
