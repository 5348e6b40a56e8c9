using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Api;

// The public API's JSON shapes (camelCase by the web defaults). Names are part of the contract: add, never rename.

/// <summary>A page of a list: its items and the opaque cursor of the next page (null on the last).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next, int Limit);

/// <summary>A figure phrase and the quantities parsed from it.</summary>
public sealed record ApiFigure(string Text, IReadOnlyList<ApiQuantity> Parts)
{
    public static ApiFigure? From(string? phrase)
    {
        if (Figure.ParseOptional(phrase) is not { } figure)
        {
            return null;
        }
        return new ApiFigure(figure.Text, figure.Parts.Select(p => new ApiQuantity(
            p.Text, p.Label, p.Value, p.Low, p.High, p.Unit, p.Per, p.Period, p.Multiplier, p.Approximate, p.Vague)).ToList());
    }
}

public sealed record ApiQuantity(
    string Text, string? Label, decimal? Value, decimal? Low, decimal? High, string Unit, string? Per, string? Period,
    decimal? Multiplier, bool Approximate, bool Vague);

public sealed record ApiClaimSummary(
    long Id, string Slug, string Statement, ApiFigure? Figure, string Agreement, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Sources, string Url);

public sealed record ApiAgreement(string Flag, string Computed, string Rationale, ApiOverride? Override);

public sealed record ApiOverride(string Flag, string Reason);

public sealed record ApiClaim(
    long Id, string Slug, string Statement, ApiFigure? Figure, ApiAgreement Agreement, IReadOnlyList<ApiTopicRef> Topics,
    IReadOnlyList<ApiCitation> Citations, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Url)
{
    /// <summary>
    /// Only in the answer to a write: what the statement lint found (the claim is saved anyway), e.g. a statement
    /// firmer than every quote supporting it; an empty array when nothing. Absent from reads.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Only in the answer to a write: the statement lint's warnings (the claim is saved anyway), e.g. a statement firmer than every quote supporting it; an empty array when there are none. Absent from reads.")]
    public IReadOnlyList<ApiWarning>? Warnings { get; init; }
}

/// <summary>A warning about a saved claim: the field it concerns ("statement") and what to do about it.</summary>
[Description("A warning about a saved claim: the field it concerns (\"statement\") and what to do about it.")]
public sealed record ApiWarning(string Field, string Message)
{
    public static IReadOnlyList<ApiWarning> Of(StatementWarning? warning) => warning is null ? [] : [new("statement", warning.Message)];
}

public sealed record ApiTopicRef(string Slug, string Name);

public sealed record ApiSourceRef(string Slug, string ShortName, string Title, string Url);

/// <summary>Where the quote lies in the source's canonical text (W3C TextQuote and TextPosition selectors).</summary>
public sealed record ApiSelector(string Exact, string Prefix, string Suffix, int Start, int End);

/// <param name="Voice">own, attributed or headline as an editor confirmed it; null: not confirmed (the evidence model proposes it).</param>
/// <param name="Certainty">stated, estimated, reported, claimed, expected or possible as confirmed; null: not confirmed (proposed from the quote's hedge words).</param>
/// <param name="AsOf">The time the quote describes (2024-10, 2024-11-07, 2024-01/2024-11); null: the document's publication date, as a default.</param>
/// <param name="AsOfWords">The quote's words that say when, if recorded.</param>
/// <param name="Figure">The figure as the document states it: its words only, never an editor's arithmetic.</param>
/// <param name="Derived">An editor's derived total, apart from the figure as stated; null: none.</param>
public sealed record ApiCitation(
    long Id, int Position, string Stance, string? Attribution, ApiFigure? Figure, ApiSourceRef Source, long PassageId,
    ApiSelector Selector, ApiFootnote? Footnote, string Url, string? Voice, string? Certainty, string? AsOf, string? AsOfWords,
    ApiDerivation? Derived)
{
    /// <summary>A citation as the claim page reads it (<see cref="CitationView.Projection"/>), in the API's shape.</summary>
    public static ApiCitation From(CitationView x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new(
            x.Id, x.Position, x.Stance.ToSlug(), x.Attribution, ApiFigure.From(x.Figure),
            new ApiSourceRef(x.Source.Slug, x.Source.ShortName, x.Source.Title, Links.Source(x.Source.Slug)),
            x.PassageId,
            new ApiSelector(x.Exact, x.Prefix, x.Suffix, x.Start, x.End),
            x.Footnote is { } f
                ? new ApiFootnote(f.Number, f.Text, new ApiCitedWork(f.Authors, f.Title, f.Outlet, f.Published, f.Url), Links.Footnote(x.Source.Slug, f.Number))
                : null,
            Links.Passage(x.Source.Slug, x.PassageId),
            x.Voice?.ToSlug(), x.Certainty?.ToSlug(), x is { AsOfFrom: { } from, AsOfTo: { } to } ? AsOfText.Write(from, to) : null, x.AsOfWords,
            x.Derivation is { } d ? ApiDerivation.From(d, x.Source.ShortName, x.Attribution) : null);
    }
}

