using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Shared;

public sealed class HtmlFragmentTests
{
    private static string Html(Action<HtmlFragment, int> write) => HtmlFragment.Build(0, write).Value;

    [Fact]
    public void An_attribute_without_a_value_is_left_out()
    {
        Assert.Equal("<a href=\"/x\">go</a>", Html((h, _) => h.Open("a", null, ("href", "/x"), ("rel", null)).Text("go").Close("a")));
    }

    [Fact]
    public void Values_are_encoded_in_text_and_in_attributes()
    {
        Assert.Equal(
            "<p class=\"a&quot;b\" title=\"&lt;i&gt;\">&lt;b&gt; &amp; &#x27;</p>",
            Html((h, _) => h.Open("p", "a\"b", ("title", "<i>")).Text("<b> & '").Close("p")));
    }

    [Fact]
    public void An_element_of_text_only_and_empty_text_write_what_they_say()
    {
        Assert.Equal("<dt>Footnote</dt><dd class=\"x\"></dd>", Html((h, _) => h.Element("dt", null, "Footnote").Element("dd", "x", "")));
    }

    [Fact]
    public void Each_fragment_starts_empty_though_the_builders_are_pooled()
    {
        Html((h, _) => h.Text("first"));

        Assert.Equal("second", Html((h, _) => h.Text("second")));
    }

    [Fact]
    public void A_value_longer_than_the_encoding_buffer_is_encoded_whole()
    {
        var value = string.Concat(Enumerable.Repeat("a<é", 400));

        Assert.Equal(string.Concat(Enumerable.Repeat("a&lt;&#xE9;", 400)), Html((h, _) => h.Text(value)));
    }

    [Fact]
    public void A_writer_that_throws_leaves_nothing_behind_for_the_next_fragment()
    {
        Assert.Throws<InvalidOperationException>(() => Html((h, _) =>
        {
            h.Text("half-written");
            throw new InvalidOperationException("the writer failed");
        }));

        Assert.Equal("next", Html((h, _) => h.Text("next")));
    }
}
