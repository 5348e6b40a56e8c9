using System.Text.Json.Nodes;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Seeding;

public sealed record PlannedTopic(string Slug, string Name, string Description);

/// <summary>A source draft checked by <see cref="DraftRules"/>, with its body prepared.</summary>
public sealed record PlannedSource(SourceFrontMatter Meta, PreparedBody Body, PlannedTimes? Times = null)
{
    public AnchorableText Anchorable { get; } = AnchorableText.Of(Body.Rendered);

    public RenderedSource Rendered => Body.Rendered;

    public IReadOnlyList<PreparedFootnote> Footnotes => Body.Footnotes;
}

/// <summary>A citation draft anchored in its document, with the footnote checked and the stance read.</summary>
/// <param name="Review">Set for a passage awaiting review: its anchor is the stored selector, not a fresh anchoring.</param>
/// <param name="Derivation">The draft's derivation, its origin resolved among the files' claims.</param>
public sealed record PlannedCitation(
    CitationDraft Draft, TextAnchor Anchor, int? Footnote, Stance Stance, PlannedReview? Review = null, CitationDerivation? Derivation = null)
{
    public string SourceSlug => Draft.SourceSlug!;

    public string? Figure => TextValues.Blank(Draft.Figure);
}

/// <summary>An export's timestamps of a claim or source; each null when the import's own time is to be used.</summary>
public sealed record PlannedTimes(DateTimeOffset? Created, DateTimeOffset? Updated, DateTimeOffset? Deleted);

/// <summary>How a passage awaiting review was left: fuzzy (with the words cited before) or orphaned.</summary>
public sealed record PlannedReview(AnchorStatus Status, string? PreviousExact);

/// <summary>A revision of an export, its snapshot with citations naming their documents by slug (see <see cref="RevisionLine"/>).</summary>
public sealed record PlannedRevision(
    RevisionEntity Entity, string Slug, int Number, RevisionAction Action, string? AuthorId, string AuthorName, DateTimeOffset CreatedAt,
    string? Comment, JsonObject Snapshot);

/// <summary>A claim draft checked by <see cref="DraftRules"/>, its citations anchored and its verdict derived.</summary>
/// <param name="Warning">The statement lint's finding: a statement firmer than every quote that supports it.</param>
public sealed record PlannedClaim(
    ClaimDraft Draft, IReadOnlyList<PlannedCitation> Citations, AgreementVerdict Verdict, PlannedTimes? Times = null, StatementWarning? Warning = null)
{
    public string Slug => Draft.Slug!;
}

