using System.Globalization;

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
/// footnotes are compared by position and number.
/// </summary>
public static class SnapshotDiff
{
    public static IReadOnlyList<FieldChange> Compare(ClaimSnapshot before, ClaimSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Changes(Fields(before), Fields(after));
    }

    public static IReadOnlyList<FieldChange> Compare(SourceSnapshot before, SourceSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Changes(Fields(before), Fields(after));
    }

    private sealed record Field(string Path, string Label, string? Value, bool Multiline = false);

    private static List<Field> Fields(ClaimSnapshot s)
    {
        var fields = new List<Field>
        {
            new("slug", "Slug", s.Slug),
            new("statement", "Statement", s.Statement),
            new("figure", "Figure", s.Figure),
            new("topics", "Topics", string.Join(", ", s.Topics)),
            new("overrideFlag", "Agreement override", s.OverrideFlag),
            new("overrideReason", "Reason for the override", s.OverrideReason),
        };
        foreach (var (c, i) in s.Citations.Select((c, i) => (c, i)))
        {
            var at = $"citations[{i}]";
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            fields.AddRange(
            [
                new($"{at}.source", $"Citation {n}: document", c.Source),
                new($"{at}.quote", $"Citation {n}: quote", c.Exact),
                new($"{at}.place", $"Citation {n}: place in the text", $"characters {c.Start}–{c.End}"),
                new($"{at}.stance", $"Citation {n}: stance", c.Stance),
                new($"{at}.attribution", $"Citation {n}: attribution", c.Attribution),
                new($"{at}.figure", $"Citation {n}: figure", c.Figure),
                new($"{at}.footnote", $"Citation {n}: footnote", c.Footnote?.ToString(CultureInfo.InvariantCulture)),
            ]);
        }
        return fields;
    }

    private static List<Field> Fields(SourceSnapshot s)
    {
        var fields = new List<Field>
        {
            new("slug", "Slug", s.Slug),
            new("title", "Title", s.Title),
            new("shortName", "Short name", s.ShortName),
            new("authors", "Authors", string.Join(", ", s.Authors)),
            new("publisher", "Publisher", s.Publisher),
            new("kind", "Kind", s.Kind),
            new("published", "Published", s.Published),
            new("url", "Address", s.Url),
            new("retrieved", "Retrieved", s.Retrieved),
            new("editorialNote", "Editorial note", s.EditorialNote, Multiline: true),
            new("bodyMarkdown", "Body", s.BodyMarkdown, Multiline: true),
        };
        foreach (var f in s.Footnotes)
        {
            var at = $"footnotes[{f.Number}]";
            var n = f.Number.ToString(CultureInfo.InvariantCulture);
            fields.AddRange(
            [
                new($"{at}.authors", $"Footnote {n}: authors", f.Authors),
                new($"{at}.title", $"Footnote {n}: title", f.Title),
                new($"{at}.outlet", $"Footnote {n}: outlet", f.Outlet),
                new($"{at}.published", $"Footnote {n}: published", f.Published),
                new($"{at}.url", $"Footnote {n}: address", f.Url),
            ]);
        }
        return fields;
    }

    private static List<FieldChange> Changes(List<Field> before, List<Field> after)
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
