using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Agreement;

/// <summary>What the model proposes for one citation; the editor confirms or changes each part.</summary>
public sealed record ProposedEvidence(Voice Voice, CertaintyProposal Certainty, AsOf AsOf, IReadOnlyList<string> Roots);

/// <summary>
/// Proposes a citation's voice, certainty, as-of time and upstream roots from what the knowledge base already holds:
/// the quote, its sentence, its attribution, whether it lies in a footnote, the document's publication date and the
/// work the footnote cites. The editor, the API and the seed import start from this; existing citations are migrated
/// to it.
/// </summary>
public static class EvidenceProposal
{
    /// <param name="published">The citing document's publication date, a partial ISO date.</param>
    /// <param name="footnote">The work the citation's footnote cites, if it has one.</param>
    public static ProposedEvidence Propose(string quote, string? sentence, string? attribution, bool quoteLiesInFootnote, string published, CitedWork? footnote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        // A headline speaks for its own work's date, not for the date of the document that cites it.
        var asOf = quoteLiesInFootnote && !string.IsNullOrWhiteSpace(footnote?.Published)
            ? AsOf.Published(footnote.Published)
            : AsOfParser.Propose(quote, published);
        return new ProposedEvidence(
            VoiceText.Propose(quoteLiesInFootnote, attribution),
            HedgeWords.Propose(quote, attribution, sentence),
            asOf,
            UpstreamRoots.Propose(attribution, footnote?.Authors, footnote?.Outlet));
    }
}
