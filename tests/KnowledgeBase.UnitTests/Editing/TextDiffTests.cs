using KnowledgeBase.Core.Editing;

namespace KnowledgeBase.UnitTests.Editing;

public sealed class TextDiffTests
{
    private static string Old(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Where(p => p.Op != DiffOp.Added).Select(p => p.Text));

    private static string New(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Where(p => p.Op != DiffOp.Removed).Select(p => p.Text));

    [Fact]
    public void Identical_texts_have_no_changed_line()
    {
        var diff = TextDiff.Lines("a\nb\nc", "a\nb\nc", context: -1);

        Assert.All(diff, p => Assert.Equal(DiffOp.Same, p.Op));
        Assert.Equal(3, diff.Count);
    }

    [Fact]
    public void A_changed_line_is_one_line_removed_and_one_added_between_unchanged_ones()
    {
        var diff = TextDiff.Lines("one\ntwo\nthree\nfour", "one\nTWO\nthree\nfour", context: -1);

        Assert.Equal(
            new[] { (DiffOp.Same, "one"), (DiffOp.Removed, "two"), (DiffOp.Added, "TWO"), (DiffOp.Same, "three"), (DiffOp.Same, "four") },
            diff.Select(p => (p.Op, p.Text)));
    }

    [Fact]
    public void Inserted_and_deleted_lines_are_found_as_such_not_as_a_replaced_block()
    {
        var diff = TextDiff.Lines("a\nb\nc\nd\ne", "a\nc\nd\nX\ne", context: -1);

        Assert.Equal(
            new[] { (DiffOp.Same, "a"), (DiffOp.Removed, "b"), (DiffOp.Same, "c"), (DiffOp.Same, "d"), (DiffOp.Added, "X"), (DiffOp.Same, "e") },
            diff.Select(p => (p.Op, p.Text)));
    }

    [Fact]
    public void Unchanged_lines_far_from_a_change_are_folded_into_a_count()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var after = before.Replace("line 10", "line ten", StringComparison.Ordinal);

        var diff = TextDiff.Lines(before, after, context: 2);

