using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;

namespace KnowledgeBase.Web.Claims;

/// <summary>A claim as a list shows it.</summary>
public sealed record ClaimSummary(long Id, string Slug, string Statement, string? Figure, AgreementFlag Agreement, IReadOnlyList<string> Sources);

public sealed record ClaimDetails(
    long Id,
    string Slug,
    string Statement,
    string? Figure,
    AgreementFlag Agreement,
    AgreementFlag ComputedAgreement,
    string Rationale,
    AgreementFlag? OverrideAgreement,
    string? OverrideReason,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TopicLink> Topics,
    IReadOnlyList<CitationView> Citations);

public sealed record TopicLink(string Slug, string Name);

public sealed record CitationView(
    long Id,
    Stance Stance,
    string? Attribution,
    string? Figure,
    long PassageId,
    string Exact,
    string Prefix,
    string Suffix,
    SourceSummary Source,
    FootnoteView? Footnote);

public sealed record SourceSummary(string Slug, string Title, string ShortName, IReadOnlyList<string> Authors, string Publisher, string Published, string Kind);

public sealed record FootnoteView(int Number, string Text, string? Authors, string? Title, string? Outlet, string? Published, string? Url);
