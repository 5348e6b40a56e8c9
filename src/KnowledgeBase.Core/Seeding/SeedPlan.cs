using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Seeding;

public sealed record PlannedTopic(string Slug, string Name, string Description);

public sealed record PlannedSource(SourceFrontMatter Meta, string Body, RenderedSource Rendered, IReadOnlyList<PreparedFootnote> Footnotes)
{
    public AnchorableText Anchorable { get; } = AnchorableText.Of(Rendered);
}

public sealed record PlannedCitation(string SourceSlug, TextAnchor Anchor, int? Footnote, Stance Stance, string? Attribution, string? Figure);

public sealed record PlannedClaim(
    string Slug,
    string Statement,
    IReadOnlyList<string> Topics,
    string? Figure,
    IReadOnlyList<PlannedCitation> Citations,
    AgreementVerdict Verdict,
    (AgreementFlag Flag, string Reason)? Override);

/// <summary>
/// Seed files checked in full and turned into what the importer writes. Every quote is anchored in its source's
/// canonical text, every footnote number checked, every figure parsed; any problem is reported by the claim or
/// file it belongs to, all at once, and nothing is planned.
/// </summary>
public sealed record SeedPlan(
    IReadOnlyList<PlannedTopic> Topics,
    IReadOnlyList<PlannedSource> Sources,
    IReadOnlyList<PlannedClaim> Claims,
    string ContentHash)
{
    public static SeedPlan From(SeedFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();

        var topics = PlanTopics(files.Topics, errors);
        var sources = PlanSources(files.Sources, errors);
        var claims = PlanClaims(files.Claims, topics.Select(t => t.Slug).ToHashSet(), sources.ToDictionary(s => s.Meta.Slug!), errors);

        if (errors.Count > 0)
        {
            throw new SeedImportException(errors);
        }
        return new SeedPlan(topics, sources, claims, files.ContentHash);
    }

    private static List<PlannedTopic> PlanTopics(IReadOnlyList<TopicEntry> entries, List<string> errors)
    {
        var result = new List<PlannedTopic>();
        foreach (var (t, i) in entries.Select((t, i) => (t, i + 1)))
        {
            var where = $"topics.yaml: topic {i} ('{t.Slug}')";
            if (!IsSlug(t.Slug))
            {
                errors.Add($"{where}: slug must be lowercase letters, digits and hyphens.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(t.Name))
            {
                errors.Add($"{where}: name is required.");
                continue;
            }
            if (result.Any(r => r.Slug == t.Slug))
            {
                errors.Add($"{where}: the slug is used twice.");
                continue;
            }
            result.Add(new PlannedTopic(t.Slug!, t.Name.Trim(), t.Description?.Trim() ?? ""));
        }
        return result;
    }

    private static List<PlannedSource> PlanSources(IReadOnlyList<SourceFile> files, List<string> errors)
    {
        var result = new List<PlannedSource>();
        foreach (var file in files)
        {
            var m = file.Meta;
            var where = $"sources/{file.FileName}";
            var missing = new (string Field, string? Value)[]
                {
                    ("slug", m.Slug), ("title", m.Title), ("short-name", m.ShortName), ("publisher", m.Publisher),
                    ("kind", m.Kind), ("published", m.Published),
                }
                .Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Field).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"{where}: required front matter missing: {string.Join(", ", missing)}.");
                continue;
            }
            if (!IsSlug(m.Slug))
            {
                errors.Add($"{where}: slug '{m.Slug}' must be lowercase letters, digits and hyphens.");
                continue;
            }
            if (result.Any(r => r.Meta.Slug == m.Slug))
            {
                errors.Add($"{where}: slug '{m.Slug}' is used by another source.");
                continue;
            }
            if (!PartialDate.IsValid(m.Published))
            {
                errors.Add($"{where}: published '{m.Published}' is not an ISO date (2024, 2024-11 or 2024-11-05).");
            }
            if (m.Retrieved is not null && !DateOnly.TryParseExact(m.Retrieved, "yyyy-MM-dd", out _))
            {
                errors.Add($"{where}: retrieved '{m.Retrieved}' is not a date (yyyy-mm-dd).");
            }
            if (m.Url is not null && !IsHttpUrl(m.Url))
            {
                errors.Add($"{where}: url '{m.Url}' must be an absolute http(s) URL.");
            }

            var citedWorks = (m.Footnotes ?? []).ToDictionary(
                kv => kv.Key,
                kv => kv.Value is null ? null : new CitedWork
                {
                    Authors = kv.Value.Authors,
                    Title = kv.Value.Title,
                    Outlet = kv.Value.Outlet,
                    Published = kv.Value.Published,
                    Url = kv.Value.Url,
                });
            var problems = new List<SourceBodyProblem>();
            var body = SourceBodies.Prepare(file.Body, citedWorks, FootnoteWording.SeedFiles, problems);
            errors.AddRange(problems.Select(p => $"{where}: {p.Message}"));
            if (body is null)
            {
                continue;
            }
            result.Add(new PlannedSource(m, file.Body, body.Rendered, body.Footnotes));
        }
        return result;
    }

    private static List<PlannedClaim> PlanClaims(
        IReadOnlyList<ClaimEntry> entries, HashSet<string> topicSlugs, Dictionary<string, PlannedSource> sources, List<string> errors)
    {
        var result = new List<PlannedClaim>();
        var seen = new HashSet<string>();
        foreach (var (c, i) in entries.Select((c, i) => (c, i + 1)))
        {
            var where = $"claim '{c.Slug ?? $"#{i}"}'";
            var before = errors.Count;
            if (!IsSlug(c.Slug))
            {
                errors.Add($"{where}: slug must be lowercase letters, digits and hyphens.");
            }
            else if (!seen.Add(c.Slug!))
            {
                errors.Add($"{where}: the slug is used by another claim.");
            }
            if (string.IsNullOrWhiteSpace(c.Statement))
            {
                errors.Add($"{where}: statement is required.");
            }
            var topics = c.Topics ?? [];
            if (topics.Count == 0)
            {
                errors.Add($"{where}: name at least one topic.");
            }
            foreach (var t in topics.Where(t => !topicSlugs.Contains(t)))
            {
                errors.Add($"{where}: unknown topic '{t}'.");
            }
            CheckFigure(c.Figure, where, errors);

            (AgreementFlag, string)? overridden = null;
            if (c.AgreementOverride is { } o)
            {
                if (!AgreementFlagText.TryParse(o.Flag, out var flag))
                {
                    errors.Add($"{where}: agreement-override flag '{o.Flag}' is not one of agree, partial, conflict, single-source.");
                }
                else if (string.IsNullOrWhiteSpace(o.Reason))
                {
                    errors.Add($"{where}: an agreement override needs a reason.");
                }
                else
                {
                    overridden = (flag, o.Reason.Trim());
                }
            }

            var citations = new List<PlannedCitation>();
            var evidence = new List<CitationEvidence>();
            if ((c.Citations ?? []).Count == 0)
            {
                errors.Add($"{where}: a claim needs at least one citation.");
            }
            foreach (var (e, j) in (c.Citations ?? []).Select((e, j) => (e, j + 1)))
            {
                var at = $"{where}, citation {j}";
                if (e.Source is null || !sources.TryGetValue(e.Source, out var source))
                {
                    errors.Add($"{at}: unknown source '{e.Source}'.");
                    continue;
                }
                if (!StanceText.TryParse(e.Stance ?? "supports", out var stance))
                {
                    errors.Add($"{at}: stance '{e.Stance}' is not one of supports, supports-in-part, contradicts, mentions.");
                    continue;
                }
                CheckFigure(e.Figure, at, errors);
                if (string.IsNullOrWhiteSpace(e.Quote))
                {
                    errors.Add($"{at}: quote is required.");
                    continue;
                }
                var anchored = CitationAnchoring.Anchor(source.Anchorable, e.Quote, e.Prefix, e.Suffix);
                if (!anchored.Found)
                {
                    errors.Add($"{at} ({e.Source}): {anchored.Anchoring.Describe()}: “{e.Quote}”.");
                    continue;
                }
                var anchor = anchored.Anchor!;
                var located = anchored.ProposedFootnote;
                if (e.Footnote is { } given && given != located)
                {
                    errors.Add(located is null
                        ? $"{at} ({e.Source}): footnote {given} is given, but the quote is not in a footnote and no marker closes its sentence."
                        : $"{at} ({e.Source}): footnote {given} is given, but the quote's sentence is backed by footnote {located}.");
                    continue;
                }
                citations.Add(new PlannedCitation(e.Source, anchor, located, stance, Blank(e.Attribution), Blank(e.Figure)));
                evidence.Add(new CitationEvidence(e.Source, source.Meta.ShortName!, stance, SafeFigure(e.Figure), anchor.Exact, located));
            }

            if (errors.Count == before)
            {
                result.Add(new PlannedClaim(c.Slug!, c.Statement!.Trim(), topics, Blank(c.Figure), citations, AgreementRule.Evaluate(evidence), overridden));
            }
        }
        return result;
    }

    private static void CheckFigure(string? figure, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(figure))
        {
            return;
        }
        try
        {
            FigureParser.Parse(figure);
        }
        catch (FigureFormatException e)
        {
            errors.Add($"{where}: {e.Message}");
        }
    }

    private static Figure? SafeFigure(string? text)
    {
        try
        {
            return Figure.ParseOptional(text);
        }
        catch (FigureFormatException)
        {
            return null;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool IsHttpUrl(string url) => FieldRules.IsHttpUrl(url);

    private static bool IsSlug(string? s) => FieldRules.IsSlug(s);
}
