using System.Globalization;
using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Citing;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Web.Citing;

/// <summary>A document words are cited from: what a citation and the pages about it name.</summary>
public sealed record CitingSource(int Id, string Slug, string ShortName, string Title);

/// <summary>
/// Words of a document to cite, from the address that names them (<c>source</c>, <c>start</c>, <c>end</c>: a slug and
/// canonical offsets, as the source page's selection and its sentences left to cite give them), checked at the edge:
/// the document must exist and the words must anchor (<see cref="QuoteSelections"/>). Anything else is a refusal to
/// show, never an exception.
/// </summary>
public sealed record CitedSelection(CitingSource Source, SelectedQuote Quote)
{
    /// <summary>A number's digits at most: offsets past the longest body (500,000 characters) are refused as out of range anyway.</summary>
    private const int MaxDigits = 9;

    /// <summary>The citation the claim editor starts from: the document, the quote, its context and the footnote its place proposes.</summary>
    public CitationDraft ToDraft() => new()
    {
        SourceId = Source.Id,
        SourceSlug = Source.Slug,
        Quote = Quote.Quote,
        Prefix = Quote.Prefix,
        Suffix = Quote.Suffix,
        Footnote = Quote.Footnote,
    };

    /// <summary>The selection named by the address, or why there is none (null, null: the address names no selection).</summary>
    public static async Task<(CitedSelection? Selection, string? Refusal)> ReadAsync(
        KnowledgeBaseDb db, string? source, string? start, string? end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (source is null && start is null && end is null)
        {
            return (null, null);
        }
        if (!FieldRules.IsSlug(source))
        {
            return (null, "The words to cite name no document: 'source' must be a document's address (lowercase words joined by hyphens).");
        }
        if (!Offset(start, out var from) || !Offset(end, out var to))
        {
            return (null, "The words to cite need 'start' and 'end': character positions in the document's text (0, 1, 2, …).");
        }
        var found = await db.Sources.AsNoTracking().Where(s => s.Slug == source)
            .Select(s => new { Source = new CitingSource(s.Id, s.Slug, s.ShortName, s.Title), s.BodyHtml })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return (null, $"No document has the address '{source}'.");
        }
        var selection = QuoteSelections.At(AnchorableText.FromHtml(found.BodyHtml), from, to);
        return selection.Quote is { } quote
            ? (new CitedSelection(found.Source, quote), null)
            : (null, $"These words of {found.Source.ShortName} cannot be cited: {selection.Refusal}");
    }

    private static bool Offset(string? text, out int value)
    {
        value = 0;
        return text is { Length: > 0 and <= MaxDigits } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
