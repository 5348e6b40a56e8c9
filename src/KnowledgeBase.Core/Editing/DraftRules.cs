using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Editing;

/// <summary>
/// The checks a draft passes before anything is read from the database: required fields, lengths, formats, text
/// PostgreSQL can store, figures that parse, a body that renders. Nothing throws for bad input; each problem becomes
/// a <see cref="FieldError"/>. The services add what needs the database (known topics and sources, free slugs,
/// quotes found in their documents).
/// </summary>
public static class DraftRules
{
    public static List<FieldError> Check(ClaimDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var check = new Checker(errors);

        if (!string.IsNullOrWhiteSpace(draft.Slug))
        {
            check.Slug("slug", draft.Slug);
        }
        check.Text("statement", draft.Statement, EditLimits.Statement, required: true);
        check.Figure("figure", draft.Figure);

        draft.Topics ??= [];
        draft.Citations ??= [];
        if (draft.Topics.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new("topics", "Choose at least one topic."));
        }
        else if (draft.Topics.Count > EditLimits.Topics)
        {
            errors.Add(new("topics", $"Choose at most {EditLimits.Topics} topics."));
        }
        foreach (var (topic, i) in draft.Topics.Select((t, i) => (t, i)).Where(x => !string.IsNullOrWhiteSpace(x.t)))
        {
            if (!FieldRules.IsSlug(topic.Trim()))
            {
                errors.Add(new($"topics[{i}]", $"'{Shorten(topic)}' is not a topic slug."));
            }
        }

        if (!string.IsNullOrWhiteSpace(draft.OverrideFlag))
        {
            if (!AgreementFlagText.TryParse(draft.OverrideFlag.Trim(), out _))
            {
                errors.Add(new("overrideFlag", $"'{Shorten(draft.OverrideFlag)}' is not a flag: use agree, partial, conflict or single-source."));
            }
            check.Text("overrideReason", draft.OverrideReason, EditLimits.OverrideReason, required: true,
                requiredMessage: "Say why the flag is overridden: readers see the reason next to it.");
        }
        else if (!string.IsNullOrWhiteSpace(draft.OverrideReason))
        {
            errors.Add(new("overrideFlag", "Choose the flag to override with, or clear the reason."));
            check.Text("overrideReason", draft.OverrideReason, EditLimits.OverrideReason);
        }

