using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Sources;

public sealed class SourceRendererTests
{
    private const string Document = """
        The war has a profound impact on the region.[^1] Notably, it has strengthened an alliance.

        ## Why it matters

        > A pull quote stands apart.

        - first item
        - second item

        Officials *confirmed* the first clashes.[^2]

        [^1]: Lim and Kim, "Impacts of the War", 2022.

        [^2]: Yonhap, "First Combat Engagement", 6 November 2024.
        """;

    private const string ExpectedText =
        "The war has a profound impact on the region. Notably, it has strengthened an alliance.\n\n"
        + "Why it matters\n\n"
        + "A pull quote stands apart.\n\n"
        + "first item\n\n"
        + "second item\n\n"
        + "Officials confirmed the first clashes.\n\n"
        + "Lim and Kim, \"Impacts of the War\", 2022.\n\n"
        + "Yonhap, \"First Combat Engagement\", 6 November 2024.";

    private static AngleSharp.Dom.IElement Body(string html) => SourceRenderer.ParseBody(html);

    [Fact]
    public void The_canonical_text_is_the_visible_text_with_blocks_separated_by_a_blank_line()
    {
        var rendered = SourceRenderer.Render(Document);

        Assert.Equal(ExpectedText, rendered.CanonicalText);
    }

    [Fact]
    public void The_canonical_text_leaves_out_footnote_reference_numbers_and_back_link_arrows()
    {
        var rendered = SourceRenderer.Render(Document);

        Assert.Contains("the region. Notably", rendered.CanonicalText);
        Assert.DoesNotContain("region.1", rendered.CanonicalText);
        Assert.DoesNotContain("clashes.2", rendered.CanonicalText);
        Assert.DoesNotContain("\u21A9", rendered.CanonicalText);
        Assert.DoesNotContain("#", rendered.CanonicalText);
        Assert.DoesNotContain(">", rendered.CanonicalText);
        Assert.DoesNotContain("*", rendered.CanonicalText);
    }

    [Fact]
    public void Footnote_markers_sit_right_after_the_text_they_follow()
    {
        var rendered = SourceRenderer.Render(Document);

        Assert.Collection(
            rendered.Markers,
            m =>
            {
                Assert.Equal(1, m.Number);
                Assert.Equal(ExpectedText.IndexOf(" Notably", StringComparison.Ordinal), m.Offset);
            },
            m =>
            {
                Assert.Equal(2, m.Number);
                Assert.Equal(ExpectedText.IndexOf("clashes.", StringComparison.Ordinal) + "clashes.".Length, m.Offset);
            });
    }

    [Fact]
    public void Footnote_texts_are_part_of_the_canonical_text_with_their_spans()
    {
        var rendered = SourceRenderer.Render(Document);

        const string first = "Lim and Kim, \"Impacts of the War\", 2022.";
        const string second = "Yonhap, \"First Combat Engagement\", 6 November 2024.";
        Assert.Collection(
            rendered.Footnotes,
            f =>
            {
                Assert.Equal(1, f.Number);
                Assert.Equal("1", f.Label);
                Assert.Equal(first, f.Text);
                Assert.Equal(ExpectedText.IndexOf(first, StringComparison.Ordinal), f.Start);
                Assert.Equal(f.Start + first.Length, f.End);
            },
            f =>
            {
                Assert.Equal(2, f.Number);
                Assert.Equal("2", f.Label);
                Assert.Equal(second, f.Text);
                Assert.Equal(ExpectedText.IndexOf(second, StringComparison.Ordinal), f.Start);
                Assert.Equal(f.Start + second.Length, f.End);
            });
    }

    [Fact]
    public void A_footnote_label_that_is_not_its_order_is_reported_as_written()
    {
        var rendered = SourceRenderer.Render("First.[^b] Second.[^a]\n\n[^a]: Note a.\n\n[^b]: Note b.\n");

        Assert.Collection(
            rendered.Footnotes,
            f =>
            {
                Assert.Equal(1, f.Number);
                Assert.Equal("b", f.Label);
                Assert.Contains("Note b.", f.Text);
            },
            f =>
            {
                Assert.Equal(2, f.Number);
                Assert.Equal("a", f.Label);
                Assert.Contains("Note a.", f.Text);
            });
    }

