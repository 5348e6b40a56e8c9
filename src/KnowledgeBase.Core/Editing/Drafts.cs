using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Editing;

// The one declaration of each aggregate's editable shape. Seed files (Seeding/SeedFiles.cs reads the YAML straight
// into these, export-only fields in a subclass), the editor forms and the API bodies all map into them;
// DraftRules checks them, and their ApplyTo methods are the one place their values reach the entities (for
// ClaimEditing, SourceEditing and the seed import alike), and their ReadFrom methods the one way back, so a new field
// is declared and mapped here once. An optional text field with [MaxLength] is checked by DraftRules without more, and
// the seed format reads and writes every field in declaration order (Seeding/SeedFormat).

/// <summary>
/// A claim as an editor, an API client or a seed file submits it. Everything is text as typed, so every refusal can be reported
/// next to its field; nothing here is trusted until <see cref="ClaimEditing"/> has checked it.
/// </summary>
public class ClaimDraft
{
    /// <summary>Lowercase words joined by hyphens; left blank on create, it is derived from the statement.</summary>
    public string? Slug { get; set; }
    public string? Statement { get; set; }

    /// <summary>Topic slugs; at least one.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>The claim's figure as a phrase ("about 10,000 troops"); optional.</summary>
    public string? Figure { get; set; }

    /// <summary>At least one.</summary>
    public List<CitationDraft> Citations { get; set; } = [];

    /// <summary>An agreement flag slug ("agree", "partial", "conflict", "single-source") to show instead of the derived one; blank for none.</summary>
    public string? OverrideFlag { get; set; }

    /// <summary>Why the flag is overridden; required with <see cref="OverrideFlag"/>.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>The checked draft's own fields, its verdict and its override onto the claim (topics and citations are the writer's).</summary>
    public void ApplyTo(Claim claim, AgreementVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Statement = Statement!.Trim();
        claim.Figure = TextValues.Blank(Figure);
        claim.ApplyVerdict(verdict);
        if (EnumSlugs.TryParse<AgreementFlag>(OverrideFlag?.Trim(), out var flag))
        {
            claim.Override(flag, OverrideReason!);
        }
        else
        {
            claim.ClearOverride();
        }
    }

    /// <summary>The claim's own fields back into the draft (the reverse of <see cref="ApplyTo"/>; topics and citations are the reader's).</summary>
    public void ReadFrom(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Slug = claim.Slug;
        Statement = claim.Statement;
        Figure = claim.Figure;
        OverrideFlag = claim.OverrideAgreement?.ToSlug();
        OverrideReason = claim.OverrideReason;
    }

    /// <summary>A copy to hand a service, so the form's own object is never changed under it.</summary>
    public ClaimDraft Copy()
    {
        var copy = (ClaimDraft)MemberwiseClone();
        copy.Topics = [.. Topics];
        copy.Citations = [.. Citations.Select(c => c.Copy())];
        return copy;
    }
}

/// <summary>One citation of a claim draft: which document, the quoted words, and how they bear on the claim.</summary>
public class CitationDraft
{
    /// <summary>The source, by id or by slug (one is enough; with both, the id wins).</summary>
    public int? SourceId { get; set; }
    public string? SourceSlug { get; set; }

    /// <summary>The words, pasted or selected from the document; white space need not match exactly.</summary>
    public string? Quote { get; set; }

    /// <summary>Words right before the quote, to single out one occurrence when the quote occurs more than once.</summary>
    public string? Prefix { get; set; }

    /// <summary>Words right after the quote, likewise.</summary>
    public string? Suffix { get; set; }

    /// <summary>Whom the sentence names as its source ("Washington estimates"); optional.</summary>
    [MaxLength(EditLimits.Attribution)]
    public string? Attribution { get; set; }

    /// <summary>A stance slug: "supports", "supports-in-part", "contradicts" or "mentions".</summary>
    public string? Stance { get; set; } = "supports";

    /// <summary>The figure as this document states it, as a phrase; optional.</summary>
    public string? Figure { get; set; }

    /// <summary>
    /// The footnote number backing the quote. Leave it empty to take the one the document proposes (the footnote the
    /// quote lies in, or whose marker closes its sentence); set it to override with another footnote of the document.
    /// </summary>
    public int? Footnote { get; set; }

    /// <summary>
    /// Whose words the quote is: "own", "attributed" (to the party the attribution names) or "headline" (only a cited
    /// work's title); blank leaves it unconfirmed, and the proposal stands (see <see cref="Citation.Voice"/>).
    /// </summary>
    public string? Voice { get; set; }

