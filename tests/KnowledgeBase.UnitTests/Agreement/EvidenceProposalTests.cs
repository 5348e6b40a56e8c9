using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class EvidenceProposalTests
{
    private static readonly CitedWork Note11 = new() { Authors = "Kim Arin", Outlet = "The Korea Herald", Published = "2024-11-03" };

    [Fact]
    public void A_footnotes_headline_is_the_cited_works_voice_on_its_date_resting_on_its_outlet()
    {
        var proposed = EvidenceProposal.Propose("$200m A Year", null, null, quoteLiesInFootnote: true, "2024-12-05", Note11);

        Assert.Equal(Voice.Headline, proposed.Voice);
        Assert.Equal(("3 November 2024", true), (proposed.AsOf.Describe(), proposed.AsOf.IsDefault));
        Assert.Equal(["The Korea Herald"], proposed.Roots);
    }

    [Fact]
    public void A_sentence_of_the_document_defaults_to_its_publication_date_and_rests_on_the_footnotes_agency()
    {
        const string sentence = "The South Korean National Security Adviser has also claimed that North Korea received anti-air missiles from Russia.";
        var proposed = EvidenceProposal.Propose(
            "North Korea received anti-air missiles from Russia", sentence, "The South Korean National Security Adviser",
            quoteLiesInFootnote: false, "2024-12-05", new CitedWork { Authors = "Yonhap", Outlet = "The Korea Times", Published = "2024-11-22" });

        Assert.Equal(Voice.Attributed, proposed.Voice);
        Assert.Equal(Certainty.Claimed, proposed.Certainty.Certainty);
        Assert.Equal(("5 December 2024", true), (proposed.AsOf.Describe(), proposed.AsOf.IsDefault));
        Assert.Equal(["Yonhap", "The South Korean National Security Adviser"], proposed.Roots);
    }

    [Fact]
    public void A_time_in_the_quote_beats_the_default()
    {
        var proposed = EvidenceProposal.Propose("the demand for South Korea's support and aid to Ukraine also increased in November 2024", null, null, false, "2024-12-05", null);

        Assert.Equal(("November 2024", "in November 2024", false), (proposed.AsOf.Describe(), proposed.AsOf.Words, proposed.AsOf.IsDefault));
        Assert.Equal(Voice.Own, proposed.Voice);
        Assert.Empty(proposed.Roots);
    }
}
