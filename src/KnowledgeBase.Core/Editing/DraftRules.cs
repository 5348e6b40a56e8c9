using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Core.Editing;

/// <summary>Who reads a draft's refusals.</summary>
public enum DraftReader
{
    /// <summary>An editor or an API client: each message stands beside its field, as a sentence to act on.</summary>
    Editor,

    /// <summary>A seed or export folder: each message follows the file or claim it names, in the YAML's own words (seed-data/README.md).</summary>
    SeedFiles,
}

/// <summary>
/// The one rule set for drafts, wherever they come from (editor, API, seed files): required fields, lengths, formats,
/// text PostgreSQL can store, figures that parse, a body that renders. Nothing throws for bad input; each problem
/// becomes a <see cref="FieldError"/>, worded for its <see cref="DraftReader"/>. The writers add what needs the
/// database or the other documents (known topics and sources, free slugs, quotes found in their documents).
/// </summary>
public static class DraftRules
{
    public static List<FieldError> Check(ClaimDraft draft, DraftReader reader = DraftReader.Editor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var check = new Checker(errors, reader, "{0} is required.");
        var seed = reader == DraftReader.SeedFiles;

        // Editors may leave the slug to be derived from the statement; seed files name every claim.
        if (seed && !FieldRules.IsSlug(draft.Slug))
        {
            errors.Add(new("slug", "slug must be lowercase letters, digits and hyphens."));
        }
        else if (!string.IsNullOrWhiteSpace(draft.Slug))
        {
            check.Slug("slug", draft.Slug);
        }
        check.Text("statement", draft.Statement, EditLimits.Statement, required: true);
        check.Figure("figure", draft.Figure);

        draft.Topics ??= [];
        draft.Citations ??= [];
        if (draft.Topics.All(string.IsNullOrWhiteSpace))
        {
            check.Add("topics", "Choose at least one topic.", "name at least one topic.");
        }
        else if (draft.Topics.Count > EditLimits.Topics)
        {
            check.Add("topics", $"Choose at most {EditLimits.Topics} topics.");
        }
        foreach (var (topic, i) in draft.Topics.Select((t, i) => (t, i)).Where(x => !string.IsNullOrWhiteSpace(x.t)))
        {
            if (!FieldRules.IsSlug(topic.Trim()))
            {
                check.Add($"topics[{i}]", $"'{Shorten(topic)}' is not a topic slug.", $"unknown topic '{topic}'.");
            }
        }

        const string flags = "agree, partial, conflict, timeline, single-source";
        if (!string.IsNullOrWhiteSpace(draft.OverrideFlag))
        {
            if (!EnumSlugs.TryParse<AgreementFlag>(draft.OverrideFlag.Trim(), out _))
            {
                check.Add("overrideFlag", $"'{Shorten(draft.OverrideFlag)}' is not a flag: use agree, partial, conflict, timeline or single-source.",
                    $"agreement-override flag '{draft.OverrideFlag}' is not one of {flags}.");
            }
            check.Text("overrideReason", draft.OverrideReason, EditLimits.OverrideReason, required: true,
                requiredMessage: "Say why the flag is overridden: readers see the reason next to it.",
                seedRequiredMessage: "an agreement override needs a reason.");
        }
        else if (!string.IsNullOrWhiteSpace(draft.OverrideReason))
        {
            check.Add("overrideFlag", "Choose the flag to override with, or clear the reason.",
                $"agreement-override flag '{draft.OverrideFlag}' is not one of {flags}.");
            check.Text("overrideReason", draft.OverrideReason, EditLimits.OverrideReason);
        }

        if (draft.Citations.Count == 0)
        {
            check.Add("citations", "Cite at least one passage of a document.", "a claim needs at least one citation.");
        }
        else if (draft.Citations.Count > EditLimits.Citations)
        {
            check.Add("citations", $"A claim takes at most {EditLimits.Citations} citations.");
        }
        foreach (var (citation, i) in draft.Citations.Select((c, i) => (c, i)))
        {
            var at = $"citations[{i}]";
            if (citation is null)
            {
                check.Add(at, "This citation is empty.", "the citation is empty.");
                continue;
            }
            if (citation.SourceId is null && string.IsNullOrWhiteSpace(citation.SourceSlug))
            {
                check.Add($"{at}.source", "Choose the document this citation quotes.", $"unknown source '{citation.SourceSlug}'.");
            }
            else if (citation.SourceId is null)
            {
                check.Slug($"{at}.source", citation.SourceSlug!.Trim(), $"unknown source '{citation.SourceSlug}'.");
            }
            check.Text($"{at}.quote", citation.Quote, EditLimits.Quote, required: true,
                requiredMessage: "Paste or select the words this document uses.");
            check.Text($"{at}.prefix", citation.Prefix, EditLimits.QuoteContext);
            check.Text($"{at}.suffix", citation.Suffix, EditLimits.QuoteContext);
            if (!EnumSlugs.TryParse<Stance>(citation.StanceSlug(), out _))
            {
                check.Add($"{at}.stance", $"'{Shorten(citation.Stance!)}' is not a stance: use supports, supports-in-part, contradicts or mentions.",
                    $"stance '{citation.Stance}' is not one of supports, supports-in-part, contradicts, mentions.");
            }
            check.FreeText($"{at}.", citation);
            check.Evidence(at, citation);
            check.Figure($"{at}.figure", citation.Figure);
            check.Derivation($"{at}.derived", citation.Derived);
            if (citation.Footnote is <= 0)
            {
                check.Add($"{at}.footnote", "Footnote numbers start at 1.");
            }
        }
        return errors;
    }

