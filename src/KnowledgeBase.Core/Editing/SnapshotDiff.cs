namespace KnowledgeBase.Core.Editing;

/// <summary>
/// One field that differs between two revisions. <paramref name="Field"/> is the draft's field path ("statement",
/// "citations[1].quote", "bodyMarkdown", "footnotes[3].url"); <paramref name="Label"/> says it for people. The diff is
/// a line diff for multi-line text (a body, a note) and a word diff otherwise; a field only one side has is all added
/// or all removed.
/// </summary>
public sealed record FieldChange(string Field, string Label, string? Old, string? New, bool ByLine, IReadOnlyList<DiffPiece> Diff);

/// <summary>
/// Compares two snapshots field by field: the changed fields, in the order an editor's form shows them. Citations and
/// footnotes are compared by position and number. Which fields there are, and what they are called, each snapshot
/// says itself (<see cref="IDiffableSnapshot"/>), beside its declaration.
/// </summary>
public static class SnapshotDiff
{
    public static IReadOnlyList<FieldChange> Compare<TSnapshot>(TSnapshot before, TSnapshot after)
        where TSnapshot : IDiffableSnapshot
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Changes([.. before.DiffFields()], [.. after.DiffFields()]);
    }

    private static List<FieldChange> Changes(List<SnapshotField> before, List<SnapshotField> after)
    {
        var old = before.ToDictionary(f => f.Path);
        var paths = before.Select(f => f.Path).ToList();
        // Fields only the newer revision has (an added citation) go where that revision puts them.
        foreach (var (f, i) in after.Select((f, i) => (f, i)).Where(x => !old.ContainsKey(x.f.Path)))
        {
            var previous = i == 0 ? null : after[i - 1].Path;
            var at = previous is null ? 0 : paths.IndexOf(previous) + 1;
            paths.Insert(at == 0 && previous is not null ? paths.Count : at, f.Path);
        }
        var @new = after.ToDictionary(f => f.Path);
        var changes = new List<FieldChange>();
        foreach (var path in paths)
        {
            var a = old.GetValueOrDefault(path);
            var b = @new.GetValueOrDefault(path);
            var (x, y) = (EmptyAsNull(a?.Value), EmptyAsNull(b?.Value));
            if (x == y)
            {
                continue;
            }
            var field = (b ?? a)!;
            var byLine = field.Multiline || (x?.Contains('\n', StringComparison.Ordinal) ?? false) || (y?.Contains('\n', StringComparison.Ordinal) ?? false);
            changes.Add(new FieldChange(path, field.Label, x, y, byLine, byLine ? TextDiff.Lines(x, y) : TextDiff.Words(x, y)));
        }
        return changes;
    }

    /// <summary>A missing field and an empty one read alike; white space is kept, since it may be the change.</summary>
    private static string? EmptyAsNull(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
