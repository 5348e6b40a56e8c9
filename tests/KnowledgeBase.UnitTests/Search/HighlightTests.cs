using KnowledgeBase.Web.Search;

namespace KnowledgeBase.UnitTests.Search;

public sealed class HighlightTests
{
    private const char S = Highlight.Start;
    private const char E = Highlight.Stop;

    [Fact]
    public void Markers_split_the_text_into_matches_and_the_words_around_them()
    {
        var segments = Highlight.Parse($"deployed to the {S}Kursk{E} region of {S}Russia{E}");

        Assert.Equal(
            [new("deployed to the ", false), new("Kursk", true), new(" region of ", false), new("Russia", true)],
            segments);
    }

    [Fact]
    public void Text_without_markers_is_one_plain_segment_and_nothing_is_nothing()
    {
        Assert.Equal([new HighlightSegment("no match here", false)], Highlight.Parse("no match here"));
        Assert.Empty(Highlight.Parse(""));
        Assert.Empty(Highlight.Parse(null));
    }

    [Fact]
    public void Stray_or_unbalanced_markers_never_leak_and_never_leave_a_match_open_past_the_text()
    {
        Assert.Equal([new("a ", false), new("b", true)], Highlight.Parse($"a {S}b"));
        Assert.Equal([new HighlightSegment("a b", false)], Highlight.Parse($"a{E} b"));
        Assert.Equal([new("x", true), new("y", false)], Highlight.Parse($"{S}{S}x{E}{E}y"));
        Assert.All(Highlight.Parse($"{S}a{E}{S}{E}b{S}"), s => Assert.DoesNotContain(S, s.Text));
    }

    [Fact]
    public void Adjacent_segments_of_the_same_kind_are_merged()
    {
        Assert.Equal([new HighlightSegment("North Korea", true)], Highlight.Parse($"{S}North{E}{S} Korea{E}"));
    }

    [Fact]
    public void Plain_drops_the_markers()
    {
        Assert.Equal("the Kursk region", Highlight.Plain($"the {S}Kursk{E} region"));
    }

    [Fact]
    public void The_options_ask_ts_headline_for_the_control_character_markers()
    {
        Assert.Equal($"StartSel=\"{S}\", StopSel=\"{E}\", HighlightAll=true", Highlight.Options("HighlightAll=true"));
    }
}