    /// <summary>Checks a source draft and, if its body renders, prepares it (rendered HTML, canonical text, footnotes).</summary>
    public static (List<FieldError> Errors, PreparedBody? Body) Check(SourceDraft draft, DraftReader reader = DraftReader.Editor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var check = new Checker(errors, reader, "required front matter missing: {0}.");

        if (string.IsNullOrWhiteSpace(draft.Slug))
        {
            check.Add("slug", "A slug is required: lowercase words joined by hyphens, as in usip-2024-seoul-response.",
                "required front matter missing: slug.");
        }
        else
        {
            check.Slug("slug", draft.Slug.Trim(), $"slug '{draft.Slug}' must be lowercase letters, digits and hyphens.");
        }
        check.Text("title", draft.Title, EditLimits.Title, required: true);
        check.Text("shortName", draft.ShortName, EditLimits.ShortName, required: true,
            requiredMessage: "A short name is required: rationales name the document by it (USIP, MP-IDSA).");
        check.Text("publisher", draft.Publisher, EditLimits.Publisher, required: true);
        check.Text("kind", draft.Kind, EditLimits.Kind, required: true,
            requiredMessage: "Say what kind of document it is: analysis, commentary, report, …");
        if (string.IsNullOrWhiteSpace(draft.Published))
        {
            check.Add("published", "The publication date is required: 2024, 2024-11 or 2024-12-05.", "required front matter missing: published.");
        }
        else if (!PartialDate.IsValid(draft.Published.Trim()))
        {
            check.Add("published", $"'{Shorten(draft.Published)}' is not a date: write 2024, 2024-11 or 2024-12-05.",
                $"published '{draft.Published}' is not an ISO date (2024, 2024-11 or 2024-11-05).");
        }
        check.Url("url", draft.Url);
        if (!string.IsNullOrWhiteSpace(draft.Retrieved)
            && !DateOnly.TryParseExact(draft.Retrieved.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            check.Add("retrieved", $"'{Shorten(draft.Retrieved)}' is not a date: write yyyy-mm-dd, as in 2026-11-24.",
                $"retrieved '{draft.Retrieved}' is not a date (yyyy-mm-dd).");
        }
        check.FreeText("", draft);

        draft.Authors ??= [];
        draft.Footnotes ??= [];
        draft.RestoredMarkers ??= [];
        if (draft.Authors.Count > EditLimits.Authors)
        {
            check.Add("authors", $"List at most {EditLimits.Authors} authors.");
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

        var body = CheckBody(check, errors, reader, draft);
        return (errors, errors.Count == 0 ? body : null);
    }

    /// <summary>
    /// A body alone, as a source save checks it, for the editor's live preview: its refusals and, if none, the body
    /// prepared (with nothing recorded yet for what its footnotes cite).
    /// </summary>
    public static (List<FieldError> Errors, PreparedBody? Body) CheckBody(string? markdown)
    {
        var errors = new List<FieldError>();
        var body = CheckBody(new Checker(errors, DraftReader.Editor, ""), errors, DraftReader.Editor, new SourceDraft { BodyMarkdown = markdown });
        return (errors, errors.Count == 0 ? body : null);
    }

    /// <summary>The body of a source draft: required, storable, rendered, its footnotes and restored markers checked.</summary>
    private static PreparedBody? CheckBody(Checker check, List<FieldError> errors, DraftReader reader, SourceDraft draft)
    {
        PreparedBody? body = null;
        if (string.IsNullOrWhiteSpace(draft.BodyMarkdown))
        {
            check.Add("bodyMarkdown", "The body is required: the document's text in Markdown.", "the body after the front matter is empty.");
        }
        else if (FieldRules.UnstorableText(draft.BodyMarkdown) is { } why)
        {
            check.Add("bodyMarkdown", $"The body {why}", $"the body {why}");
        }
        else
        {
            var problems = new List<SourceBodyProblem>();
            var seed = reader == DraftReader.SeedFiles;
            body = SourceBodies.Prepare(draft.BodyMarkdown, draft.CitedWorks(), seed ? FootnoteWording.SeedFiles : FootnoteWording.Editor, problems);
            foreach (var problem in problems)
            {
                var field = problem.Field == "body" ? "bodyMarkdown" : problem.Field;
                // Length and NUL checks above may already have refused the same footnote field.
                if (field == "bodyMarkdown" || !errors.Any(e => e.Field == field))
                {
                    errors.Add(new(field, seed ? problem.Message : TextValues.Capitalized(problem.Message)));
                }
            }
            foreach (var number in draft.RestoredMarkers.Distinct().Where(n => body is not null && body.Footnotes.All(f => f.Number != n)).Order())
            {
                check.Add("restoredMarkers", $"Footnote {number} is listed as a restored marker, but the text has no footnote {number}.",
                    $"restored-markers names footnote {number}, but the text has no footnote {number}.");
            }
        }
        return body;
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

    /// <summary>A refused value as the messages quote it.</summary>
    internal static string Shorten(string text) => TextValues.Shorten(text, 60, keep: 57);

    private sealed class Checker(List<FieldError> errors, DraftReader reader, string seedRequiredFormat)
    {
        /// <summary>Adds a refusal; seed files get <paramref name="seedMessage"/>, or the editor's message after the YAML field's name.</summary>
        public void Add(string field, string message, string? seedMessage = null) =>
            errors.Add(new(field, reader == DraftReader.Editor ? message : seedMessage ?? $"{YamlName(field)}: {message}"));

        public void Text(
            string field, string? value, int max, bool required = false, string? requiredMessage = null, string? seedRequiredMessage = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(field, requiredMessage ?? "This field is required.",
                        seedRequiredMessage ?? string.Format(CultureInfo.InvariantCulture, seedRequiredFormat, YamlName(field)));
                }
                return;
            }
            if (FieldRules.UnstorableText(value) is { } why)
            {
                Add(field, $"The text {why}");
                return;
            }
            if (value.Trim().Length > max)
            {
                Add(field, $"At most {max:N0} characters; this is {value.Trim().Length:N0}.");
            }
        }

        /// <summary>
        /// A draft's free-text fields, those with no rule but their length ([MaxLength] on the draft): text PostgreSQL
        /// can store, within that length. A new optional text field of a draft needs nothing more here.
        /// </summary>
        public void FreeText(string at, object draft)
        {
            foreach (var field in draft.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                if (field.GetCustomAttribute<MaxLengthAttribute>() is { } max)
                {
                    Text(at + JsonNamingPolicy.CamelCase.ConvertName(field.Name), (string?)field.GetValue(draft), max.Length);
                }
            }
        }

        public void Slug(string field, string value, string? seedMessage = null)
        {
            if (FieldRules.UnstorableText(value) is { } why)
            {
                Add(field, $"The text {why}");
            }
            else if (value.Length > EditLimits.Slug)
            {
                Add(field, $"At most {EditLimits.Slug} characters; this is {value.Length:N0}.");
            }
            else if (!FieldRules.IsSlug(value))
            {
                Add(field, $"'{Shorten(value)}' is not a slug: use lowercase letters and digits in words joined by single hyphens.", seedMessage);
            }
        }

        /// <summary>A citation's voice, certainty and as-of time: each blank (the proposal stands) or one of its documented values.</summary>
        public void Evidence(string at, CitationDraft citation)
        {
            if (TextValues.Blank(citation.Voice) is { } voice && !EnumSlugs.TryParse<Voice>(voice, out _))
            {
                Add($"{at}.voice", $"'{Shorten(voice)}' is not a voice: use own, attributed or headline (or leave it blank for the proposal).",
                    $"voice '{voice}' is not one of own, attributed, headline.");
            }
            if (TextValues.Blank(citation.Certainty) is { } certainty && !EnumSlugs.TryParse<Certainty>(certainty, out _))
            {
                Add($"{at}.certainty", $"'{Shorten(certainty)}' is not a certainty: use stated, estimated, reported, claimed, expected or possible (or leave it blank for the proposal).",
                    $"certainty '{certainty}' is not one of stated, estimated, reported, claimed, expected, possible.");
            }
            if (TextValues.Blank(citation.AsOf) is { } asOf)
            {
                if (!AsOfText.TryParse(asOf, out _, out _))
                {
                    Add($"{at}.asOf", $"'{Shorten(asOf)}' is not a date or period: write {AsOfText.Example} (or leave it blank for the publication date).",
                        $"as-of '{asOf}' is not a date or period such as {AsOfText.Example}.");
                }
            }
            else if (TextValues.Blank(citation.AsOfWords) is not null)
            {
                Add($"{at}.asOf", "Give the date or period the words describe, or clear the words.", "as-of-words needs an as-of date or period.");
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

        /// <summary>
        /// A derivation: all three fields or none; the rate a per-unit rate and the count a count, by the rule the
        /// domain's <see cref="FigureDerivation"/> holds; the origin well formed (whether it exists is the writer's to say).
        /// </summary>
        public void Derivation(string at, DerivationDraft? derived)
        {
            if (derived is null or { IsBlank: true })
            {
                return;
            }
            foreach (var (field, value, problem) in new (string, string?, Func<Quantity, string?>)[]
                     {
                         ("rate", derived.Rate, FigureDerivation.RateProblem),
                         ("count", derived.Count, FigureDerivation.CountProblem),
                     })
            {
                var path = $"{at}.{field}";
                if (string.IsNullOrWhiteSpace(value))
                {
                    Add(path, $"Give the {field} too, or clear the derived figure.", $"derived {field} is required with the rest of the derivation.");
                    continue;
                }
                Figure(path, value);
                if (!errors.Any(e => e.Field == path))
                {
                    var parts = FigureParser.Parse(value).Parts;
                    var why = parts.Count == 1 ? problem(parts[0]) : $"\"{value.Trim()}\" is {parts.Count} figures; give one {field}.";
                    if (why is not null)
                    {
                        Add(path, why);
                    }
                }
            }
            var from = $"{at}.countFrom";
            if (string.IsNullOrWhiteSpace(derived.CountFrom))
            {
                Add(from, "Say where the count comes from: a claim's slug, or claim-slug/source-slug for one of its citations.",
                    "derived count-from is required with the rest of the derivation.");
            }
            else if (FieldRules.UnstorableText(derived.CountFrom) is { } unstorable)
            {
                Add(from, $"The text {unstorable}");
            }
            else if (!DerivationOrigins.TryParse(derived.CountFrom, out _, out _))
            {
                Add(from, $"'{Shorten(derived.CountFrom)}' is not a claim or a claim's citation: write {DerivationOrigins.Example}.");
            }
        }

        public void Url(string field, string? value)
        {
            Text(field, value, EditLimits.Url);
            if (!string.IsNullOrWhiteSpace(value) && !errors.Any(e => e.Field == field) && !FieldRules.IsHttpUrl(value.Trim()))
            {
                Add(field, $"'{Shorten(value)}' is not a web address: only absolute http:// or https:// URLs are accepted.",
                    $"url '{value}' must be an absolute http(s) URL.");
            }
        }

        /// <summary>The field as seed files name it: "shortName" → "short-name"; a citation's field without its index (the claim's line names the citation).</summary>
        private static string YamlName(string field)
        {
            var name = field.StartsWith("citations[", StringComparison.Ordinal) && field.Contains('.', StringComparison.Ordinal)
                ? field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..]
                : field;
            var sb = new StringBuilder();
            foreach (var c in name)
            {
                sb.Append(char.IsAsciiLetterUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString());
            }
            return sb.ToString();
        }
    }
}
