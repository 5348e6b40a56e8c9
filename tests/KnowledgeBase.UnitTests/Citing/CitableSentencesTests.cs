using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Citing;
using KnowledgeBase.Core.Sources;
using Xunit.Abstractions;

namespace KnowledgeBase.UnitTests.Citing;

public sealed class CitableSentencesTests(ITestOutputHelper output)
{
    private const string Published = "2024-12-05";

    private static AnchorableText Text(string markdown) => AnchorableText.Of(SourceRenderer.Render(markdown));

    private static IReadOnlyList<CitableSentence> Find(string markdown) => CitableSentences.Find(Text(markdown), Published);

    [Fact]
    public void Sentences_end_at_a_terminator_before_a_capital_and_never_run_across_paragraphs()
    {
        var text = Text("U.S. officials met in Seoul. They said “no.” Then they left\n\nA new paragraph, without a stop");

        var sentences = CitableSentences.Sentences(text.Text, text.Footnotes).Select(s => text.Text[s.Start..s.End]).ToList();

        Assert.Equal(["U.S. officials met in Seoul.", "They said “no.”", "Then they left", "A new paragraph, without a stop"], sentences);
    }

    [Fact]
    public void A_figure_is_a_phrase_the_figure_parser_reads()
    {
        var found = Assert.Single(Find("Pyongyang has sent about 10,000 troops to Russia, officials say."));

        Assert.Equal("10,000 troops to Russia", found.Figure);
        Assert.Null(found.Date);
    }

    [Theory]
    [InlineData("Russia pays $2,000 per soldier per month.", "$2,000 per soldier per month")]
    [InlineData("Support fell to 13% of those asked.", "13% of those asked")]
    public void Money_and_shares_are_figures(string sentence, string figure) =>
        Assert.Equal(figure, Assert.Single(Find(sentence)).Figure);

    [Theory]
    [InlineData("In 2024 the two leaders met twice.", "In 2024")]
    [InlineData("The treaty was signed on 19 June in Pyongyang.", "on 19 June")]
    [InlineData("Troops arrived on November 7 at the border.", "on November 7")]
    public void Years_and_days_are_dates_not_figures(string sentence, string date)
    {
        var found = Assert.Single(Find(sentence));

        Assert.Null(found.Figure);
        Assert.Equal(date, found.Date);
    }

    [Fact]
    public void A_named_attribution_is_a_reporting_frame_beside_a_name()
    {
        var found = Find("According to the National Intelligence Service, troops moved east. The South Korean Adviser has also claimed that talks failed. "
            + "Washington estimates that troops moved. It was reported that troops moved. China has apparently soured. Troops moved.");

        Assert.Equal(
            ["According to (National Intelligence Service)", "claimed (South Korean Adviser)", "estimates (Washington)"],
            found.Select(f => f.Attribution));
    }

    [Fact]
    public void Sentences_without_a_figure_date_or_attribution_and_footnotes_are_left_out()
    {
        var found = Find("Troops moved east.[^1] Seoul was worried.\n\n[^1]: Yonhap, 5 December 2024, 10,000 troops.\n");

        Assert.Empty(found);
    }

    [Fact]
    public void A_sentence_any_cited_passage_overlaps_is_not_left_to_cite()
    {
        var text = Text("In 2024 the leaders met. In 2023 they wrote. In 2022 they called.");
        var cited = text.Text.IndexOf("they wrote", StringComparison.Ordinal);

        var left = CitableSentences.Uncited(text, Published, [(cited, cited + 4)]);

        Assert.Equal(["In 2024 the leaders met.", "In 2022 they called."], left.Select(s => s.Text));
    }

    [Theory]
    [InlineData(SeedDocuments.Usip)]
    [InlineData(SeedDocuments.Idsa)]
    public void The_seed_documents_have_sentences_to_cite(string slug)
    {
        var (text, published) = SeedDocuments.Read(slug);

        var found = CitableSentences.Find(text, published);

        output.WriteLine($"{slug}: {found.Count} sentences with a figure, date or attribution: {found.Count(s => s.Figure is not null)} figures, {found.Count(s => s.Date is not null)} dates, {found.Count(s => s.Attribution is not null)} attributions");
        foreach (var s in found)
        {
            output.WriteLine($"  [{s.Figure} | {s.Date} | {s.Attribution}] {s.Text}");
        }
        Assert.Contains(found, s => s.Figure is not null);
        Assert.Contains(found, s => s.Date is not null);
        Assert.Contains(found, s => s.Attribution is not null);
        Assert.All(found, s => Assert.Equal(s.Text, text.Text[s.Start..s.End]));
    }
}
