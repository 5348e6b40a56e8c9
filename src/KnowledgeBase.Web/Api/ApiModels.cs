using KnowledgeBase.Core.Figures;

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
    IReadOnlyList<ApiCitation> Citations, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record ApiTopicRef(string Slug, string Name);

public sealed record ApiSourceRef(string Slug, string ShortName, string Title, string Url);

/// <summary>Where the quote lies in the source's canonical text (W3C TextQuote and TextPosition selectors).</summary>
public sealed record ApiSelector(string Exact, string Prefix, string Suffix, int Start, int End);

public sealed record ApiCitation(
    long Id, int Position, string Stance, string? Attribution, ApiFigure? Figure, ApiSourceRef Source, long PassageId,
    ApiSelector Selector, ApiFootnote? Footnote, string Url);

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