/// <summary>An editor's derived total: this citation's rate times a count another claim states, with where each comes from.</summary>
/// <param name="CountFrom">The claim the count is from (its slug), or "claim-slug/source-slug" for that claim's citation of one document.</param>
/// <param name="CountSource">The document(s) the count rests on, as resolved when the claim was saved.</param>
/// <param name="CountAttribution">Whom that citation names as its source, if anyone.</param>
/// <param name="Description">The derivation as the claim page shows it, with its arithmetic.</param>
public sealed record ApiDerivation(string Rate, string Count, string CountFrom, string CountSource, string? CountAttribution, string Description)
{
    /// <summary>A citation's stored derivation; <paramref name="sourceName"/> and <paramref name="attribution"/> are the citation's own (the rate's origin).</summary>
    public static ApiDerivation From(CitationDerivation d, string sourceName, string? attribution)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Rate, d.Count, d.CountFrom, d.CountSource, d.CountAttribution, d.ToFigure(sourceName, attribution).Describe());
    }
}

public sealed record ApiCitedWork(string? Authors, string? Title, string? Outlet, string? Published, string? Url);

public sealed record ApiFootnote(int Number, string Text, ApiCitedWork Cites, string Url);

public sealed record ApiSourceSummary(
    string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind,
    string Published, string? Url, DateOnly? Retrieved, string PageUrl);

public sealed record ApiSource(
    string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Kind,
    string Published, string? Url, DateOnly? Retrieved, string? EditorialNote, IReadOnlyList<ApiFootnote> Footnotes,
    DateTimeOffset UpdatedAt, string PageUrl);

public sealed record ApiTopic(string Slug, string Name, string Description, int Claims, string Url);

public sealed record ApiOutlet(string Slug, string Name, int Footnotes, int Claims, string Url);

/// <summary>
/// A claim as a client writes it (POST creates, PUT replaces it whole). The names are the paths validation errors
/// use: <c>statement</c>, <c>topics[0]</c>, <c>citations[1].quote</c>. The descriptions are the OpenAPI document's;
/// [Required] marks there what validation refuses to go without (it does not change how the body is read).
/// </summary>
[Description("A claim as a client writes it: POST creates it, PUT replaces it whole.")]
public sealed class ApiClaimInput
{
    [Description("Lowercase words joined by hyphens; omitted on create, it is derived from the statement; omitted on replace, it is kept.")]
    public string? Slug { get; set; }

    [Required]
    [Description("What the claim states, as readers see it. Required.")]
    public string? Statement { get; set; }

    [Description("The claim's figure as a phrase (\"about 10,000 troops\"); optional.")]
    public string? Figure { get; set; }

    [Required]
    [Description("Topic slugs, as /api/v1/topics lists them; at least one.")]
    public List<string>? Topics { get; set; }

    [Required]
    [Description("The documents that bear on the claim, each with a quote; at least one.")]
    public List<ApiCitationInput>? Citations { get; set; }

