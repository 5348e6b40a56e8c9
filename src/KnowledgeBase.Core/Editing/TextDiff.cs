using System.Globalization;
using System.Text.RegularExpressions;

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

/// <summary>
/// Line and word diffs between two texts, as plain functions: a shortest edit script (Myers' algorithm) over lines or
/// words, after the common beginning and end are set aside. A change too large to align within a bound is shown as
/// all old pieces removed and all new ones added, which is still a correct diff.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Beyond this many differences, alignment stops and the rest is shown as replaced.</summary>
    internal const int MaxEdits = 1000;

    /// <summary>
    /// A line diff. Unchanged lines further than <paramref name="context"/> lines from a change are folded into one
    /// <see cref="DiffOp.Skipped"/> piece ("12 unchanged lines"); a negative context keeps every line.
    /// </summary>
    public static IReadOnlyList<DiffPiece> Lines(string? before, string? after, int context = 3)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var pieces = Diff(a, b).Select(x => new DiffPiece(x.Op, x.Item)).ToList();
        return context < 0 ? pieces : Fold(pieces, context);
    }

    /// <summary>A word diff; adjacent pieces of the same kind are merged, so "the big dog" → "the small dog" gives four pieces.</summary>
    public static IReadOnlyList<DiffPiece> Words(string? before, string? after)
    {
        var a = Tokens().Matches(before ?? "").Select(m => m.Value).ToList();
        var b = Tokens().Matches(after ?? "").Select(m => m.Value).ToList();
        var merged = new List<DiffPiece>();
        foreach (var (op, token) in Diff(a, b))
        {
            if (merged.Count > 0 && merged[^1].Op == op)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + token };
            }
            else
            {
                merged.Add(new DiffPiece(op, token));
            }
        }
        return merged;
    }

    private static List<string> SplitLines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.ReplaceLineEndings("\n").Split('\n').ToList();

    /// <summary>The edit script from <paramref name="a"/> to <paramref name="b"/>: every item of both, in order, each marked same, removed or added.</summary>
    internal static List<(DiffOp Op, T Item)> Diff<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        var comparer = EqualityComparer<T>.Default;
        var head = 0;
        while (head < a.Count && head < b.Count && comparer.Equals(a[head], b[head]))
        {
            head++;
        }
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && comparer.Equals(a[a.Count - 1 - tail], b[b.Count - 1 - tail]))
        {
            tail++;
        }

        var result = new List<(DiffOp, T)>(a.Count + b.Count);
        for (var i = 0; i < head; i++)
        {
            result.Add((DiffOp.Same, a[i]));
        }
        var midA = a.Skip(head).Take(a.Count - head - tail).ToList();
        var midB = b.Skip(head).Take(b.Count - head - tail).ToList();
        result.AddRange(Myers(midA, midB, comparer) ?? Replaced(midA, midB));
        for (var i = a.Count - tail; i < a.Count; i++)
        {
            result.Add((DiffOp.Same, a[i]));
        }
        return result;
    }

    private static IEnumerable<(DiffOp, T)> Replaced<T>(List<T> a, List<T> b) =>
        a.Select(x => (DiffOp.Removed, x)).Concat(b.Select(x => (DiffOp.Added, x)));

    /// <summary>Myers' O((N+M)·D) greedy algorithm, keeping each round's frontier to walk the path back; null past <see cref="MaxEdits"/>.</summary>
    private static List<(DiffOp, T)>? Myers<T>(List<T> a, List<T> b, EqualityComparer<T> comparer)
    {
        int n = a.Count, m = b.Count;
        if (n == 0 || m == 0)
        {
            return Replaced(a, b).ToList();
        }
        var max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && comparer.Equals(a[x], b[y]))
                {
                    (x, y) = (x + 1, y + 1);
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(a, b, trace, d, offset);
                }
            }
        }
        return null;
    }

    private static List<(DiffOp, T)> Backtrack<T>(List<T> a, List<T> b, List<int[]> trace, int edits, int offset)
    {
        var script = new List<(DiffOp, T)>();
        int x = a.Count, y = b.Count;
        for (var d = edits; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var previousX = v[offset + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                script.Add((DiffOp.Same, a[x - 1]));
                (x, y) = (x - 1, y - 1);
            }
            if (x == previousX)
            {
                script.Add((DiffOp.Added, b[y - 1]));
            }
            else
            {
                script.Add((DiffOp.Removed, a[x - 1]));
            }
            (x, y) = (previousX, previousY);
        }
        while (x > 0 && y > 0)
        {
            script.Add((DiffOp.Same, a[x - 1]));
            (x, y) = (x - 1, y - 1);
        }
        script.Reverse();
        return script;
    }

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