        Assert.Equal(
            new[]
            {
                (DiffOp.Skipped, "7 unchanged lines"), (DiffOp.Same, "line 8"), (DiffOp.Same, "line 9"), (DiffOp.Removed, "line 10"),
                (DiffOp.Added, "line ten"), (DiffOp.Same, "line 11"), (DiffOp.Same, "line 12"), (DiffOp.Skipped, "8 unchanged lines"),
            },
            diff.Select(p => (p.Op, p.Text)));
    }

    [Fact]
    public void A_word_diff_marks_only_the_changed_words()
    {
        var diff = TextDiff.Words("North Korea has sent 10,000 troops.", "North Korea has sent about 12,000 troops.");

        Assert.Equal("North Korea has sent 10,000 troops.", Old(diff));
        Assert.Equal("North Korea has sent about 12,000 troops.", New(diff));
        Assert.Equal("10", string.Concat(diff.Where(p => p.Op == DiffOp.Removed).Select(p => p.Text)));
        Assert.Equal(new[] { "about", "12" }, string.Concat(diff.Where(p => p.Op == DiffOp.Added).Select(p => p.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("North Korea has sent", diff[0].Text, StringComparison.Ordinal);
        Assert.Equal(",000 troops.", diff[^1].Text);
    }

    [Fact]
    public void Changed_words_separated_only_by_spaces_are_one_removed_and_one_added_phrase()
    {
        // The source conflict screen's case: several equally short alignments exist, and without the cleanup DiffPlex
        // split "first" and "round" into two removals around an unchanged space.
        var diff = TextDiff.Words("Geneva talks open with a first round", "Geneva talks open in the rain");

        Assert.Equal(
            new[] { (DiffOp.Same, "Geneva talks open "), (DiffOp.Removed, "with a first round"), (DiffOp.Added, "in the rain") },
            diff.Select(p => (p.Op, p.Text)));
    }

    [Fact]
    public void An_unchanged_word_between_changes_still_separates_them()
    {
        var diff = TextDiff.Words("a big red dog", "a small red cat");

        Assert.Equal(
            new[] { (DiffOp.Same, "a "), (DiffOp.Removed, "big"), (DiffOp.Added, "small"), (DiffOp.Same, " red "), (DiffOp.Removed, "dog"), (DiffOp.Added, "cat") },
            diff.Select(p => (p.Op, p.Text)));
    }

    [Fact]
    public void Spaces_next_to_only_one_change_stay_unchanged()
    {
        var diff = TextDiff.Words("talks open today", "talks opened today");

        Assert.Equal(
            new[] { (DiffOp.Same, "talks "), (DiffOp.Removed, "open"), (DiffOp.Added, "opened"), (DiffOp.Same, " today") },
            diff.Select(p => (p.Op, p.Text)));
    }

    [Fact]
    public void From_or_to_nothing_everything_is_added_or_removed()
    {
        Assert.Equal(new[] { (DiffOp.Added, "new words") }, TextDiff.Words(null, "new words").Select(p => (p.Op, p.Text)));
        Assert.Equal(new[] { (DiffOp.Removed, "a"), (DiffOp.Removed, "b") }, TextDiff.Lines("a\nb", "").Select(p => (p.Op, p.Text)));
        Assert.Empty(TextDiff.Lines(null, null));
    }

    [Fact]
    public void Every_diff_of_random_texts_rebuilds_both_texts_and_is_a_shortest_edit_script()
    {
        var random = new Random(20261124);
        for (var round = 0; round < 300; round++)
        {
            var a = RandomText(random);
            var b = random.Next(3) == 0 ? RandomText(random) : Mutate(random, a);

            var diff = TextDiff.Words(a, b);

            Assert.Equal(a, Old(diff));
            Assert.Equal(b, New(diff));
            var lines = TextDiff.Lines(a.Replace(' ', '\n'), b.Replace(' ', '\n'), context: -1);
            Assert.Equal(a.Replace(' ', '\n'), string.Join('\n', lines.Where(p => p.Op != DiffOp.Added).Select(p => p.Text)));
            Assert.Equal(b.Replace(' ', '\n'), string.Join('\n', lines.Where(p => p.Op != DiffOp.Removed).Select(p => p.Text)));
            var (x, y) = (Split(a), Split(b));
            Assert.Equal(x.Length + y.Length - (2 * CommonSubsequence(x, y)), lines.Count(p => p.Op != DiffOp.Same));
        }

        static string[] Split(string text) => text.Length == 0 ? [] : text.Split(' ');
    }

    [Fact]
    public void One_changed_line_in_a_long_text_is_found_as_one_line()
    {
        var a = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"line {i % 7}"));
        var b = a.Insert(a.Length / 2, "X");

        var diff = TextDiff.Lines(a, b, context: 0);

        Assert.Equal(1, diff.Count(p => p.Op == DiffOp.Removed));
        Assert.Equal(1, diff.Count(p => p.Op == DiffOp.Added));
    }

    [Fact]
    public void A_wholly_rewritten_text_is_every_old_line_removed_then_every_new_one_added()
    {
        var a = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"a{i}"));
        var b = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"b{i}"));

        var diff = TextDiff.Lines(a, b, context: -1);

        Assert.Equal(Enumerable.Repeat(DiffOp.Removed, 3000).Concat(Enumerable.Repeat(DiffOp.Added, 3000)), diff.Select(p => p.Op));
    }

    /// <summary>The length of the longest common subsequence, by the textbook table: what a shortest edit script keeps.</summary>
    private static int CommonSubsequence(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }
        return table[a.Length, b.Length];
    }

    private static readonly string[] Words = ["troops", "Russia", "Kursk", "Seoul", "10,000", "the", "a", "sent", "."];

    private static string RandomText(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(0, 25)).Select(_ => Words[random.Next(Words.Length)]));

    private static string Mutate(Random random, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(words.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    words.Insert(at, Words[random.Next(Words.Length)]);
                    break;
                case 1 when words.Count > 0:
                    words.RemoveAt(Math.Min(at, words.Count - 1));
                    break;
                default:
                    if (words.Count > 0)
                    {
                        words[Math.Min(at, words.Count - 1)] = Words[random.Next(Words.Length)];
                    }
                    break;
            }
        }
        return string.Join(' ', words);
    }
}
