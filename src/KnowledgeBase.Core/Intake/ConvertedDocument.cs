using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Seeding;

namespace KnowledgeBase.Core.Intake;

/// <summary>A block the converter takes for page furniture: left in the body, for the editor to remove or keep.</summary>
/// <param name="Text">The block's line in the body, exactly (so it can be found and removed).</param>
public sealed record FurnitureProposal(string Text, string Reason);

/// <summary>
/// A document converted into the seed-data format: metadata to confirm, the Markdown body with its footnotes, what the
/// conversion did (the pre-filled editorial note) and what it leaves to the editor (notes to place, furniture to remove).
/// </summary>
public sealed class ConvertedDocument
{
    /// <summary>"a saved HTML page", "a PDF's text layer", "plain text".</summary>
    public required string Format { get; init; }
    public required DocumentMetadata Metadata { get; init; }
    public required string Slug { get; init; }

    /// <summary>The Markdown body: the article's blocks, then the footnotes (<c>[^n]: …</c>) in number order.</summary>
    public required string Body { get; init; }
    public required IReadOnlyList<CitedNote> Footnotes { get; init; }

    /// <summary>How many footnote markers the body carries.</summary>
    public required int Markers { get; init; }

    /// <summary>Notes no marker in the text points to: the editor places them.</summary>
    public required IReadOnlyList<int> Unplaced { get; init; }
    public required IReadOnlyList<FurnitureProposal> Furniture { get; init; }
    public required string EditorialNote { get; init; }

    /// <summary>The body without the proposed furniture: what the editor gets on accepting every proposal.</summary>
    public string BodyWithoutFurniture()
    {
        var lines = Furniture.Select(f => f.Text).ToHashSet(StringComparer.Ordinal);
        return string.Join("\n\n", Body.Split("\n\n").Where(b => !lines.Contains(b)));
    }

    /// <summary>A seed-data source file (see seed-data/README.md): front matter, then the body.</summary>
    public string ToSeedMarkdown()
    {
        var text = new StringBuilder("---\n");
        var m = Metadata;
        string?[][] fields =
        [
            ["slug", SeedYaml.Scalar(Slug)],
            ["title", SeedYaml.Scalar(m.Title, quote: true)],
            ["short-name", SeedYaml.Scalar(m.ShortName)],
            ["authors", m.Authors.Count > 0 ? SeedYaml.FlowList(m.Authors) : null],
            ["publisher", SeedYaml.Scalar(m.Publisher)],
            ["kind", SeedYaml.Scalar(m.Kind)],
            ["published", SeedYaml.Scalar(m.Published)],
            ["url", m.Url is null ? null : SeedYaml.Scalar(m.Url)],
        ];
        foreach (var field in fields.Where(f => f[1] is not null))
        {
            SeedYaml.Line(text, 0, field[0]!, field[1]!);
        }
        SeedYaml.Folded(text, 0, "editorial-note", EditorialNote);
        if (Footnotes.Count > 0)
        {
            text.Append("footnotes:\n");
            foreach (var note in Footnotes)
            {
                text.Append("  ").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append(":\n");
                foreach (var (key, value, quote) in new[]
                {
                    ("authors", note.Authors, false), ("title", note.Title, true), ("outlet", note.Outlet, false),
                    ("published", note.Published, true), ("url", null, false),
                })
                {
                    SeedYaml.Line(text, 4, key, SeedYaml.Scalar(value, quote));
                }
            }
        }
        return text.Append("---\n\n").Append(Body).Append('\n').ToString();
    }

    /// <summary>What an editor should check, one line each: the figures, the notes to place, the furniture to remove.</summary>
    public IEnumerable<string> Report()
    {
        yield return $"converted {Format}: {FootnoteRecovery.Count(Footnotes.Count, "footnote definition")}, "
            + $"{FootnoteRecovery.Count(Markers, "marker")}, {Unplaced.Count} unplaced, {FootnoteRecovery.Count(Furniture.Count, "block")} proposed for removal";
        foreach (var n in Unplaced)
        {
            yield return $"note {n.ToString(CultureInfo.InvariantCulture)} has no marker in the text: {Footnotes.Single(f => f.Number == n).Text}";
        }
        foreach (var f in Furniture)
        {
            yield return $"proposed for removal ({f.Reason}): {PageFurniture.Snippet(f.Text)}";
        }
        foreach (var (field, value) in new[]
        {
            ("title", Metadata.Title), ("publisher", Metadata.Publisher), ("short-name", Metadata.ShortName), ("kind", Metadata.Kind),
            ("published", Metadata.Published),
        })
        {
            if (value is null)
            {
                yield return $"{field}: not found; fill it in";
            }
        }
    }
}
