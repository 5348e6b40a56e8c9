using System.Text.Json.Nodes;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Seeding;

public sealed record PlannedTopic(string Slug, string Name, string Description);

public sealed record PlannedSource(
    SourceFrontMatter Meta, string Body, RenderedSource Rendered, IReadOnlyList<PreparedFootnote> Footnotes, PlannedTimes? Times = null)
{
    public AnchorableText Anchorable { get; } = AnchorableText.Of(Rendered);
}

/// <param name="Review">Set for a passage awaiting review: its anchor is the stored selector, not a fresh anchoring.</param>
public sealed record PlannedCitation(
    string SourceSlug, TextAnchor Anchor, int? Footnote, Stance Stance, string? Attribution, string? Figure, PlannedReview? Review = null);

/// <summary>An export's timestamps of a claim or source; each null when the import's own time is to be used.</summary>
public sealed record PlannedTimes(DateTimeOffset? Created, DateTimeOffset? Updated, DateTimeOffset? Deleted);

/// <summary>How a passage awaiting review was left: fuzzy (with the words cited before) or orphaned.</summary>
public sealed record PlannedReview(AnchorStatus Status, string? PreviousExact);

/// <summary>A revision of an export, its snapshot with citations naming their documents by slug (see <see cref="RevisionLine"/>).</summary>
public sealed record PlannedRevision(
    RevisionEntity Entity, string Slug, int Number, RevisionAction Action, string? AuthorId, string AuthorName, DateTimeOffset CreatedAt,
    string? Comment, JsonObject Snapshot);