    [Description("A flag (agree, partial, conflict, timeline, single-source) to show instead of the derived one; needs overrideReason.")]
    public string? OverrideFlag { get; set; }

    [Description("Why the flag is overridden, shown to readers beside it; required with overrideFlag.")]
    public string? OverrideReason { get; set; }

    [Description("Why this change was made, recorded on the revision; optional.")]
    public string? Comment { get; set; }

    public ClaimDraft ToDraft() => new()
    {
        Slug = Slug,
        Statement = Statement,
        Figure = Figure,
        Topics = Topics ?? [],
        Citations = [.. (Citations ?? []).Select(c => c?.ToDraft()!)],
        OverrideFlag = OverrideFlag,
        OverrideReason = OverrideReason,
    };
}

[Description("One citation as a client writes it: the document's slug, the quoted words (anchored in its text), and how they bear on the claim.")]
public sealed class ApiCitationInput : ICitationFields
{
    [Required]
    [Description("The document's slug, as /api/v1/sources lists them. Required.")]
    public string? Source { get; set; }

    [Required]
    [Description("The words exactly as the document has them (white space may differ). Required.")]
    public string? Quote { get; set; }

    [Description("Words right before the quote, to single out one place when the words occur more than once; optional.")]
    public string? Prefix { get; set; }

    [Description("Words right after the quote, likewise; optional.")]
    public string? Suffix { get; set; }

    [Description("supports (the default), supports-in-part, contradicts or mentions.")]
    public string? Stance { get; set; }

    [Description("Whom the quoted sentence names as its source (\"Washington estimates\"); optional.")]
    public string? Attribution { get; set; }

    [Description("The figure as this document states it, as a phrase; optional.")]
    public string? Figure { get; set; }

    [Description("The number (from 1) of the document's footnote backing the quote; omitted, the footnote the document gives that sentence is taken.")]
    public int? Footnote { get; set; }

    [Description("Whose words the quote is: own (the document's), attributed (to the party the attribution names) or headline (only a cited work's title); omitted, it is not confirmed and the evidence model's proposal stands.")]
    public string? Voice { get; set; }

    [Description("How surely the quote asserts it, firmest first: stated, estimated, reported, claimed, expected or possible; omitted, it is not confirmed and is proposed from the quote's hedge words.")]
    public string? Certainty { get; set; }

    [Description("The time the quote describes: a partial ISO date (2024, 2024-10, 2024-11-07) or a period of two joined by a slash (2024-01/2024-11); omitted, the document's publication date, as a default.")]
    public string? AsOf { get; set; }

    [Description("The quote's words that say when (\"In October 2024\", \"so far\"); optional, only with asOf.")]
    public string? AsOfWords { get; set; }

    // A derived total's three fields are flat here: an object-valued field would be a schema reference, which the
    // OpenAPI document cannot describe. Refusals name them as the draft does: citations[0].derived.rate, .count, .countFrom.

    [Description("An editor's derived total, kept apart from the figure as stated: the rate per unit as this quote states it (\"$2,000 per soldier per month\"); with derivedCount and derivedCountFrom, or none of them. Refusals name it derived.rate.")]
    public string? DerivedRate { get; set; }

    [Description("The count the derived rate applies to, as its origin states it (\"approximately 10,000 troops\"). Refusals name it derived.count.")]
    public string? DerivedCount { get; set; }

    [Description("Where the count is from: a claim's slug (its figure), or claim-slug/source-slug (that claim's citation of one document); it must exist. Refusals name it derived.countFrom.")]
    public string? DerivedCountFrom { get; set; }

    [Description("On the citation endpoints: why, recorded on the claim's revision; optional.")]
    public string? Comment { get; set; }

    public CitationDraft ToDraft()
    {
        var draft = CitationDraft.From(this);
        draft.Derived = new DerivationDraft { Rate = DerivedRate, Count = DerivedCount, CountFrom = DerivedCountFrom };
        return draft;
    }
}

/// <summary>A place an ambiguous quote occurs: offsets in the document's canonical text and the words around it.</summary>
public sealed record ApiAnchorCandidate(int Start, int End, string Context);
