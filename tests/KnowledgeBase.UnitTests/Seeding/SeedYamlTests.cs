using System.Text;
using KnowledgeBase.Core.Seeding;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KnowledgeBase.UnitTests.Seeding;

/// <summary>What the exporter writes, the seed reader reads back unchanged, and as the hand-written seed files would.</summary>
public sealed class SeedYamlTests
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();

    public static TheoryData<string> Awkward() =>
    [
        "plain words",
        "Some Entered Combat: NIS",
        " such as",
        "United States). ",
        "$200m a year",
        "- a dash first",
        "[not a list]",
        "a # not a comment",
        "ends with a colon:",
        "null",
        "~",
        "true",
        "2024",
        "'single' and \"double\" quotes",
        "back\\slash",
        "line one\n\nline two",
        "tab\there",
        "no-break\u00a0space",
        "line\u2028separator",
        "curly “quotes” — and dashes",
        "emoji 🙂 too",
        "",
    ];

    [Theory]
    [MemberData(nameof(Awkward))]
    public void A_scalar_reads_back_as_written(string value)
    {
        var text = new StringBuilder();
        text.Append("- slug: x\n");
        SeedYaml.Line(text, 2, "name", SeedYaml.Scalar(value));
        SeedYaml.Line(text, 2, "description", SeedYaml.Scalar(value, quote: true));

        var topic = Assert.Single(Yaml.Deserialize<List<TopicEntry>>(text.ToString()));

        Assert.Equal(value, topic.Name);
        Assert.Equal(value, topic.Description);
    }

    [Fact]
    public void Flow_lists_and_folded_notes_read_back_as_written()
    {
        string[] authors = ["Lami Kim", "Kim, Lami", "[bracketed]", "Dr: Who"];
        var note = string.Join(' ', Enumerable.Repeat("A long editorial note, folded at a hundred columns: \"quoted\" # and so on.", 6));
        var text = new StringBuilder();
        SeedYaml.Line(text, 0, "authors", SeedYaml.FlowList(authors));
        SeedYaml.Folded(text, 0, "editorial-note", note);

        var meta = Yaml.Deserialize<SourceFrontMatter>(text.ToString());

        Assert.Equal(authors, meta.Authors);
        Assert.Equal(note, meta.EditorialNote);
        Assert.StartsWith("authors: [Lami Kim, \"Kim, Lami\", \"[bracketed]\", \"Dr: Who\"]\neditorial-note: >-\n  A long", text.ToString(), StringComparison.Ordinal);
        Assert.All(text.ToString().Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Theory]
    [InlineData("two  spaces inside")]
    [InlineData("a line\nbreak")]
    [InlineData(" leading space")]
    public void A_note_folding_would_change_is_quoted_instead(string note)
    {
        var text = new StringBuilder();
        SeedYaml.Folded(text, 0, "editorial-note", note);

        Assert.StartsWith("editorial-note: \"", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(note, Yaml.Deserialize<SourceFrontMatter>(text.ToString()).EditorialNote);
    }

    [Fact]
    public void Seed_style_is_kept_plain_where_the_seed_files_are_plain()
    {
        Assert.Equal("North Korea has sent approximately 10,000 troops to Russia", SeedYaml.Scalar("North Korea has sent approximately 10,000 troops to Russia"));
        Assert.Equal("\"$394 million\"", SeedYaml.Scalar("$394 million"));
        Assert.Equal("\"2022\"", SeedYaml.Scalar("2022", quote: true));
        Assert.Equal("", SeedYaml.Scalar(null));
    }
}
