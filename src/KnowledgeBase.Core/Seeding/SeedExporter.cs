using System.Data;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Seeding;

public sealed record SeedExportResult(int Topics, int Sources, int Claims, int Citations, int Revisions)
{
    public override string ToString() =>
        $"exported {Topics} topics, {Sources} sources, {Claims} claims, {Citations} citations" + (Revisions > 0 ? $", {Revisions} revisions" : "");
}

/// <summary>
/// Writes the whole knowledge base as a seed-data folder (seed-data/README.md), deleted claims and sources, overrides,
/// passages awaiting review and, on request, the revision history included, so that <see cref="SeedImporter"/> loads
/// it into an empty database and a second export gives the same bytes. Everything is read in one snapshot
/// (repeatable read), claims and revisions a batch at a time, and written to a temporary folder that replaces the
/// target only when complete.
/// </summary>
public sealed class SeedExporter(KnowledgeBaseDb db)
{
    private const int Batch = 1000;

    /// <summary>How far the shortest prefix or suffix that singles out a quote is looked for, in words.</summary>
    private const int ContextWords = 12;

    private const string Utf8Lf = "\n";

    private sealed record ExportedSource(string Slug, AnchorableText Text, Dictionary<int, int> FootnoteNumbers);

    public async Task<SeedExportResult> ExportAsync(string directory, bool force, bool revisions, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var target = Path.GetFullPath(directory);
        if (File.Exists(target))
        {
            throw new ImportRefusedException($"Export refused: '{directory}' is a file, not a folder.");
        }
        if (!force && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ImportRefusedException($"Export refused: '{directory}' is not empty; pass --force to replace it.");
        }
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(temp, "sources"));
        try
        {
            SeedExportResult result;
            await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
            {
                // A seed import (or an import of an export) stamps what it adds with its own time: those stamps say
                // nothing an import would not say again, so only the editors' times are written.
                var importTimes = (await db.SeedImports.Select(s => s.ImportedAt).ToListAsync(ct)).ToHashSet();
                var topics = await WriteTopicsAsync(temp, ct);
                var sources = await WriteSourcesAsync(temp, importTimes, ct);
                var (claims, citations) = await WriteClaimsAsync(temp, sources, importTimes, ct);
                var history = revisions ? await WriteRevisionsAsync(temp, sources, ct) : 0;
                result = new SeedExportResult(topics, sources.Count, claims, citations, history);
            }
            Replace(temp, target);
            return result;
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>Puts the finished folder in the target's place; an old target is moved aside first and removed after.</summary>
    private static void Replace(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        var old = temp + ".old";
        Directory.Move(target, old);
        Directory.Move(temp, target);
        Directory.Delete(old, recursive: true);
    }

    private static StreamWriter Create(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = Utf8Lf };

    private async Task<int> WriteTopicsAsync(string folder, CancellationToken ct)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Slug, t.Name, t.Description }).ToListAsync(ct);
        var text = new StringBuilder("# Topics of the KnowledgeBase seed data. See README.md.\n");
        foreach (var t in topics)
        {
            text.Append("- slug: ").Append(SeedYaml.Scalar(t.Slug)).Append('\n');
            SeedYaml.Line(text, 2, "name", SeedYaml.Scalar(t.Name));
            if (t.Description.Length > 0)
            {
                SeedYaml.Line(text, 2, "description", SeedYaml.Scalar(t.Description));
            }
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "topics.yaml"), text.ToString(), ct);
        return topics.Count;
    }

    /// <summary>One query per source: each carries its whole body, and sources are few beside claims.</summary>
    private async Task<Dictionary<int, ExportedSource>> WriteSourcesAsync(string folder, HashSet<DateTimeOffset> importTimes, CancellationToken ct)
    {
        var ids = await db.Sources.IgnoreQueryFilters().OrderBy(s => s.Slug).Select(s => s.Id).ToListAsync(ct);
        var result = new Dictionary<int, ExportedSource>();
        foreach (var id in ids)
        {
            var s = await db.Sources.IgnoreQueryFilters().AsNoTracking().Include(x => x.Footnotes).SingleAsync(x => x.Id == id, ct);
            var front = new SourceFrontMatter();
            front.ReadFrom(s);
            (front.CreatedAt, front.UpdatedAt, front.DeletedAt) = Times(s.CreatedAt, s.UpdatedAt, s.DeletedAt, importTimes);
            var text = new StringBuilder("---\n");
            SeedYaml.Fields(text, 0, front, skip: [nameof(SourceDraft.Footnotes)]);
            if (front.Footnotes.Count > 0)
            {
                text.Append("footnotes:\n");
                foreach (var (number, work) in front.Footnotes.OrderBy(f => f.Key))
                {
                    text.Append("  ").Append(SeedYaml.Number(number)).Append(":\n");
                    SeedYaml.Fields(text, 4, work, nulls: true);
                }
            }
            text.Append("---\n").Append(s.BodyMarkdown.ReplaceLineEndings(Utf8Lf));
            await File.WriteAllTextAsync(Path.Combine(folder, "sources", s.Slug + ".md"), text.ToString(), ct);
            result[s.Id] = new ExportedSource(s.Slug, AnchorableText.FromHtml(s.BodyHtml), s.Footnotes.ToDictionary(f => f.Id, f => f.Number));
        }
        return result;
    }

    private async Task<(int Claims, int Citations)> WriteClaimsAsync(
        string folder, Dictionary<int, ExportedSource> sources, HashSet<DateTimeOffset> importTimes, CancellationToken ct)
    {
        await using var writer = Create(Path.Combine(folder, "claims.yaml"));
        await writer.WriteAsync("# Claims of the KnowledgeBase seed data, each with its citations. See README.md.\n");
        var (claims, citations, after) = (0, 0, 0L);
        while (true)
        {
            var batch = await db.Claims.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Id > after)
                .OrderBy(c => c.Id)
                .Take(Batch)
                .Select(c => new
                {
                    Claim = c,
                    Topics = c.Topics.OrderBy(t => t.Id).Select(t => t.Slug).ToList(),
                    Citations = c.Citations.OrderBy(x => x.Position).Select(x => new
                    {
                        Citation = x,
                        x.Passage!.SourceId,
                        x.Passage.Start,
                        x.Passage.End,
                        x.Passage.Exact,
                        x.Passage.Prefix,
                        x.Passage.Suffix,
                        x.Passage.AnchorStatus,
                        x.Passage.NeedsReview,
                        x.Passage.PreviousExact,
                        x.Passage.FootnoteId,
                    }).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            var text = new StringBuilder();
            foreach (var c in batch)
            {
                var entry = new ClaimEntry { Topics = c.Topics };
                entry.ReadFrom(c.Claim);
                (entry.CreatedAt, entry.UpdatedAt, entry.DeletedAt) = Times(c.Claim.CreatedAt, c.Claim.UpdatedAt, c.Claim.DeletedAt, importTimes);
                text.Append('\n').Append("- slug: ").Append(SeedYaml.Scalar(entry.Slug)).Append('\n');
                SeedYaml.Fields(text, 2, entry, skip: [nameof(ClaimDraft.Slug), nameof(ClaimDraft.Citations)]);
                text.Append("  citations:\n");
                foreach (var x in c.Citations)
                {
                    var source = sources[x.SourceId];
                    var footnote = x.FootnoteId is { } fid ? source.FootnoteNumbers.GetValueOrDefault(fid) : (int?)null;
                    // A confirmed passage is written as a seed citation: the fewest words around it that find it again.
                    var found = x.NeedsReview ? null : Context(source.Text, x.Start, x.End, x.Exact);
                    var citation = new CitationEntry { SourceSlug = source.Slug, Quote = x.Exact, Prefix = found?.Prefix, Suffix = found?.Suffix, Footnote = footnote };
                    citation.ReadFrom(x.Citation);
                    // The footnote an editor picked (or a passage awaiting review keeps) is not the one the place proposes.
                    citation.FootnoteChosen = !x.NeedsReview && (found is null || found.Proposed != footnote) ? true : null;
                    citation.Review = x.NeedsReview
                        ? new ReviewEntry
                        {
                            Status = x.AnchorStatus.ToSlug(),
                            Start = x.Start,
                            End = x.End,
                            Prefix = x.Prefix,
                            Suffix = x.Suffix,
                            CitedQuote = x.PreviousExact,
                        }
                        : null;
                    text.Append("    - source: ").Append(SeedYaml.Scalar(citation.SourceSlug)).Append('\n');
                    SeedYaml.Fields(text, 6, citation, skip: [nameof(CitationDraft.SourceSlug)]);
                    citations++;
                }
                claims++;
            }
            await writer.WriteAsync(text, ct);
            after = batch[^1].Claim.Id;
        }
        return (claims, citations);
    }

    /// <summary>An export's times as written: the editors' only (an import's own stamps say nothing an import would not say again).</summary>
    private static (string? Created, string? Updated, string? Deleted) Times(
        DateTimeOffset created, DateTimeOffset updated, DateTimeOffset? deleted, HashSet<DateTimeOffset> importTimes) =>
        (importTimes.Contains(created) ? null : ExportTime.Write(created),
         importTimes.Contains(updated) ? null : ExportTime.Write(updated),
         deleted is { } at ? ExportTime.Write(at) : null);

    private sealed record Found(string? Prefix, string? Suffix, int? Proposed);

    /// <summary>
    /// The shortest context that makes the quote anchor at its place again: none if the words occur once, else the
    /// fewest words (two or more) after, then before, it; null if even that fails (the import will then say so).
    /// </summary>
    private static Found? Context(AnchorableText document, int start, int end, string exact)
    {
        bool At(CitationAnchor a) => a.Found && a.Anchor!.Start == start && a.Anchor.End == end;
        var bare = CitationAnchoring.Anchor(document, exact);
        if (At(bare))
        {
            return new Found(null, null, bare.ProposedFootnote);
        }
        var text = document.Text;
        string? lastSuffix = null, lastPrefix = null;
        // Two words at least: a lone word reads as noise ("such"), two as a phrase ("such as").
        for (var words = 2; words <= ContextWords; words++)
        {
            var suffix = WordsAfter(text, end, words);
            if (suffix != lastSuffix && CitationAnchoring.Anchor(document, exact, null, suffix) is var s && At(s))
            {
                return new Found(null, suffix, s.ProposedFootnote);
            }
            var prefix = WordsBefore(text, start, words);
            if (prefix != lastPrefix && CitationAnchoring.Anchor(document, exact, prefix, null) is var p && At(p))
            {
                return new Found(prefix, null, p.ProposedFootnote);
            }
            (lastSuffix, lastPrefix) = (suffix, prefix);
        }
        var both = CitationAnchoring.Anchor(document, exact, lastPrefix, lastSuffix);
        return At(both) ? new Found(lastPrefix, lastSuffix, both.ProposedFootnote) : null;
    }

    /// <summary>
    /// The text from <paramref name="end"/> through the n-th word after it, within the paragraph, without the
    /// punctuation that closes the last word ("such as", not "such as:").
    /// </summary>
    private static string WordsAfter(string text, int end, int words)
    {
        var i = end;
        for (var w = 0; w < words && i < text.Length && text[i] != '\n'; w++)
        {
            while (i < text.Length && text[i] is not '\n' && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }
        var trimmed = i;
        while (trimmed > end && char.IsPunctuation(text[trimmed - 1]))
        {
            trimmed--;
        }
        return text[end..(string.IsNullOrWhiteSpace(text[end..trimmed]) ? i : trimmed)];
    }

    /// <summary>Likewise, the n words before <paramref name="start"/>, without the punctuation that opens the first ("United", not "(United").</summary>
    private static string WordsBefore(string text, int start, int words)
    {
        var i = start;
        for (var w = 0; w < words && i > 0 && text[i - 1] != '\n'; w++)
        {
            while (i > 0 && text[i - 1] is not '\n' && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }
            while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }
        }
        var trimmed = i;
        while (trimmed < start && char.IsPunctuation(text[trimmed]))
        {
            trimmed++;
        }
        return text[(string.IsNullOrWhiteSpace(text[trimmed..start]) ? i : trimmed)..start];
    }

    private async Task<int> WriteRevisionsAsync(string folder, Dictionary<int, ExportedSource> sources, CancellationToken ct)
    {
        await using var writer = Create(Path.Combine(folder, RevisionLine.FileName));
        var (count, after) = (0, 0L);
        while (true)
        {
            var batch = await db.Revisions.AsNoTracking()
                .Where(r => r.Id > after)
                .OrderBy(r => r.Id)
                .Take(Batch)
                .Select(r => new
                {
                    Revision = r,
                    Slug = r.EntityType == RevisionEntity.Claim
                        ? db.Claims.IgnoreQueryFilters().Where(c => c.Id == r.EntityId).Select(c => c.Slug).FirstOrDefault()
                        : db.Sources.IgnoreQueryFilters().Where(s => s.Id == r.EntityId).Select(s => s.Slug).FirstOrDefault(),
                })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            var text = new StringBuilder();
            foreach (var (r, slug) in batch.Select(b => (b.Revision, b.Slug)))
            {
                var snapshot = JsonNode.Parse(r.Snapshot)!.AsObject();
                foreach (var citation in RevisionLine.Citations(snapshot))
                {
                    if (citation["sourceId"] is JsonValue v && v.TryGetValue<int>(out var id) && sources.TryGetValue(id, out var source))
                    {
                        citation["sourceId"] = source.Slug;
                    }
                }
                var line = new RevisionLine(
                    r.EntityType.ToSlug(), slug ?? "", r.Number, r.Action.ToSlug(), r.AuthorId, r.AuthorName, ExportTime.Write(r.CreatedAt), r.Comment, snapshot);
                text.Append(line.ToJson()).Append('\n');
                count++;
            }
            await writer.WriteAsync(text, ct);
            after = batch[^1].Revision.Id;
        }
        return count;
    }
}
