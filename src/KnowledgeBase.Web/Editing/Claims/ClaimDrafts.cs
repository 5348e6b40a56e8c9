using KnowledgeBase.Core.Editing;

namespace KnowledgeBase.Web.Editing.Claims;

/// <summary>Copies and snapshots of the editor's draft: the page hands the services a copy, never the form's own object.</summary>
public static class ClaimDrafts
{
    public static ClaimDraft Copy(ClaimDraft d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new()
        {
            Slug = d.Slug,
            Statement = d.Statement,
            Figure = d.Figure,
            Topics = [.. d.Topics],
            Citations = [.. d.Citations.Select(Copy)],
            OverrideFlag = d.OverrideFlag,
            OverrideReason = d.OverrideReason,
        };
    }

    public static CitationDraft Copy(CitationDraft c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            SourceId = c.SourceId,
            SourceSlug = c.SourceSlug,
            Quote = c.Quote,
            Prefix = c.Prefix,
            Suffix = c.Suffix,
            Stance = c.Stance,
            Attribution = c.Attribution,
            Figure = c.Figure,
            Footnote = c.Footnote,
        };
    }

    /// <summary>
    /// The draft as a snapshot, to set beside another editor's saved version. Places come from the live preview when
    /// it anchored the quote; footnotes left blank take the proposed one, as a save would.
    /// </summary>
    public static ClaimSnapshot Snapshot(ClaimDraft d, ClaimPreview? preview, IReadOnlyList<SourceOption> sources)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(sources);
        var citations = d.Citations.Select((c, i) =>
        {
            var p = preview?.Citations.FirstOrDefault(x => x.Index == i);
            var source = sources.FirstOrDefault(s => s.Id == c.SourceId) ?? sources.FirstOrDefault(s => s.Slug == c.SourceSlug);
            return new CitationSnapshot(
                source?.Id ?? 0, source?.Slug ?? c.SourceSlug ?? "", p?.Anchor?.Exact ?? c.Quote?.Trim() ?? "", c.Prefix ?? "", c.Suffix ?? "",
                p?.Anchor?.Start ?? 0, p?.Anchor?.End ?? 0, string.IsNullOrWhiteSpace(c.Stance) ? "supports" : c.Stance.Trim(),
                Blank(c.Attribution), Blank(c.Figure), c.Footnote ?? p?.Footnote);
        }).ToList();
        return new ClaimSnapshot(
            d.Slug?.Trim() ?? "", d.Statement?.Trim() ?? "", Blank(d.Figure),
            d.Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Order(StringComparer.Ordinal).ToList(),
            Blank(d.OverrideFlag), Blank(d.OverrideReason), citations);
    }

    /// <summary>What differs between the stored version and the draft, leaving out character offsets (the words are compared).</summary>
    public static IReadOnlyList<FieldChange> Differences(ClaimSnapshot theirs, ClaimSnapshot mine) =>
        SnapshotDiff.Compare(theirs, mine).Where(c => !c.Field.EndsWith(".place", StringComparison.Ordinal)).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