    /// <summary>
    /// How surely the quote asserts it: "stated", "estimated", "reported", "claimed", "expected" or "possible"; blank
    /// leaves it unconfirmed, proposed from the quote's hedge words.
    /// </summary>
    public string? Certainty { get; set; }

    /// <summary>
    /// The time the quote describes: a partial ISO date or a period ("2024-10", "2024-11-07", "2024-01/2024-11"; see
    /// <see cref="AsOfText"/>); blank: the document's publication date, shown as a default.
    /// </summary>
    public string? AsOf { get; set; }

    /// <summary>The quote's words that say when ("In October 2024", "so far"); optional, and only with <see cref="AsOf"/>.</summary>
    [MaxLength(EditLimits.AsOfWords)]
    public string? AsOfWords { get; set; }

    /// <summary>
    /// An editor's derived total: this quote's rate times a count from another claim (see <see cref="DerivationDraft"/>);
    /// none, or every field blank: no derivation.
    /// </summary>
    public DerivationDraft? Derived { get; set; }

    /// <summary>
    /// The checked draft's own fields onto the citation (its passage is the anchoring's business), with its derivation
    /// as the writer resolved it (<see cref="DerivationOrigins"/>).
    /// </summary>
    public void ApplyTo(Citation citation, Stance stance, CitationDerivation? derivation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        citation.Stance = stance;
        citation.Attribution = TextValues.Blank(Attribution);
        citation.Figure = TextValues.Blank(Figure);
        citation.Voice = EnumSlugs.TryParse<Voice>(TextValues.Blank(Voice), out var voice) ? voice : null;
        citation.Certainty = EnumSlugs.TryParse<Certainty>(TextValues.Blank(Certainty), out var certainty) ? certainty : null;
        var dated = AsOfText.TryParse(TextValues.Blank(AsOf), out var from, out var to);
        citation.AsOfFrom = dated ? from : null;
        citation.AsOfTo = dated ? to : null;
        citation.AsOfWords = dated ? TextValues.Blank(AsOfWords) : null;
        citation.Derivation = derivation;
    }

    /// <summary>The citation's own fields back into the draft (the reverse of <see cref="ApplyTo"/>; its passage is the reader's).</summary>
    public void ReadFrom(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        Stance = citation.Stance.ToSlug();
        Attribution = citation.Attribution;
        Figure = citation.Figure;
        Voice = citation.Voice?.ToSlug();
        Certainty = citation.Certainty?.ToSlug();
        AsOf = citation is { AsOfFrom: { } from, AsOfTo: { } to } ? AsOfText.Write(from, to) : null;
        AsOfWords = citation.AsOfWords;
        Derived = citation.Derivation is { } d ? new DerivationDraft { Rate = d.Rate, Count = d.Count, CountFrom = d.CountFrom } : null;
    }

    public CitationDraft Copy()
    {
        var copy = (CitationDraft)MemberwiseClone();
        copy.Derived = Derived?.Copy();
        return copy;
    }

    /// <summary>The stance's slug as typed, or "supports" when it is left blank.</summary>
    public string StanceSlug() => string.IsNullOrWhiteSpace(Stance) ? "supports" : Stance.Trim();

    /// <summary>A citation as a snapshot or an API body states it, as a draft; a missing stance is "supports".</summary>
    public static CitationDraft From(ICitationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new()
        {
            SourceSlug = fields.Source,
            Quote = fields.Quote,
            Prefix = fields.Prefix,
            Suffix = fields.Suffix,
            Stance = fields.Stance ?? "supports",
            Attribution = fields.Attribution,
            Figure = fields.Figure,
            Footnote = fields.Footnote,
            Voice = fields.Voice,
            Certainty = fields.Certainty,
            AsOf = fields.AsOf,
            AsOfWords = fields.AsOfWords,
        };
    }
}

/// <summary>
/// A derived total as an editor writes it, apart from the figure as stated: a per-unit rate in the citation's own
/// words times a count that another claim states, named by <see cref="CountFrom"/>.
/// </summary>
public class DerivationDraft
{
    /// <summary>The rate, as this citation's quote states it: "$2,000 per soldier per month".</summary>
    public string? Rate { get; set; }

    /// <summary>The count it applies to, as its origin states it: "approximately 10,000 troops".</summary>
    public string? Count { get; set; }

    /// <summary>Where the count is from: a claim's slug (its figure), or "claim-slug/source-slug" (that claim's citation of one document).</summary>
    public string? CountFrom { get; set; }

    /// <summary>Nothing typed: the section was left empty, which is no derivation.</summary>
    public bool IsBlank => TextValues.Blank(Rate) is null && TextValues.Blank(Count) is null && TextValues.Blank(CountFrom) is null;

    public DerivationDraft Copy() => (DerivationDraft)MemberwiseClone();
}