        if (draft.Citations.Count == 0)
        {
            errors.Add(new("citations", "Cite at least one passage of a document."));
        }
        else if (draft.Citations.Count > EditLimits.Citations)
        {
            errors.Add(new("citations", $"A claim takes at most {EditLimits.Citations} citations."));
        }
        foreach (var (citation, i) in draft.Citations.Select((c, i) => (c, i)))
        {
            var at = $"citations[{i}]";
            if (citation is null)
            {
                errors.Add(new(at, "This citation is empty."));
                continue;
            }
            if (citation.SourceId is null && string.IsNullOrWhiteSpace(citation.SourceSlug))
            {
                errors.Add(new($"{at}.source", "Choose the document this citation quotes."));
            }
            else if (citation.SourceId is null)
            {
                check.Slug($"{at}.source", citation.SourceSlug!.Trim());
            }
            check.Text($"{at}.quote", citation.Quote, EditLimits.Quote, required: true,
                requiredMessage: "Paste or select the words this document uses.");
            check.Text($"{at}.prefix", citation.Prefix, EditLimits.QuoteContext);
            check.Text($"{at}.suffix", citation.Suffix, EditLimits.QuoteContext);
            if (!StanceText.TryParse(string.IsNullOrWhiteSpace(citation.Stance) ? "supports" : citation.Stance.Trim(), out _))
            {
                errors.Add(new($"{at}.stance", $"'{Shorten(citation.Stance!)}' is not a stance: use supports, supports-in-part, contradicts or mentions."));
            }
            check.Text($"{at}.attribution", citation.Attribution, EditLimits.Attribution);
            check.Figure($"{at}.figure", citation.Figure);
            if (citation.Footnote is <= 0)
            {
                errors.Add(new($"{at}.footnote", "Footnote numbers start at 1."));
            }
        }
        return errors;
    }

    /// <summary>Checks a source draft and, if its body renders, prepares it (rendered HTML, canonical text, footnotes).</summary>
    public static (List<FieldError> Errors, PreparedBody? Body) Check(SourceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var check = new Checker(errors);

        if (string.IsNullOrWhiteSpace(draft.Slug))
        {
            errors.Add(new("slug", "A slug is required: lowercase words joined by hyphens, as in usip-2024-seoul-response."));
        }
        else
        {
            check.Slug("slug", draft.Slug.Trim());
        }
        check.Text("title", draft.Title, EditLimits.Title, required: true);
        check.Text("shortName", draft.ShortName, EditLimits.ShortName, required: true,
            requiredMessage: "A short name is required: rationales name the document by it (USIP, MP-IDSA).");
        check.Text("publisher", draft.Publisher, EditLimits.Publisher, required: true);
        check.Text("kind", draft.Kind, EditLimits.Kind, required: true,
            requiredMessage: "Say what kind of document it is: analysis, commentary, report, …");
        if (string.IsNullOrWhiteSpace(draft.Published))
        {
            errors.Add(new("published", "The publication date is required: 2024, 2024-11 or 2024-12-05."));
        }
        else if (!PartialDate.IsValid(draft.Published.Trim()))
        {
            errors.Add(new("published", $"'{Shorten(draft.Published)}' is not a date: write 2024, 2024-11 or 2024-12-05."));
        }
        check.Url("url", draft.Url);
        if (!string.IsNullOrWhiteSpace(draft.Retrieved)
            && !DateOnly.TryParseExact(draft.Retrieved.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(new("retrieved", $"'{Shorten(draft.Retrieved)}' is not a date: write yyyy-mm-dd, as in 2026-11-24."));
        }
        check.Text("editorialNote", draft.EditorialNote, EditLimits.EditorialNote);

        draft.Authors ??= [];
        draft.Footnotes ??= [];
        if (draft.Authors.Count > EditLimits.Authors)
        {
            errors.Add(new("authors", $"List at most {EditLimits.Authors} authors."));
        }
        foreach (var (author, i) in draft.Authors.Select((a, i) => (a, i)))
        {
            check.Text($"authors[{i}]", author, EditLimits.Author);
        }

        foreach (var (number, cited) in draft.Footnotes.OrderBy(kv => kv.Key))
        {
            var at = $"footnotes[{number}]";
            if (cited is null)
            {
                continue;
            }
            check.Text($"{at}.authors", cited.Authors, EditLimits.CitedAuthors);
            check.Text($"{at}.title", cited.Title, EditLimits.CitedTitle);
            check.Text($"{at}.outlet", cited.Outlet, EditLimits.CitedOutlet);
            check.Text($"{at}.published", cited.Published, 10);
            check.Text($"{at}.url", cited.Url, EditLimits.Url);
        }

        PreparedBody? body = null;
        if (string.IsNullOrWhiteSpace(draft.BodyMarkdown))
        {
            errors.Add(new("bodyMarkdown", "The body is required: the document's text in Markdown."));
        }
        else if (FieldRules.UnstorableText(draft.BodyMarkdown) is { } why)
        {
            errors.Add(new("bodyMarkdown", $"The body {why}"));
        }
        else
        {
            var problems = new List<SourceBodyProblem>();
            var citedWorks = draft.Footnotes.ToDictionary(
                kv => kv.Key,
                kv => kv.Value is null ? null : new CitedWork
                {
                    Authors = kv.Value.Authors,
                    Title = kv.Value.Title,
                    Outlet = kv.Value.Outlet,
                    Published = kv.Value.Published,
                    Url = kv.Value.Url,
                });
            body = SourceBodies.Prepare(draft.BodyMarkdown, citedWorks, FootnoteWording.Editor, problems);
            foreach (var problem in problems)
            {
                var field = problem.Field == "body" ? "bodyMarkdown" : problem.Field;
                // Length and NUL checks above may already have refused the same footnote field.
                if (field == "bodyMarkdown" || !errors.Any(e => e.Field == field))
                {
                    errors.Add(new(field, Capitalize(problem.Message)));
                }
            }
        }
        return (errors, errors.Count == 0 ? body : null);
    }

    /// <summary>A slug from a statement: "North Korea has sent troops" → "north-korea-has-sent-troops", at most 80 characters.</summary>
    public static string SlugFrom(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 80)
        {
            var cut = slug.LastIndexOf('-', 80);
            slug = slug[..(cut > 40 ? cut : 80)].Trim('-');
        }
        return slug.Length == 0 ? "claim" : slug;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static string Capitalize(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    private sealed class Checker(List<FieldError> errors)
    {
        public void Text(string field, string? value, int max, bool required = false, string? requiredMessage = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors.Add(new(field, requiredMessage ?? "This field is required."));
                }
                return;
            }
            if (FieldRules.UnstorableText(value) is { } why)
            {
                errors.Add(new(field, $"The text {why}"));
                return;
            }
            if (value.Trim().Length > max)
            {
                errors.Add(new(field, $"At most {max:N0} characters; this is {value.Trim().Length:N0}."));
            }
        }

        public void Slug(string field, string value)
        {
            if (FieldRules.UnstorableText(value) is { } why)
            {
                errors.Add(new(field, $"The text {why}"));
            }
            else if (value.Length > EditLimits.Slug)
            {
                errors.Add(new(field, $"At most {EditLimits.Slug} characters; this is {value.Length:N0}."));
            }
            else if (!FieldRules.IsSlug(value))
            {
                errors.Add(new(field, $"'{Shorten(value)}' is not a slug: use lowercase letters and digits in words joined by single hyphens."));
            }
        }

        public void Figure(string field, string? value)
        {
            Text(field, value, EditLimits.Figure);
            if (string.IsNullOrWhiteSpace(value) || errors.Any(e => e.Field == field))
            {
                return;
            }
            try
            {
                FigureParser.Parse(value);
            }
            catch (FigureFormatException e)
            {
                errors.Add(new(field, e.Message));
            }
        }

        public void Url(string field, string? value)
        {
            Text(field, value, EditLimits.Url);
            if (!string.IsNullOrWhiteSpace(value) && !errors.Any(e => e.Field == field) && !FieldRules.IsHttpUrl(value.Trim()))
            {
                errors.Add(new(field, $"'{Shorten(value)}' is not a web address: only absolute http:// or https:// URLs are accepted."));
            }
        }
    }
}