public sealed record PlannedClaim(
    string Slug,
    string Statement,
    IReadOnlyList<string> Topics,
    string? Figure,
    IReadOnlyList<PlannedCitation> Citations,
    AgreementVerdict Verdict,
    (AgreementFlag Flag, string Reason)? Override,
    PlannedTimes? Times = null);

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
    /// <summary>The revision history of an export made with it, in file order; empty for seed data.</summary>
    public IReadOnlyList<PlannedRevision> Revisions { get; init; } = [];

    public static SeedPlan From(SeedFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();

        var topics = PlanTopics(files.Topics, errors);
        var sources = PlanSources(files.Sources, errors);
        var claims = PlanClaims(files.Claims, topics.Select(t => t.Slug).ToHashSet(), sources.ToDictionary(s => s.Meta.Slug!), errors);
        var revisions = PlanRevisions(files.Revisions, claims.Select(c => c.Slug).ToHashSet(), sources.Select(s => s.Meta.Slug!).ToHashSet(), errors);

        if (errors.Count > 0)
        {
            throw new SeedImportException(errors);
        }
        return new SeedPlan(topics, sources, claims, files.ContentHash) { Revisions = revisions };
    }

    private static List<PlannedRevision> PlanRevisions(
        IReadOnlyList<(int Line, string Json)> lines, HashSet<string> claimSlugs, HashSet<string> sourceSlugs, List<string> errors)
    {
        var result = new List<PlannedRevision>();
        var seen = new HashSet<(RevisionEntity, string, int)>();
        foreach (var (line, json) in lines)
        {
            var where = $"{RevisionLine.FileName}: line {line}";
            RevisionLine? r;
            try
            {
                r = RevisionLine.Parse(json);
            }
            catch (System.Text.Json.JsonException e)
            {
                errors.Add($"{where}: {e.Message}");
                continue;
            }
            if (r is null || r.Snapshot is null || r.Slug is null || r.AuthorName is null)
            {
                errors.Add($"{where}: a revision needs entity, slug, number, action, author-name, created-at and snapshot.");
                continue;
            }
            if (!RevisionText.TryParse(r.Entity, out RevisionEntity entity))
            {
                errors.Add($"{where}: entity '{r.Entity}' is not claim or source.");
                continue;
            }
            if (!(entity == RevisionEntity.Claim ? claimSlugs : sourceSlugs).Contains(r.Slug))
            {
                errors.Add($"{where}: there is no {r.Entity} '{r.Slug}' in the export.");
                continue;
            }
            if (!RevisionText.TryParse(r.Action, out RevisionAction action))
            {
                errors.Add($"{where}: action '{r.Action}' is not one of created, updated, deleted, undeleted, restored, imported.");
                continue;
            }
            if (!ExportTime.TryRead(r.CreatedAt, out var at))
            {
                errors.Add($"{where}: created-at '{r.CreatedAt}' is not a UTC timestamp (2026-12-01T09:30:00.000000Z).");
                continue;
            }
            if (r.Number < 1 || !seen.Add((entity, r.Slug, r.Number)))
            {
                errors.Add($"{where}: {r.Entity} '{r.Slug}' has no revision number {r.Number} to give (numbers run 1, 2, … once each).");
                continue;
            }
            var unknown = entity == RevisionEntity.Claim
                ? RevisionLine.Citations(r.Snapshot).Select(c => c["sourceId"] is JsonValue v && v.TryGetValue<string>(out var slug) ? slug : null)
                    .Where(slug => slug is null || !sourceSlugs.Contains(slug)).Select(slug => slug ?? "").ToList()
                : [];
            if (unknown.Count > 0)
            {
                errors.Add($"{where}: a citation names the document '{unknown[0]}', which the export does not hold.");
                continue;
            }
            result.Add(new PlannedRevision(entity, r.Slug, r.Number, action, r.AuthorId, r.AuthorName, at, r.Comment, r.Snapshot));
        }
        return result;
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
            var times = Times(m.CreatedAt, m.UpdatedAt, m.DeletedAt, where, errors);

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
            result.Add(new PlannedSource(m, file.Body, body.Rendered, body.Footnotes, times));
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
            var times = Times(c.CreatedAt, c.UpdatedAt, c.DeletedAt, where, errors);

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
                if (e.Footnote is { } chosen && (e.FootnoteChosen is true || e.Review is not null) && source.Footnotes.All(f => f.Number != chosen))
                {
                    errors.Add($"{at} ({e.Source}): the document has no footnote {chosen}.");
                    continue;
                }
                if (e.Review is { } review)
                {
                    if (PlanReview(review, e.Quote, source, at) is not { } kept)
                    {
                        continue;
                    }
                    citations.Add(new PlannedCitation(e.Source, kept.Anchor, e.Footnote, stance, Blank(e.Attribution), Blank(e.Figure), kept.Review));
                    evidence.Add(new CitationEvidence(e.Source, source.Meta.ShortName!, stance, SafeFigure(e.Figure), e.Quote, e.Footnote));
                    continue;
                }
                var anchored = CitationAnchoring.Anchor(source.Anchorable, e.Quote, e.Prefix, e.Suffix);
                if (!anchored.Found)
                {
                    errors.Add($"{at} ({e.Source}): {anchored.Anchoring.Describe()}: “{e.Quote}”.");
                    continue;
                }
                var anchor = anchored.Anchor!;
                var located = e.FootnoteChosen is true ? e.Footnote : anchored.ProposedFootnote;
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
                result.Add(new PlannedClaim(
                    c.Slug!, c.Statement!.Trim(), topics, Blank(c.Figure), citations, AgreementRule.Evaluate(evidence), overridden, times));
            }
        }
        return result;

        // A passage awaiting review keeps its stored selector; only what must hold is checked.
        (TextAnchor Anchor, PlannedReview Review)? PlanReview(ReviewEntry r, string quote, PlannedSource source, string at)
        {
            var text = source.Anchorable.Text;
            if (!AnchorStatusText.TryParse(r.Status, out var status) || status is not (AnchorStatus.Fuzzy or AnchorStatus.Orphaned))
            {
                errors.Add($"{at}: review status '{r.Status}' is not fuzzy or orphaned.");
                return null;
            }
            if (r.Start is not { } start || r.End is not { } end || start < 0 || end < start)
            {
                errors.Add($"{at}: a passage awaiting review needs its start and end (0 ≤ start ≤ end).");
                return null;
            }
            // A fuzzy passage stands on words of today's text; an orphan's words are gone, its offsets are the old ones.
            if (status == AnchorStatus.Fuzzy && (end > text.Length || text[start..end] != quote))
            {
                errors.Add($"{at} ({source.Meta.Slug}): the fuzzy passage's words are not at {start}–{end}: “{quote}”.");
                return null;
            }
            return (new TextAnchor(start, end, quote, r.Prefix ?? "", r.Suffix ?? ""), new PlannedReview(status, Blank(r.CitedQuote)));
        }
    }

    private static PlannedTimes? Times(string? created, string? updated, string? deleted, string where, List<string> errors)
    {
        if (created is null && updated is null && deleted is null)
        {
            return null;
        }
        DateTimeOffset? Read(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }
            if (ExportTime.TryRead(text, out var at))
            {
                return at;
            }
            errors.Add($"{where}: {field} '{text}' is not a UTC timestamp (2026-12-01T09:30:00.000000Z).");
            return null;
        }
        return new PlannedTimes(Read(created, "created-at"), Read(updated, "updated-at"), Read(deleted, "deleted-at"));
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
