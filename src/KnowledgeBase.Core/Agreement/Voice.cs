namespace KnowledgeBase.Core.Agreement;

/// <summary>Whose words a cited passage is: the document's, a party's it names, or another work's title.</summary>
public enum Voice
{
    /// <summary>The document asserts it in its own words.</summary>
    Own,

    /// <summary>The document attributes it to a named party (the citation's attribution says whom).</summary>
    Attributed,

    /// <summary>
    /// Only the title or headline of a work the document cites, e.g. a footnote's "$200m A Year": the document passes
    /// the outlet's words on without asserting them.
    /// </summary>
    Headline,
}

public static class VoiceText
{
    public static string ToLabel(this Voice voice) => voice switch
    {
        Voice.Own => "The document's own words",
        Voice.Attributed => "Attributed to a named party",
        Voice.Headline => "A cited work's headline only",
        _ => throw new ArgumentOutOfRangeException(nameof(voice)),
    };

    /// <summary>
    /// The voice to propose for a citation: a quote inside a footnote is a cited work's title (footnotes here hold
    /// references, not prose), a quote with an attribution is that party's, anything else is the document's own.
    /// </summary>
    public static Voice Propose(bool quoteLiesInFootnote, string? attribution) =>
        quoteLiesInFootnote ? Voice.Headline
        : string.IsNullOrWhiteSpace(attribution) ? Voice.Own
        : Voice.Attributed;
}
