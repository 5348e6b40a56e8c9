using AngleSharp.Dom;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Sources;

public sealed class PassageHighlighterTests
{
    private const string Paragraph = "<p>Alpha beta gamma delta.</p>";
    private const string ParagraphText = "Alpha beta gamma delta.";

    private static PassageMark Mark(long id, int number, string text, string quote, string description = "claim")
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"test text lacks “{quote}”");
        return new PassageMark(id, number, start, start + quote.Length, description);
    }

    private static IElement Highlight(string html, params PassageMark[] marks) =>
        SourceRenderer.ParseBody(PassageHighlighter.Highlight(html, marks));

    [Fact]
    public void Marking_a_passage_wraps_exactly_its_text_in_a_mark()
    {
        var body = Highlight(Paragraph, Mark(7, 1, ParagraphText, "beta gamma", "Troops in Kursk"));

        var mark = Assert.Single(body.QuerySelectorAll("mark"));
        Assert.Equal("beta gamma", mark.TextContent);
        Assert.Equal("passage", mark.ClassName);
        Assert.Equal("7", mark.GetAttribute("data-passages"));
        Assert.Equal("Troops in Kursk", mark.GetAttribute("title"));
    }

    [Fact]
    public void The_passage_anchor_span_comes_right_before_the_mark()
    {
        var body = Highlight(Paragraph, Mark(7, 3, ParagraphText, "beta gamma"));

        var anchor = body.QuerySelector("span#passage-7");
        Assert.NotNull(anchor);
        Assert.Equal("passage-anchor", anchor!.ClassName);
        Assert.Equal("3", anchor.GetAttribute("data-passage-number"));
        Assert.Equal("", anchor.TextContent);
        Assert.Equal("mark", anchor.NextElementSibling?.LocalName);
        Assert.Same(anchor.NextSibling, anchor.NextElementSibling);
    }

    [Fact]
    public void Marks_add_no_text()
    {
        var body = Highlight(Paragraph, Mark(1, 1, ParagraphText, "beta gamma"), Mark(2, 2, ParagraphText, "gamma delta"));

        Assert.Equal(ParagraphText, body.TextContent);
    }

    [Fact]
    public void Highlighting_no_passages_changes_nothing()
    {
        Assert.Equal(Paragraph, PassageHighlighter.Highlight(Paragraph, []));
    }

    [Fact]
    public void Overlapping_passages_mark_the_overlap_with_both_ids()
    {
        var body = Highlight(Paragraph, Mark(1, 1, ParagraphText, "Alpha beta gamma"), Mark(2, 2, ParagraphText, "beta gamma delta"));

        var marks = body.QuerySelectorAll("mark").ToList();
        Assert.Equal(["Alpha ", "beta gamma", " delta"], marks.Select(m => m.TextContent));
        Assert.Equal(["1", "1 2", "2"], marks.Select(m => m.GetAttribute("data-passages")));
        Assert.Contains("passage-overlap", marks[1].ClassList);
        Assert.DoesNotContain("passage-overlap", marks[0].ClassList);
        Assert.Equal("claim · claim", marks[1].GetAttribute("title"));
        Assert.Equal(ParagraphText, body.TextContent);
    }

    [Fact]
    public void Each_overlapping_passage_gets_one_anchor_before_its_first_piece()
    {
        var body = Highlight(Paragraph, Mark(1, 1, ParagraphText, "Alpha beta gamma"), Mark(2, 2, ParagraphText, "beta gamma delta"));

        var first = body.QuerySelector("span#passage-1");
        var second = body.QuerySelector("span#passage-2");
        Assert.Equal("Alpha ", first?.NextElementSibling?.TextContent);
        Assert.Equal("beta gamma", second?.NextElementSibling?.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("span.passage-anchor").Length);
    }

    [Fact]
    public void A_passage_spanning_an_emphasis_boundary_is_marked_in_every_text_node_it_covers()
    {
        const string html = "<p>Officials <em>confirmed</em> the first clashes.</p>";
        const string text = "Officials confirmed the first clashes.";

        var body = Highlight(html, Mark(5, 1, text, "cials confirmed the"));

        var marks = body.QuerySelectorAll("mark").ToList();
        Assert.Equal(["cials ", "confirmed", " the"], marks.Select(m => m.TextContent));
        Assert.All(marks, m => Assert.Equal("5", m.GetAttribute("data-passages")));
        Assert.Equal("em", marks[1].ParentElement?.LocalName);
        Assert.Equal("p", marks[0].ParentElement?.LocalName);
        Assert.Single(body.QuerySelectorAll("span.passage-anchor"));
        Assert.Equal(text, body.TextContent);
        Assert.Equal("confirmed", body.QuerySelector("em")?.TextContent);
    }

    [Fact]
    public void A_passage_in_a_footnote_is_marked_inside_that_footnote()
    {
        var rendered = SourceRenderer.Render("Body sentence.[^1]\n\n[^1]: Kim Arin, \"$200m A Year, 700,000 Tons of Rice\".\n");
        var mark = Mark(9, 1, rendered.CanonicalText, "$200m A Year");

        var body = Highlight(rendered.Html, mark);

        var marked = Assert.Single(body.QuerySelectorAll("mark"));
        Assert.Equal("$200m A Year", marked.TextContent);
        Assert.NotNull(marked.Closest("li#footnote-1"));
        Assert.NotNull(body.QuerySelector("li#footnote-1 span#passage-9"));
    }

    [Fact]
    public void Offsets_are_canonical_text_offsets_so_a_passage_after_a_footnote_marker_is_marked_exactly()
    {
        var rendered = SourceRenderer.Render("The war has a profound impact on the region.[^1] Notably, it has strengthened an alliance.\n\n[^1]: A note.\n");
        var mark = Mark(3, 1, rendered.CanonicalText, "Notably, it has strengthened");

        var body = Highlight(rendered.Html, mark);

        Assert.Equal("Notably, it has strengthened", Assert.Single(body.QuerySelectorAll("mark")).TextContent);
    }

    [Fact]
    public void A_passage_in_a_later_paragraph_is_marked_at_the_right_place()
    {
        var rendered = SourceRenderer.Render("First paragraph says troops.\n\nSecond paragraph says troops too.");
        var start = rendered.CanonicalText.LastIndexOf("troops", StringComparison.Ordinal);

        var body = Highlight(rendered.Html, new PassageMark(4, 1, start, start + "troops".Length, "claim"));

        var mark = Assert.Single(body.QuerySelectorAll("mark"));
        Assert.StartsWith("Second paragraph", mark.ParentElement!.TextContent);
    }
}