    [Fact]
    public void Items_of_a_loose_list_are_separated_by_one_blank_line()
    {
        var rendered = SourceRenderer.Render("- first item\n\n- second item\n\nAfter the list.");

        Assert.Equal("first item\n\nsecond item\n\nAfter the list.", rendered.CanonicalText);
    }

    [Fact]
    public void Characters_escaped_in_html_are_plain_characters_in_the_canonical_text()
    {
        var rendered = SourceRenderer.Render("Tanks & howitzers < drones.");

        Assert.Equal("Tanks & howitzers < drones.", rendered.CanonicalText);
        Assert.Contains("&amp;", rendered.Html);
    }

    [Fact]
    public void Footnote_ids_are_rewritten_to_readable_fragments_and_references_get_the_noteref_role()
    {
        var rendered = SourceRenderer.Render(Document);
        var body = Body(rendered.Html);

        var note = body.QuerySelector("li#footnote-1");
        Assert.NotNull(note);
        Assert.NotNull(body.QuerySelector("li#footnote-2"));

        var reference = body.QuerySelector("a#footnote-ref-1");
        Assert.NotNull(reference);
        Assert.Equal("#footnote-1", reference!.GetAttribute("href"));
        Assert.Equal("doc-noteref", reference.GetAttribute("role"));
        Assert.Contains("footnote-ref", reference.ClassList);
        Assert.Equal("1", reference.TextContent.Trim());

        var back = note!.QuerySelector("a.footnote-back-ref");
        Assert.NotNull(back);
        Assert.Equal("#footnote-ref-1", back!.GetAttribute("href"));
        Assert.Equal("doc-backlink", back.GetAttribute("role"));

        Assert.DoesNotContain("fn:", rendered.Html);
        Assert.DoesNotContain("fnref:", rendered.Html);
        Assert.Equal("doc-endnotes", body.QuerySelector("div.footnotes")?.GetAttribute("role"));
    }

    [Fact]
    public void Heading_ids_are_prefixed_with_section()
    {
        var body = Body(SourceRenderer.Render(Document).Html);

        var heading = body.QuerySelector("h2");
        Assert.Equal("section-why-it-matters", heading?.Id);
    }

    [Fact]
    public void The_html_keeps_the_structure_of_the_markdown()
    {
        var body = Body(SourceRenderer.Render(Document).Html);

        Assert.Equal("A pull quote stands apart.", body.QuerySelector("blockquote")?.TextContent.Trim());
        Assert.Equal(["first item", "second item"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()));
        Assert.Equal("confirmed", body.QuerySelector("em")?.TextContent);
    }

