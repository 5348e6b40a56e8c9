using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Web.Editing.Claims;

/// <summary>The parts of a citation's evidence an editor confirms in the claim editor.</summary>
public enum EvidencePart
{
    Voice,
    Certainty,
    AsOf,
}

/// <summary>One value a select offers: its slug, as the draft holds it, and its label.</summary>
public sealed record EvidenceOption(string Slug, string Label);

/// <summary>
/// One citation's voice, certainty and as-of time in the claim editor, without markup: what the draft holds, what the
/// evidence model proposes for the anchored quote (<see cref="CitationPreview.Proposal"/>: <see cref="EvidenceProposal"/>
/// as the live preview ran it, so the editor sees what a save would read), the hedge words behind the certainty, and
/// "Use proposal", which writes the proposal into the draft as the editor's confirmation. A blank field is
/// unconfirmed: the proposal stands, as <see cref="CitationDraft"/> documents.
/// </summary>
/// <param name="proposal">Null while the quote is not anchored: there is nothing to propose from yet.</param>
public sealed class CitationEvidenceChoices(CitationDraft citation, ProposedEvidence? proposal)
{
    private static readonly IReadOnlyList<EvidenceOption> Voices =
        [.. Enum.GetValues<Voice>().Select(v => new EvidenceOption(v.ToSlug(), v.ToLabel()))];

    private static readonly IReadOnlyList<EvidenceOption> Certainties =
        [.. Enum.GetValues<Certainty>().Select(c => new EvidenceOption(c.ToSlug(), c.ToLabel()))];

    public ProposedEvidence? Proposal => proposal;

    /// <summary>The draft's field the part is, as refusals name it ("citations[0].asOf").</summary>
    public static string Field(EvidencePart part) => part switch
    {
        EvidencePart.Voice => "voice",
        EvidencePart.Certainty => "certainty",
        _ => "asOf",
    };

    public static string Label(EvidencePart part) => part switch
    {
        EvidencePart.Voice => "Voice (whose words)",
        EvidencePart.Certainty => "Certainty (how sure)",
        _ => "As of (date or period)",
    };

    /// <summary>The values a select offers; null for the as-of time, which is typed (<see cref="AsOfText"/>).</summary>
    public static IReadOnlyList<EvidenceOption>? Options(EvidencePart part) => part switch
    {
        EvidencePart.Voice => Voices,
        EvidencePart.Certainty => Certainties,
        _ => null,
    };

    /// <summary>The value as the draft holds it; blank is unconfirmed.</summary>
    public string? Value(EvidencePart part) => part switch
    {
        EvidencePart.Voice => citation.Voice,
        EvidencePart.Certainty => citation.Certainty,
        _ => citation.AsOf,
    };

    public void Set(EvidencePart part, string? value)
    {
        var blank = TextValues.Blank(value);
        switch (part)
        {
            case EvidencePart.Voice:
                citation.Voice = blank;
                break;
            case EvidencePart.Certainty:
                citation.Certainty = blank;
                break;
            default:
                citation.AsOf = value;
                break;
        }
    }

    /// <summary>What a select's blank option means: the proposal stands.</summary>
    public string BlankOption(EvidencePart part) => Proposed(part) is { } proposed
        ? $"proposed: {proposed}"
        : "not confirmed: proposed once the quote is found";

    /// <summary>
    /// The proposal as the field's hint: the certainty with the words it was read from ("Reported, from “reportedly”"),
    /// the as-of time with its words, or the publication date it defaults to.
    /// </summary>
    public string Hint(EvidencePart part)
    {
        if (proposal is null)
        {
            return part == EvidencePart.AsOf
                ? $"Blank: the document's publication date. Write {AsOfText.Example}."
                : "Proposed from the quote once it is found in the document.";
        }
        return part switch
        {
            EvidencePart.Voice => $"proposed: {Proposed(part)}",
            EvidencePart.Certainty => proposal.Certainty.Words is [_, ..] words
                ? $"proposed: {Proposed(part)}, from {string.Join(", ", words.Select(w => $"“{w}”"))}"
                : $"proposed: {Proposed(part)} (no hedge words in the quote)",
            _ => proposal.AsOf.IsDefault
                ? $"default: publication date ({proposal.AsOf.Describe()})"
                : $"proposed: {proposal.AsOf.Describe()}, from “{proposal.AsOf.Words}”",
        };
    }

    /// <summary>Whether "Use proposal" would change the draft: there is a proposal, and the draft does not hold it yet.</summary>
    public bool CanUseProposal(EvidencePart part) =>
        ProposedValue(part) is { } value
        && (!string.Equals(Canonical(part, Value(part)), value, StringComparison.Ordinal)
            || (part == EvidencePart.AsOf && TextValues.Blank(citation.AsOfWords) != ProposedAsOfWords));

    /// <summary>Confirms the proposal: the draft holds the proposed value (and, for the as-of time, its words).</summary>
    public void UseProposal(EvidencePart part)
    {
        if (ProposedValue(part) is not { } value)
        {
            return;
        }
        Set(part, value);
        if (part == EvidencePart.AsOf)
        {
            citation.AsOfWords = ProposedAsOfWords;
        }
    }

    private string? Proposed(EvidencePart part) => proposal is null
        ? null
        : part switch
        {
            EvidencePart.Voice => proposal.Voice.ToLabel(),
            EvidencePart.Certainty => proposal.Certainty.Certainty.ToLabel(),
            _ => proposal.AsOf.Describe(),
        };

    private string? ProposedValue(EvidencePart part) => proposal is null
        ? null
        : part switch
        {
            EvidencePart.Voice => proposal.Voice.ToSlug(),
            EvidencePart.Certainty => proposal.Certainty.Certainty.ToSlug(),
            _ => AsOfText.Write(proposal.AsOf.From, proposal.AsOf.To),
        };

    // A default (the publication date) has no words; an as-of time read from the quote keeps the words it was read from.
    private string? ProposedAsOfWords => proposal is { AsOf: { IsDefault: false, Words: { Length: > 0 } words } } ? words : null;

    private static string? Canonical(EvidencePart part, string? value) =>
        part == EvidencePart.AsOf ? AsOfText.Canonical(value) : TextValues.Blank(value)?.ToLowerInvariant();
}
