using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Editing;

/// <summary>A passage as re-anchoring sees it: where it was, what it says, whether it awaits review, its footnote number.</summary>
public sealed record PassageState(
    long Id,
    int Start,
    int End,
    string Exact,
    string Prefix,
    string Suffix,
    AnchorStatus Status,
    bool NeedsReview,
    string? PreviousExact,
    int? Footnote);

/// <summary>
/// After a source's text changed, where each of its passages is now. Every passage gets an answer, none is dropped:
/// <list type="bullet">
/// <item>Exact or moved: the same words were found; offsets (and the footnote proposed at the new place) follow them.</item>
/// <item>Fuzzy: only similar words were found; the passage takes them, remembers the words it had
/// (<see cref="PassageState.PreviousExact"/>) and waits for review.</item>
/// <item>Orphaned: nothing close was found; the passage keeps its old words and offsets and waits for review.</item>
/// </list>
/// A passage already waiting for review stays waiting, unless the words it was cited for come back exactly (an edit
/// undone). Two passages never end up confirmed at the same span: the later one is flagged fuzzy instead. A footnote
/// the editor had picked by hand (not the one the old text proposed) follows its note's text to its new number.
/// </summary>
public static class PassageReanchoring
{
    public static IReadOnlyList<PassageState> Reanchor(
        AnchorableText before,
        IReadOnlyDictionary<int, string> footnotesBefore,
        AnchorableText after,
        IReadOnlyDictionary<int, string> footnotesAfter,
        IReadOnlyList<PassageState> passages)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(footnotesBefore);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(footnotesAfter);
        ArgumentNullException.ThrowIfNull(passages);

        var renumbered = Renumbering(footnotesBefore, footnotesAfter);
        var taken = new HashSet<(int, int)>();
        var results = new Dictionary<long, PassageState>();

        // Confirmed passages claim their spans first; those awaiting review come after.
        foreach (var p in passages.OrderBy(p => p.NeedsReview).ThenBy(p => p.Id))
        {
            var wasConfirmed = !p.NeedsReview;
            var handPicked = wasConfirmed
                ? p.Footnote != FootnoteLocator.Locate(before.Text, before.Markers, before.Footnotes, Clamp(p.Start, before), Clamp(p.End, before))
                : p.Footnote is not null;
            int? Footnote(int start, int end) => handPicked
                ? p.Footnote is { } n ? renumbered.GetValueOrDefault(n) : null
                : FootnoteLocator.Locate(after.Text, after.Markers, after.Footnotes, start, end);

            // A fuzzy passage whose original words are back exactly is restored to them.
            if (p.NeedsReview && p.Status == AnchorStatus.Fuzzy && p.PreviousExact is { } original)
            {
                var back = Reanchoring.Reanchor(after.Text, new TextAnchor(p.Start, p.End, original, p.Prefix, p.Suffix));
                if (back.Status is AnchorStatus.Exact or AnchorStatus.Moved && taken.Add((back.Anchor!.Start, back.Anchor.End)))
                {
                    results[p.Id] = Confirmed(p, back.Anchor, AnchorStatus.Moved, Footnote(back.Anchor.Start, back.Anchor.End));
                    continue;
                }
            }

            var found = Reanchoring.Reanchor(after.Text, new TextAnchor(p.Start, p.End, p.Exact, p.Prefix, p.Suffix));
            var anchor = found.Anchor;
            switch (found.Status)
            {
                case AnchorStatus.Exact or AnchorStatus.Moved when p.NeedsReview && p.Status == AnchorStatus.Fuzzy:
                    // Still the approximate words an editor has not confirmed: they follow, and stay in the queue.
                    results[p.Id] = At(p, anchor!, Footnote(anchor!.Start, anchor.End));
                    break;
                case AnchorStatus.Exact or AnchorStatus.Moved when taken.Add((anchor!.Start, anchor.End)):
                    results[p.Id] = Confirmed(p, anchor, p.NeedsReview ? AnchorStatus.Moved : found.Status, Footnote(anchor.Start, anchor.End));
                    break;
                case AnchorStatus.Exact or AnchorStatus.Moved or AnchorStatus.Fuzzy:
                    // Approximate words, or the same words another passage already stands on: an editor decides.
                    results[p.Id] = At(p, anchor!, Footnote(anchor!.Start, anchor.End)) with
                    {
                        Status = AnchorStatus.Fuzzy,
                        NeedsReview = true,
                        PreviousExact = p.PreviousExact ?? p.Exact,
                    };
                    break;
                default:
                    results[p.Id] = p with
                    {
                        Status = AnchorStatus.Orphaned,
                        NeedsReview = true,
                        Footnote = p.Footnote is { } n ? renumbered.GetValueOrDefault(n) : null,
                    };
                    break;
            }
        }
        return passages.Select(p => results[p.Id]).ToList();
    }

    private static PassageState Confirmed(PassageState p, TextAnchor anchor, AnchorStatus status, int? footnote) =>
        At(p, anchor, footnote) with { Status = status, NeedsReview = false, PreviousExact = null };

    /// <summary>The passage on the words the anchor found, with the footnote there.</summary>
    private static PassageState At(PassageState p, TextAnchor anchor, int? footnote) => p with
    {
        Start = anchor.Start,
        End = anchor.End,
        Exact = anchor.Exact,
        Prefix = anchor.Prefix,
        Suffix = anchor.Suffix,
        Footnote = footnote,
    };

    /// <summary>
    /// Old footnote number → new: the note with the same text; else the same number, if the note now there is not
    /// another old note moved (its text edited, say); else none.
    /// </summary>
    private static Dictionary<int, int?> Renumbering(IReadOnlyDictionary<int, string> before, IReadOnlyDictionary<int, string> after)
    {
        var byText = after.GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Key, StringComparer.Ordinal);
        var moved = before.Values.Where(byText.ContainsKey).Select(t => byText[t]).ToHashSet();
        return before.ToDictionary(
            kv => kv.Key,
            kv => byText.TryGetValue(kv.Value, out var n) ? n : after.ContainsKey(kv.Key) && !moved.Contains(kv.Key) ? kv.Key : (int?)null);
    }

    private static int Clamp(int offset, AnchorableText text) => Math.Clamp(offset, 0, text.Text.Length);
}
