using System.Globalization;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Sources;

public sealed class CanonicalOffsetsTests
{
    [Fact]
    public void Each_piece_of_the_text_says_where_it_starts_and_the_text_is_unchanged()
    {
        var rendered = SourceRenderer.Render("Some *emphasis* and a [link](https://example.org).[^1]\n\n- a list\n- of two\n\n[^1]: A note.\n");
        var body = SourceRenderer.ParseBody(rendered.Html);

        CanonicalLayout.MarkOffsets(body);

        Assert.Equal(rendered.CanonicalText, CanonicalLayout.Of(body).Text);
        var pieces = body.QuerySelectorAll($"span[{CanonicalLayout.OffsetAttribute}]");
        Assert.True(pieces.Length >= 6);
        foreach (var piece in pieces)
        {
            var at = int.Parse(piece.GetAttribute(CanonicalLayout.OffsetAttribute)!, CultureInfo.InvariantCulture);
            Assert.Equal(piece.TextContent, rendered.CanonicalText.Substring(at, piece.TextContent.Length));
        }
        // The footnote marker's number is no piece of the text.
        Assert.Null(body.QuerySelector("a.footnote-ref")!.Closest($"[{CanonicalLayout.OffsetAttribute}]"));
    }
}