/// <summary>
/// Seed files checked in full and turned into what the importer writes: every draft goes through the editors' rule
/// set (<see cref="DraftRules"/>, worded for seed files), then every quote is anchored in its source's canonical
/// text and every footnote number checked against the quote's place; any problem is reported by the claim or file it
/// belongs to, all at once, and nothing is planned.
/// </summary>
public sealed record SeedPlan(
    IReadOnlyList<PlannedTopic> Topics,
    IReadOnlyList<PlannedSource> Sources,
    IReadOnlyList<PlannedClaim> Claims,
    string ContentHash)
{
    /// <summary>The revision history of an export made with it, in file order; empty for seed data.</summary>
    public IReadOnlyList<PlannedRevision> Revisions { get; init; } = [];

    /// <summary>The statement lint over every claim: warnings, which fail the import in <see cref="LintMode.Strict"/>.</summary>
    public LintReport Lint(LintMode mode) => new([.. Claims.Select(c => c.Warning).OfType<StatementWarning>()], mode);

    public static SeedPlan From(SeedFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();

        var topics = PlanTopics(files.Topics, errors);
        var sources = PlanSources(files.Sources, errors);
        // A document refused above is not named again by every citation of it.
        var refusedSources = files.Sources.Select(f => f.Meta.Slug ?? "").Where(slug => sources.All(s => s.Meta.Slug != slug)).ToHashSet();
        var claims = PlanClaims(
            files.Claims, topics.Select(t => t.Slug).ToHashSet(), sources.ToDictionary(s => s.Meta.Slug!), refusedSources, errors);
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
            if (!EnumSlugs.TryParse(r.Entity, out RevisionEntity entity))
            {
                errors.Add($"{where}: entity '{r.Entity}' is not claim or source.");
                continue;
            }
            if (!(entity == RevisionEntity.Claim ? claimSlugs : sourceSlugs).Contains(r.Slug))
            {
                errors.Add($"{where}: there is no {r.Entity} '{r.Slug}' in the export.");
                continue;
            }
            if (!EnumSlugs.TryParse(r.Action, out RevisionAction action))
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
            if (!FieldRules.IsSlug(t.Slug))
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
            var (problems, body) = DraftRules.Check(m, DraftReader.SeedFiles);
            errors.AddRange(problems.Select(p => $"{where}: {p.Message}"));
            var times = Times(m.CreatedAt, m.UpdatedAt, m.DeletedAt, where, errors);
            if (body is null)
            {
                continue;
            }
            if (result.Any(r => r.Meta.Slug == m.Slug))
            {
                errors.Add($"{where}: slug '{m.Slug}' is used by another source.");
                continue;
            }
            result.Add(new PlannedSource(m, body, times));
        }
        return result;
    }

    private static List<PlannedClaim> PlanClaims(
        IReadOnlyList<ClaimEntry> entries, HashSet<string> topicSlugs, Dictionary<string, PlannedSource> sources, HashSet<string> refusedSources,
        List<string> errors)
    {
        var result = new List<PlannedClaim>();
        var seen = new HashSet<string>();
        // Every claim of the files, wherever it stands in them, is a derivation's possible origin.
        var origins = entries.Where(e => e.Slug is not null).GroupBy(e => e.Slug!).ToDictionary(g => g.Key, g => new OriginClaim(g.Key, [.. (g.First().Citations ?? [])
            .Where(x => x?.SourceSlug is not null && sources.ContainsKey(x.SourceSlug))
            .Select(x => new OriginCitation(x.SourceSlug!, sources[x.SourceSlug!].Meta.ShortName!, TextValues.Blank(x.Attribution)))]));
        foreach (var (c, i) in entries.Select((c, i) => (c, i + 1)))
        {
            var where = $"claim '{c.Slug ?? $"#{i}"}'";
            var before = errors.Count;
            var refused = DraftRules.Check(c, DraftReader.SeedFiles);
            errors.AddRange(refused.Select(e => $"{where}{CitationOf(e.Field)}: {e.Message}"));
            bool Refused(string field) => refused.Any(e => e.Field == field || e.Field.StartsWith(field + ".", StringComparison.Ordinal));

            if (!Refused("slug") && !seen.Add(c.Slug!))
            {
                errors.Add($"{where}: the slug is used by another claim.");
            }
            foreach (var (t, j) in c.Topics.Select((t, j) => (t, j)).Where(x => !Refused($"topics[{x.j}]") && !topicSlugs.Contains(x.t)))
            {
                errors.Add($"{where}: unknown topic '{t}'.");
            }
            var times = Times(c.CreatedAt, c.UpdatedAt, c.DeletedAt, where, errors);

            var citations = new List<PlannedCitation>();
            var evidence = new List<CitationEvidence>();
            foreach (var (draft, j) in c.Citations.Select((e, j) => (e, j)))
            {
                var at = $"{where}, citation {j + 1}";
                if (Refused($"citations[{j}]"))
                {
                    continue;
                }
                var e = (CitationEntry)draft;
                if (refusedSources.Contains(e.SourceSlug!))
                {
                    continue;
                }
                var unresolved = new List<FieldError>();
                var derivation = DerivationOrigins.Resolve(e, $"citations[{j}]", s => origins.GetValueOrDefault(s), unresolved, DraftReader.SeedFiles);
                errors.AddRange(unresolved.Select(u => $"{at}: {u.Message}"));
                if (!sources.TryGetValue(e.SourceSlug!, out var source))
                {
                    errors.Add($"{at}: unknown source '{e.SourceSlug}'.");
                    continue;
                }
                if (!EnumSlugs.TryParse<Stance>(e.StanceSlug(), out var stance))
                {
                    continue; // already refused by DraftRules
                }
                if (e.Footnote is { } chosen && (e.FootnoteChosen is true || e.Review is not null) && source.Footnotes.All(f => f.Number != chosen))
                {
                    errors.Add($"{at} ({e.SourceSlug}): the document has no footnote {chosen}.");
                    continue;
                }
                if (e.Review is { } review)
                {
                    if (PlanReview(review, e.Quote!, source, at) is not { } kept)
                    {
                        continue;
                    }
                    citations.Add(new PlannedCitation(e, kept.Anchor, e.Footnote, stance, kept.Review, derivation));
                    evidence.Add(Evidence(e, stance, source, kept.Anchor, e.Footnote, derivation));
                    continue;
                }
                var anchored = CitationAnchoring.Anchor(source.Anchorable, e.Quote!, e.Prefix, e.Suffix);
                if (!anchored.Found)
                {
                    errors.Add($"{at} ({e.SourceSlug}): {anchored.Anchoring.Describe()}: “{e.Quote}”.");
                    continue;
                }
                var anchor = anchored.Anchor!;
                var located = e.FootnoteChosen is true ? e.Footnote : anchored.ProposedFootnote;
                if (e.Footnote is { } given && given != located)
                {
                    errors.Add(located is null
                        ? $"{at} ({e.SourceSlug}): footnote {given} is given, but the quote is not in a footnote and no marker closes its sentence."
                        : $"{at} ({e.SourceSlug}): footnote {given} is given, but the quote's sentence is backed by footnote {located}.");
                    continue;
                }
                citations.Add(new PlannedCitation(e, anchor, located, stance, Derivation: derivation));
                evidence.Add(Evidence(e, stance, source, anchor, located, derivation));
            }

            if (errors.Count == before)
            {
                result.Add(new PlannedClaim(c, citations, AgreementRule.Evaluate(evidence), times, StatementLint.Check(c.Statement!, evidence, c.Slug!)));
            }
        }
        return result;

        // What the rule reads, as it will read the stored citation: the file's confirmed voice, certainty and as-of, else the proposal.
        static CitationEvidence Evidence(
            CitationEntry e, Stance stance, PlannedSource source, TextAnchor anchor, int? footnote, CitationDerivation? derivation)
        {
            var citation = new Citation();
            e.ApplyTo(citation, stance, derivation);
            var f = source.Footnotes.FirstOrDefault(x => x.Number == footnote);
            return citation.Facts(QuotedPassage.In(
                source.Meta.Slug!, source.Meta.ShortName!, source.Meta.Published!, source.Anchorable.Text, anchor.Start, anchor.End, anchor.Exact,
                footnote, f?.Start ?? 0, f?.End ?? 0, f?.Cites)).ToEvidence();
        }

        // A passage awaiting review keeps its stored selector; only what must hold is checked.
        (TextAnchor Anchor, PlannedReview Review)? PlanReview(ReviewEntry r, string quote, PlannedSource source, string at)
        {
            var text = source.Anchorable.Text;
            if (!EnumSlugs.TryParse<AnchorStatus>(r.Status, out var status) || status is not (AnchorStatus.Fuzzy or AnchorStatus.Orphaned))
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
            return (new TextAnchor(start, end, quote, r.Prefix ?? "", r.Suffix ?? ""), new PlannedReview(status, TextValues.Blank(r.CitedQuote)));
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

    /// <summary>", citation 2" for a refusal of the second citation's field ("citations[1].quote"), else nothing.</summary>
    private static string CitationOf(string field)
    {
        if (!field.StartsWith("citations[", StringComparison.Ordinal))
        {
            return "";
        }
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return $", citation {int.Parse(field[10..close], System.Globalization.CultureInfo.InvariantCulture) + 1}";
    }
}
