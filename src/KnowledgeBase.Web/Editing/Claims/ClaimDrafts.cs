using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Web.Editing.Claims;

/// <summary>Snapshots of the editor's draft, to compare with what another editor saved.</summary>
public static class ClaimDrafts
{
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
            var place = new TextAnchor(p?.Anchor?.Start ?? 0, p?.Anchor?.End ?? 0, p?.Anchor?.Exact ?? c.Quote?.Trim() ?? "", c.Prefix ?? "", c.Suffix ?? "");
            return CitationSnapshot.Of(c, source?.Id ?? 0, source?.Slug ?? c.SourceSlug ?? "", place, c.Footnote ?? p?.Footnote);
        }).ToList();
        return new ClaimSnapshot(
            d.Slug?.Trim() ?? "", d.Statement?.Trim() ?? "", TextValues.Blank(d.Figure),
            d.Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Order(StringComparer.Ordinal).ToList(),
            TextValues.Blank(d.OverrideFlag), TextValues.Blank(d.OverrideReason), citations);
    }

    /// <summary>What differs between the stored version and the draft, leaving out character offsets (the words are compared).</summary>
    public static IReadOnlyList<FieldChange> Differences(ClaimSnapshot theirs, ClaimSnapshot mine) =>
        SnapshotDiff.Compare(theirs, mine).Where(c => !c.Field.EndsWith(".place", StringComparison.Ordinal)).ToList();
}