    [Fact]
    public void A_script_block_does_not_survive_as_markup()
    {
        var rendered = SourceRenderer.Render("Before.\n\n<script>alert(1)</script>\n\nAfter.");
        var body = Body(rendered.Html);

        Assert.DoesNotContain("<script", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(body.QuerySelectorAll("script"));
    }

    [Fact]
    public void An_image_with_an_event_handler_does_not_survive_as_markup()
    {
        var rendered = SourceRenderer.Render("Text <img src=x onerror=alert(1)> more.");
        var body = Body(rendered.Html);

        Assert.DoesNotContain("<img", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=", rendered.Html.Replace("&lt;img src=x onerror=alert(1)&gt;", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.All(body.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_rather_than_dropped_silently()
    {
        var rendered = SourceRenderer.Render("Text <img src=x onerror=alert(1)> more.");

        Assert.Equal("Text <img src=x onerror=alert(1)> more.", rendered.CanonicalText);
    }

    [Theory]
    [InlineData("![alt](https://example.org/x.png \"title\")")]
    [InlineData("![alt](http://example.org/x.png)")]
    [InlineData("![alt](//example.org/x.png)")]
    public void A_markdown_image_from_another_site_is_dropped_as_the_policy_would_block_it(string markdown)
    {
        var rendered = SourceRenderer.Render("Before. " + markdown + " After.");

        Assert.Empty(Body(rendered.Html).QuerySelectorAll("img"));
        Assert.Equal("Before.  After.", rendered.CanonicalText);
        Assert.Contains("img-src 'self' data:", KnowledgeBase.Web.Security.SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_image_on_this_site_is_kept()
    {
        var rendered = SourceRenderer.Render("![alt](/images/x.png \"title\")");

        Assert.Equal("/images/x.png", Body(rendered.Html).QuerySelector("img")?.GetAttribute("src"));
    }

    [Fact]
    public void A_javascript_link_loses_its_href()
    {
        var rendered = SourceRenderer.Render("Click [x](javascript:alert(1)) now.");
        var body = Body(rendered.Html);

        Assert.DoesNotContain("javascript:", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.All(body.QuerySelectorAll("a"), a => Assert.Null(a.GetAttribute("href")));
        Assert.Contains("x", body.TextContent);
    }

    [Fact]
    public void An_entity_encoded_javascript_link_loses_its_href()
    {
        var rendered = SourceRenderer.Render("Click [x](jav&#x61;script:alert(1)) now.");
        var body = Body(rendered.Html);

        Assert.All(body.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("script:", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_http_link_is_kept_with_nofollow()
    {
        var body = Body(SourceRenderer.Render("See [the page](https://www.usip.org/x).").Html);

        var a = body.QuerySelector("a");
        Assert.Equal("https://www.usip.org/x", a?.GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", a?.GetAttribute("rel"));
    }

    [Fact]
    public void A_body_longer_than_the_limit_is_refused()
    {
        var markdown = new string('a', SourceRenderer.MaxMarkdownLength + 1);

        var e = Assert.Throws<SourceFormatException>(() => SourceRenderer.Render(markdown));

        Assert.Contains("the limit is", e.Message);
    }

    [Fact]
    public void A_body_exactly_at_the_limit_is_rendered()
    {
        var markdown = new string('a', SourceRenderer.MaxMarkdownLength);

        var rendered = SourceRenderer.Render(markdown);

        Assert.Equal(SourceRenderer.MaxMarkdownLength, rendered.CanonicalText.Length);
    }

    [Theory]
    [InlineData("#footnote-7", 7)]
    [InlineData("#footnote-ref-12", 12)]
    [InlineData("#fn:3", 3)]
    [InlineData("#fnref:27", 27)]
    public void A_footnote_fragment_gives_its_number(string fragment, int number)
    {
        Assert.Equal(number, SourceRenderer.FootnoteNumberOf(fragment));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("footnote-7")]
    [InlineData("#footnote-")]
    [InlineData("#footnote-x")]
    [InlineData("#section-why")]
    [InlineData("#footnote--1")]
    public void Other_fragments_have_no_footnote_number(string? fragment)
    {
        Assert.Null(SourceRenderer.FootnoteNumberOf(fragment));
    }

    [Theory]
    [InlineData(Document)]
    [InlineData("Para one.[^1]\n\n- loose\n\n- list\n\n> quote\n\n| a | b |\n|---|---|\n| c | d |\n\n[^1]: Note.\n")]
    public void Re_parsing_the_stored_html_yields_the_stored_canonical_text_and_markers(string markdown)
    {
        // A source page marks passages by laying out the stored HTML again: it must see the same text.
        var rendered = SourceRenderer.Render(markdown);

        var layout = CanonicalLayout.Of(SourceRenderer.ParseBody(rendered.Html));

        Assert.Equal(rendered.CanonicalText, layout.Text);
        Assert.Equal(rendered.Markers, layout.Markers);
        Assert.Equal(rendered.Footnotes.Select(f => (f.Number, f.Start, f.End)), layout.Footnotes.Select(f => (f.Number, f.Start, f.End)));
    }
}
