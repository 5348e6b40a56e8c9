using System.Globalization;
using KnowledgeBase.Core.Shared;

namespace KnowledgeBase.Core.Sources;

/// <summary>A footnote of a prepared body: where its text lies in the canonical text, and the work it cites.</summary>
public sealed record PreparedFootnote(int Number, string Text, int Start, int End, CitedWork Cites);

/// <summary>A source body rendered and checked, ready to store: the rendered source and its footnotes with their cited works.</summary>
public sealed record PreparedBody(RenderedSource Rendered, IReadOnlyList<PreparedFootnote> Footnotes);

/// <summary>
/// One problem with a body or its footnote metadata. <paramref name="Field"/> is "body", "footnotes[N]" or
/// "footnotes[N].published" / "footnotes[N].url" (N the footnote number); the message reads on its own.
/// </summary>
public sealed record SourceBodyProblem(string Field, string Message);

/// <summary>How the metadata of footnotes is named in messages, which differ between seed files and the editor.</summary>
/// <param name="MissingEntry">Completes "footnote 3 …" when a footnote has no metadata; null when metadata is optional.</param>
/// <param name="DescribedBy">Starts "… describes footnote 28, but the text has no footnote 28."</param>
public sealed record FootnoteWording(string? MissingEntry, string DescribedBy)
{
    public static readonly FootnoteWording SeedFiles = new("has no entry under 'footnotes:' in the front matter", "the front matter");
    public static readonly FootnoteWording Editor = new(null, "the footnote list");
}

/// <summary>
/// Turns a Markdown body and the metadata of its footnotes into what is stored: rendered, sanitized HTML, canonical
/// text and checked footnotes. The seed importer and the editors' source editing both go through here, so a body
/// is accepted or refused the same way wherever it comes from.
/// </summary>
public static class SourceBodies
{
    /// <summary>
    /// Renders and checks the body; every problem is added to <paramref name="problems"/>. Returns null only when the
    /// body cannot be rendered at all; otherwise the prepared body, which is fit to store only if no problem was added.
    /// </summary>
    public static PreparedBody? Prepare(
        string markdown, IReadOnlyDictionary<int, CitedWork?> citedWorks, FootnoteWording wording, List<SourceBodyProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(citedWorks);
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(problems);

        RenderedSource rendered;
        try
        {
            rendered = SourceRenderer.Render(markdown);
        }
        catch (SourceFormatException e)
        {
            problems.Add(new("body", e.Message));
            return null;
        }

        var footnotes = new List<PreparedFootnote>();
        foreach (var f in rendered.Footnotes)
        {
            var field = $"footnotes[{f.Number}]";
            if (f.Label != f.Number.ToString(CultureInfo.InvariantCulture))
            {
                problems.Add(new("body", $"footnote [^{f.Label}] is the {Ordinal(f.Number)} referenced in the text; label footnotes by number, in order of first reference."));
            }
            if (!rendered.Markers.Any(k => k.Number == f.Number))
            {
                problems.Add(new("body", $"footnote {f.Label} is never referenced in the text."));
            }
            var cited = citedWorks.GetValueOrDefault(f.Number);
            if (cited is null && wording.MissingEntry is not null)
            {
                problems.Add(new(field, $"footnote {f.Number} {wording.MissingEntry}."));
            }
            if (cited?.Published is { } p && !string.IsNullOrWhiteSpace(p) && !PartialDate.IsValid(p.Trim()))
            {
                problems.Add(new(field + ".published", $"footnote {f.Number}: published '{p}' is not an ISO date."));
            }
            if (cited?.Url is { } u && !string.IsNullOrWhiteSpace(u) && !FieldRules.IsHttpUrl(u.Trim()))
            {
                problems.Add(new(field + ".url", $"footnote {f.Number}: url '{u}' must be an absolute http(s) URL."));
            }
            footnotes.Add(new PreparedFootnote(f.Number, f.Text, f.Start, f.End, new CitedWork
            {
                Authors = TextValues.Blank(cited?.Authors),
                Title = TextValues.Blank(cited?.Title),
                Outlet = TextValues.Blank(cited?.Outlet),
                Published = TextValues.Blank(cited?.Published),
                Url = TextValues.Blank(cited?.Url),
            }));
        }
        foreach (var label in rendered.UnreferencedFootnotes)
        {
            problems.Add(new("body", $"footnote {label} is never referenced in the text."));
        }
        foreach (var extra in citedWorks.Keys.Where(n => rendered.Footnotes.All(f => f.Number != n)).Order())
        {
            problems.Add(new($"footnotes[{extra}]", $"{wording.DescribedBy} describes footnote {extra}, but the text has no footnote {extra}."));
        }
        return new PreparedBody(rendered, footnotes);
    }

    /// <summary>
    /// Writes a prepared body into a source: its HTML, canonical text and footnotes. Footnotes are matched by number,
    /// so an unchanged footnote keeps its row; footnotes the body no longer has are removed.
    /// </summary>
    public static void ApplyTo(Source source, string markdown, PreparedBody body)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        source.BodyMarkdown = markdown;
        source.BodyHtml = body.Rendered.Html;
        source.CanonicalText = body.Rendered.CanonicalText;
        foreach (var f in body.Footnotes)
        {
            var footnote = source.Footnotes.FirstOrDefault(x => x.Number == f.Number);
            if (footnote is null)
            {
                footnote = new Footnote { Number = f.Number, Text = f.Text };
                source.Footnotes.Add(footnote);
            }
            footnote.Text = f.Text;
            footnote.Start = f.Start;
            footnote.End = f.End;
            footnote.Cites.Authors = f.Cites.Authors;
            footnote.Cites.Title = f.Cites.Title;
            footnote.Cites.Outlet = f.Cites.Outlet;
            footnote.Cites.Published = f.Cites.Published;
            footnote.Cites.Url = f.Cites.Url;
        }
        source.Footnotes.RemoveAll(x => body.Footnotes.All(f => f.Number != x.Number));
    }

    private static string Ordinal(int n) =>
        n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