/// <summary>
/// A citation's fields as the shapes that carry one state them (a revision's snapshot, an API body), so that
/// <see cref="CitationDraft.From"/> maps each into a draft in one place. The names are the API's.
/// </summary>
public interface ICitationFields
{
    /// <summary>The document's slug.</summary>
    string? Source { get; }
    string? Quote { get; }
    string? Prefix { get; }
    string? Suffix { get; }
    string? Stance { get; }
    string? Attribution { get; }
    string? Figure { get; }
    int? Footnote { get; }
    string? Voice { get; }
    string? Certainty { get; }
    string? AsOf { get; }
    string? AsOfWords { get; }
}

/// <summary>A source as an editor submits it: its metadata, its Markdown body with footnotes, and what each footnote cites.</summary>
public class SourceDraft
{
    public string? Slug { get; set; }
    public string? Title { get; set; }

    /// <summary>How rationales name it: "USIP".</summary>
    public string? ShortName { get; set; }
    public List<string> Authors { get; set; } = [];
    public string? Publisher { get; set; }

    /// <summary>"analysis", "commentary", "report", …</summary>
    public string? Kind { get; set; }

    /// <summary>ISO 8601, possibly partial: "2024", "2024-11", "2024-12-05".</summary>
    public string? Published { get; set; }

    /// <summary>An absolute http(s) URL; optional.</summary>
    public string? Url { get; set; }

    /// <summary>When the text was retrieved, yyyy-mm-dd; optional.</summary>
    public string? Retrieved { get; set; }
    [MaxLength(EditLimits.EditorialNote)]
    public string? EditorialNote { get; set; }

    /// <summary>Numbers of footnotes whose markers the editors restored (see <see cref="Source.RestoredMarkers"/>); each a footnote of the body.</summary>
    public List<int> RestoredMarkers { get; set; } = [];

    /// <summary>CommonMark with footnotes ("text.[^1]" … "[^1]: note"), labelled 1, 2, … in order of first reference.</summary>
    public string? BodyMarkdown { get; set; }

    /// <summary>What each footnote cites, by footnote number; a footnote without an entry cites nothing recorded.</summary>
    public Dictionary<int, CitedWork> Footnotes { get; set; } = [];

    /// <summary>The checked draft and its prepared body (see <see cref="DraftRules.Check(SourceDraft, DraftReader)"/>) onto the source.</summary>
    public void ApplyTo(Source source, PreparedBody body)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Slug = Slug!.Trim();
        source.Title = Title!.Trim();
        source.ShortName = ShortName!.Trim();
        var authors = Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        if (!source.Authors.SequenceEqual(authors))
        {
            source.Authors = authors;
        }
        source.Publisher = Publisher!.Trim();
        source.Kind = Kind!.Trim();
        source.Published = Published!.Trim();
        source.Url = TextValues.Blank(Url);
        source.Retrieved = TextValues.Blank(Retrieved) is { } r ? DateOnly.ParseExact(r, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        source.EditorialNote = TextValues.Blank(EditorialNote);
        var restored = (RestoredMarkers ?? []).Distinct().Order().ToList();
        if (!source.RestoredMarkers.SequenceEqual(restored))
        {
            source.RestoredMarkers = restored;
        }
        SourceBodies.ApplyTo(source, BodyMarkdown!, body);
    }

    /// <summary>The source's fields and what its footnotes cite back into the draft (the reverse of <see cref="ApplyTo"/>).</summary>
    public void ReadFrom(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Slug = source.Slug;
        Title = source.Title;
        ShortName = source.ShortName;
        Authors = [.. source.Authors];
        Publisher = source.Publisher;
        Kind = source.Kind;
        Published = source.Published;
        Url = source.Url;
        Retrieved = source.Retrieved?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        EditorialNote = source.EditorialNote;
        RestoredMarkers = [.. source.RestoredMarkers];
        BodyMarkdown = source.BodyMarkdown;
        Footnotes = source.Footnotes.ToDictionary(f => f.Number, f => f.Cites.Copy());
    }

    /// <summary>A copy to hand a service (the footnote map is copied, the works in it are shared).</summary>
    public SourceDraft Copy()
    {
        var copy = (SourceDraft)MemberwiseClone();
        copy.Authors = [.. Authors];
        copy.RestoredMarkers = [.. RestoredMarkers ?? []];
        copy.Footnotes = new(Footnotes);
        return copy;
    }

    /// <summary>What each footnote cites, as the body preparation takes it: copies, the entities' own from then on.</summary>
    public Dictionary<int, CitedWork?> CitedWorks() => (Footnotes ?? []).ToDictionary(kv => kv.Key, kv => kv.Value?.Copy());
}
