using System.Globalization;
using System.Text.RegularExpressions;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace KnowledgeBase.Core.Editing;

public enum DiffOp
{
    Same,
    Removed,
    Added,

    /// <summary>A run of unchanged lines left out of a line diff; its text says how many.</summary>
    Skipped,
}

/// <summary>A piece of a diff: a line (line diffs, without its line break) or a run of words and spaces (word diffs).</summary>
public sealed record DiffPiece(DiffOp Op, string Text);

/// <summary>Line and word diffs between two texts (DiffPlex's Myers diff), as the history page and the conflict screens show them.</summary>
public static partial class TextDiff
{
    private static readonly CustomFunctionChunker ByLine = new(text => text.ReplaceLineEndings("\n").Split('\n'));

    private static readonly CustomFunctionChunker ByWord = new(text => Tokens().Matches(text).Select(m => m.Value).ToList());

    /// <summary>
    /// A line diff. Unchanged lines further than <paramref name="context"/> lines from a change are folded into one
    /// <see cref="DiffOp.Skipped"/> piece ("12 unchanged lines"); a negative context keeps every line.
    /// </summary>
    public static IReadOnlyList<DiffPiece> Lines(string? before, string? after, int context = 3)
    {
        var pieces = Diff(before, after, ByLine).ToList();
        return context < 0 ? pieces : Fold(pieces, context);
    }

    /// <summary>
    /// A word diff; adjacent pieces of the same kind are merged, so "the big dog" → "the small dog" gives four pieces.
    /// White space alone between two changes joins them (diff-match-patch's semantic cleanup), so "with a first round" →
    /// "in the rain" reads as one phrase removed and one added, whichever of the equally short alignments Myers picked.
    /// </summary>
    public static IReadOnlyList<DiffPiece> Words(string? before, string? after)
    {
        var pieces = Diff(before, after, ByWord).ToList();
        var merged = new List<DiffPiece>();
        string removed = "", added = "";
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece.Op == DiffOp.Removed)
            {
                removed += piece.Text;
            }
            else if (piece.Op == DiffOp.Added)
            {
                added += piece.Text;
            }
            else if ((removed.Length > 0 || added.Length > 0) && i + 1 < pieces.Count && pieces[i + 1].Op != DiffOp.Same && string.IsNullOrWhiteSpace(piece.Text))
            {
                removed += piece.Text;
                added += piece.Text;
            }
            else
            {
                EndChange();
                Append(piece);
            }
        }
        EndChange();
        return merged;

        void EndChange()
        {
            Append(new DiffPiece(DiffOp.Removed, removed));
            Append(new DiffPiece(DiffOp.Added, added));
            (removed, added) = ("", "");
        }

        void Append(DiffPiece piece)
        {
            if (piece.Text.Length == 0)
            {
                return;
            }
            if (merged.Count > 0 && merged[^1].Op == piece.Op)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + piece.Text };
            }
            else
            {
                merged.Add(piece);
            }
        }
    }

    /// <summary>Every piece of both texts in order, each marked same, removed or added (a changed run's removals before its additions).</summary>
    private static IEnumerable<DiffPiece> Diff(string? before, string? after, CustomFunctionChunker chunker) =>
        InlineDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, chunker).Lines
            .Select(p => new DiffPiece(p.Type switch { ChangeType.Deleted => DiffOp.Removed, ChangeType.Inserted => DiffOp.Added, _ => DiffOp.Same }, p.Text));

    private static List<DiffPiece> Fold(List<DiffPiece> pieces, int context)
    {
        var changed = pieces.Select((p, i) => (p, i)).Where(x => x.p.Op != DiffOp.Same).Select(x => x.i).ToList();
        var keep = new bool[pieces.Count];
        foreach (var i in changed)
        {
            for (var j = Math.Max(0, i - context); j <= Math.Min(pieces.Count - 1, i + context); j++)
            {
                keep[j] = true;
            }
        }
        var folded = new List<DiffPiece>();
        var skipped = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (keep[i] || pieces[i].Op != DiffOp.Same)
            {
                Flush();
                folded.Add(pieces[i]);
            }
            else
            {
                skipped++;
            }
        }
        Flush();
        return folded;

        void Flush()
        {
            if (skipped > 0)
            {
                folded.Add(new DiffPiece(DiffOp.Skipped, skipped == 1 ? "1 unchanged line" : $"{skipped.ToString(CultureInfo.InvariantCulture)} unchanged lines"));
                skipped = 0;
            }
        }
    }

    /// <summary>Words, runs of white space, and single other characters (punctuation).</summary>
    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
