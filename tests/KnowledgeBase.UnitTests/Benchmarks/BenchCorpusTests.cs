using KnowledgeBase.Bench;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Benchmarks;

public sealed class BenchCorpusTests
{
    private static readonly BenchCorpus Corpus = new(CorpusSize.For(5_000));

    [Fact]
    public void A_million_claims_come_with_twenty_thousand_sources_two_million_passages_and_two_hundred_topics()
    {
        var size = CorpusSize.For(1_000_000);

        Assert.Equal(20_000, size.Sources);
        Assert.Equal(2_000_000, size.Passages);
        Assert.Equal(200, size.Topics);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(99)]
    public void A_source_body_is_exactly_what_the_app_renders_from_its_markdown(int index)
    {
        var source = Corpus.Source(index);

        var rendered = SourceRenderer.Render(source.BodyMarkdown);

        Assert.Equal(rendered.Html, source.BodyHtml);
        Assert.Equal(rendered.CanonicalText, source.CanonicalText);
        Assert.Equal(rendered.Footnotes.Select(f => (f.Number, f.Start, f.End, f.Text)), source.Footnotes.Select(f => (f.Number, f.Start, f.End, f.Text)));
        Assert.Empty(rendered.UnreferencedFootnotes);
    }

    [Fact]
    public void Every_passage_anchors_in_its_source_text_and_lies_before_its_paragraphs_footnote_marker()
    {
        var source = Corpus.Source(12);

        Assert.Equal(CorpusSize.PassagesPerSource, source.Passages.Count);
        Assert.Equal(CorpusSize.FootnotesPerSource, source.Footnotes.Count);
        foreach (var passage in source.Passages)
        {
            var a = passage.Anchor;
            Assert.Equal(source.CanonicalText[a.Start..a.End], a.Exact);
            Assert.EndsWith(a.Prefix, source.CanonicalText[..a.Start], StringComparison.Ordinal);
            Assert.StartsWith(a.Suffix, source.CanonicalText[a.End..], StringComparison.Ordinal);
            Assert.Equal(a.Exact, Corpus.PassageText(12, (int)(passage.Id - BenchCorpus.PassageId(12, 0))));
            Assert.Contains(source.Footnotes, f => f.Id == passage.FootnoteId);
        }
        Assert.Equal(source.Passages.Count, source.Passages.Select(p => (p.Anchor.Start, p.Anchor.End)).Distinct().Count());
    }

    [Fact]
    public void Sources_made_from_one_template_differ_in_their_names()
    {
        var texts = Enumerable.Range(0, 300).Select(i => Corpus.Source(i % Corpus.Size.Sources).CanonicalText).Distinct().Count();

        Assert.Equal(Math.Min(300, Corpus.Size.Sources), texts);
    }

    [Fact]
    public void The_corpus_is_the_same_every_time()
    {
        var again = new BenchCorpus(CorpusSize.For(5_000));

        foreach (var i in new[] { 0, 1, 777, 4_999 })
        {
            var (a, b) = (Corpus.Claim(i), again.Claim(i));
            Assert.Equal((a.Slug, a.Statement, a.Figure, a.Verdict, a.Override, a.CreatedAt, a.DeletedAt), (b.Slug, b.Statement, b.Figure, b.Verdict, b.Override, b.CreatedAt, b.DeletedAt));
            Assert.Equal(a.Citations, b.Citations);
            Assert.Equal(a.TopicIds, b.TopicIds);
        }
        Assert.Equal(Corpus.Source(42).BodyHtml, again.Source(42).BodyHtml);
    }

    [Fact]
    public void Claims_cite_existing_passages_once_each_and_belong_to_one_to_three_existing_topics()
    {
        var size = Corpus.Size;
        for (var i = 0; i < size.Claims; i += 7)
        {
            var claim = Corpus.Claim(i);
            Assert.InRange(claim.Citations.Count, 1, 3);
            Assert.All(claim.Citations, c => Assert.InRange(c.PassageId, 1, size.Passages));
            Assert.Equal(claim.Citations.Count, claim.Citations.Select(c => c.PassageId).Distinct().Count());
            Assert.InRange(claim.TopicIds.Count, 1, 3);
            Assert.All(claim.TopicIds, t => Assert.InRange(t, 1, size.Topics));
            Assert.Equal(claim.TopicIds.Count, claim.TopicIds.Distinct().Count());
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", claim.Slug);
        }
    }

    [Fact]
    public void The_common_term_is_in_about_a_third_of_statements_and_each_rare_term_in_a_handful()
    {
        var claims = Enumerable.Range(0, Corpus.Size.Claims).Select(Corpus.Claim).ToList();

        var common = claims.Count(c => c.Statement.Contains(BenchCorpus.CommonTerm, StringComparison.Ordinal)) / (double)claims.Count;
        Assert.InRange(common, 0.25, 0.35);
        var rare = claims.Count(c => c.Statement.Contains(BenchCorpus.RareTerm(3), StringComparison.Ordinal));
        Assert.InRange(rare, 1, 10);
        Assert.Contains(claims, c => c.DeletedAt is not null);
        Assert.True(claims.Select(c => c.Verdict.Flag).Distinct().Count() >= 3, "flags should be mixed");
        Assert.Contains(claims, c => c.Figure is not null);
    }

    [Fact]
    public void Rare_terms_are_distinct_six_letter_words()
    {
        var terms = Enumerable.Range(0, BenchCorpus.RareTermCount).Select(BenchCorpus.RareTerm).ToList();

        Assert.Equal(terms.Count, terms.Distinct().Count());
        Assert.All(terms, t => Assert.Matches("^zx[a-z]{4}$", t));
    }
}
