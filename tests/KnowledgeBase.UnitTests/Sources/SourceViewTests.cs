using System.Text;
using KnowledgeBase.Web.Sources;

namespace KnowledgeBase.UnitTests.Sources;

public sealed class SourceViewTests
{
    [Fact]
    public void The_html_comes_back_whole_and_in_order_from_pieces_below_the_large_object_size()
    {
        var html = string.Concat(Enumerable.Range(0, 4000).Select(i => $"<p id=\"p{i}\">Passage {i} — “quoted” text</p>"));
        var view = new SourceView(3, 2, html);

        var pieces = view.Pieces().ToList();
        Assert.Equal(html, string.Concat(pieces));
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 16 * 1024));
        Assert.Equal((3, 2), (view.PassageCount, view.ClaimCount));
    }

    [Fact]
    public void It_weighs_its_deflated_bytes_far_less_than_the_text()
    {
        var html = string.Concat(Enumerable.Repeat("<mark class=\"passage\" data-passages=\"12\">Troops were deployed.</mark> ", 2000));
        var view = new SourceView(0, 0, html);
        Assert.InRange(view.Weight, 64, 2L * html.Length / 10);
    }

    [Theory]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    [InlineData(32 * 1024 - 1)]
    public void A_surrogate_pair_across_a_piece_boundary_stays_whole(int at)
    {
        var html = new StringBuilder().Append('a', at).Append("😀").Append('b', 20_000).ToString();
        var pieces = new SourceView(0, 0, html).Pieces().ToList();
        Assert.Equal(html, string.Concat(pieces));
        Assert.All(pieces, p =>
        {
            Assert.False(char.IsHighSurrogate(p[^1]), "a piece ends in half a pair");
            Assert.False(char.IsLowSurrogate(p[0]), "a piece starts with half a pair");
        });
    }

    [Fact]
    public void An_empty_text_has_no_pieces() => Assert.Empty(new SourceView(0, 0, "").Pieces());
}
