using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Agreement;

/// <summary>Where a hedge word was found: in the quote itself, in the rest of its sentence, or in the attribution.</summary>
public enum HedgeScope
{
    Quote,
    Sentence,
    Attribution,
}

/// <summary>One word or phrase that made <see cref="HedgeWords"/> propose a certainty, as it was written.</summary>
public sealed record HedgeTrigger(string Words, Certainty Certainty, HedgeScope Scope);

/// <summary>A proposed certainty and the words that led to it, for an editor to confirm or change.</summary>
public sealed record CertaintyProposal(Certainty Certainty, IReadOnlyList<HedgeTrigger> Triggers)
{
    /// <summary>The trigger words as a reader is shown them ("reportedly", "an estimated"), each once.</summary>
    public IReadOnlyList<string> Words => [.. Triggers.Select(t => t.Words).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>
/// Proposes a passage's <see cref="Certainty"/> from its hedge words. When several hedges occur ("an estimated 8,000
/// … were reported"), the weakest wins (Reported): a statement resting on the passage must not be firmer than any
/// of them, and every trigger is returned so the editor sees why. "Confirmed" is recorded as a trigger of Stated, so
/// a firm passage can say why it is firm. In the rest of the sentence only a reporting frame before the quote counts
/// ("According to …,", "The … Adviser has also claimed that …"), since a quote often leaves it out; the editor
/// confirms the proposal.
/// </summary>
public static partial class HedgeWords
{
    /// <summary>Each certainty's words, matched whole and in any case; where several match, the weakest wins.</summary>
    private static readonly (Regex Pattern, Certainty Certainty)[] Lexicon =
    [
        (Confirmed(), Certainty.Stated),
        (Estimated(), Certainty.Estimated),
        (Reported(), Certainty.Reported),
        (Claimed(), Certainty.Claimed),
        (Expected(), Certainty.Expected),
        (Possible(), Certainty.Possible),
        (May(), Certainty.Possible),
    ];

    [GeneratedRegex(WholeWords.Start + "confirmed|confirms" + WholeWords.End, WholeWords.Options)]
    private static partial Regex Confirmed();

    [GeneratedRegex(WholeWords.Start + "an estimated|estimated|estimates?|estimating" + WholeWords.End, WholeWords.Options)]
    private static partial Regex Estimated();

    [GeneratedRegex(WholeWords.Start + "reportedly|(?:is|are|was|were|been) reported|reports?|reported|according to(?! the (?:level|degree|extent|plan))|apparently"
        + "|(?:is|are|was|were) said to" + WholeWords.End, WholeWords.Options)]
    private static partial Regex Reported();

    [GeneratedRegex(WholeWords.Start + "claimed|claims|allegedly|alleged|alleges" + WholeWords.End, WholeWords.Options)]
    private static partial Regex Claimed();

    [GeneratedRegex(WholeWords.Start + "expected to|expects?|expectations?|forecasts?|predicted|predicts?|projected to|stands? to|likely to|set to|poised to"
        + WholeWords.End, WholeWords.Options)]
    private static partial Regex Expected();

    [GeneratedRegex(WholeWords.Start + "might|could|possibly|possible|possibility|perhaps|potential|potentially|probably|probable|presumably|likely(?! to\\b)"
        + "|risks? (?:appearing|being|becoming)" + WholeWords.End, WholeWords.Options)]
    private static partial Regex Possible();

    // Lower case only: "May" with a capital is usually the month.
    [GeneratedRegex(@"\bmay\b", RegexOptions.CultureInvariant)]
    private static partial Regex May();

    /// <summary>A reporting frame that leads into a quote: who claims, estimates or reports it.</summary>
    [GeneratedRegex(WholeWords.Start
        + "(?<c>(?:claimed|claims|alleged|alleges) that)|(?<e>(?:estimated|estimates) that)|according to(?! the (?:level|degree|extent|plan))"
        + "|(?:it )?(?:is|was|has been) (?:also )?reported that|reports? that|reported that" + WholeWords.End, WholeWords.Options)]
    private static partial Regex Frame();

    /// <param name="quote">The quoted words.</param>
    /// <param name="attribution">Whom the document names as its source ("Washington estimates"), if anyone.</param>
    /// <param name="sentence">The whole sentence the quote lies in, if known; its words outside the quote count too.</param>
    public static CertaintyProposal Propose(string quote, string? attribution = null, string? sentence = null)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var triggers = new List<HedgeTrigger>();
        triggers.AddRange(Find(quote, HedgeScope.Quote));
        if (!string.IsNullOrWhiteSpace(sentence))
        {
            // Only a reporting frame that leads into the quote ("According to …, ", "… has also claimed that ")
            // governs it; a modal or an adverb elsewhere in the sentence belongs to another clause.
            var at = sentence.IndexOf(quote, StringComparison.Ordinal);
            foreach (Match m in Frame().Matches(at < 0 ? sentence : sentence[..at]))
            {
                var framed = m.Groups["c"].Success ? Certainty.Claimed : m.Groups["e"].Success ? Certainty.Estimated : Certainty.Reported;
                triggers.Add(new HedgeTrigger(m.Value, framed, HedgeScope.Sentence));
            }
        }
        if (!string.IsNullOrWhiteSpace(attribution))
        {
            triggers.AddRange(Find(attribution, HedgeScope.Attribution));
        }
        var certainty = triggers.Select(t => t.Certainty).DefaultIfEmpty(Certainty.Stated).Max();
        return new CertaintyProposal(certainty, triggers);
    }

    private static IEnumerable<HedgeTrigger> Find(string text, HedgeScope scope) =>
        Lexicon.SelectMany(entry => entry.Pattern.Matches(text).Select(m => (m.Index, Trigger: new HedgeTrigger(m.Value, entry.Certainty, scope))))
            .OrderBy(x => x.Index)
            .Select(x => x.Trigger);
}
