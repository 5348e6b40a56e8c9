using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.Core.Editing;

/// <summary>A claim a derivation's count may come from, as a writer finds it: its citations' documents and attributions.</summary>
public sealed record OriginClaim(string Slug, IReadOnlyList<OriginCitation> Citations);

/// <param name="SourceName">The document's short name, as rationales name it.</param>
public sealed record OriginCitation(string SourceSlug, string SourceName, string? Attribution);

/// <summary>
/// Where a derivation's count comes from (<see cref="DerivationDraft.CountFrom"/>): "claim-slug" for a claim's
/// figure, "claim-slug/source-slug" for that claim's citation of one document. Writers resolve it when they save,
/// against the database (editor, API) or the other claims of the files (seed, import), so the document and the
/// attribution the count rests on are stored with it and an origin that does not exist is refused on the field.
/// </summary>
public static class DerivationOrigins
{
    public const string Example = "troops-sent-to-russia or troops-sent-to-russia/usip-2024-seoul-response";

    public static bool TryParse(string? countFrom, out string claim, out string? source)
    {
        var parts = TextValues.Blank(countFrom)?.Split('/') ?? [];
        (claim, source) = (parts.ElementAtOrDefault(0) ?? "", parts.Length == 2 ? parts[1].Trim() : null);
        claim = claim.Trim();
        return parts.Length is 1 or 2 && FieldRules.IsSlug(claim) && (parts.Length == 1 || FieldRules.IsSlug(source));
    }

    /// <summary>The claims the drafts' derivations name, to look up at once.</summary>
    public static List<string> ClaimsNamed(IEnumerable<CitationDraft?> citations) =>
        [.. citations.Select(c => c?.Derived is { IsBlank: false } d && TryParse(d.CountFrom, out var claim, out _) ? claim : null)
            .OfType<string>().Distinct()];

    /// <summary>
    /// The derivation of the citation at <paramref name="at"/> ("citations[0]") with its origin resolved by
    /// <paramref name="find"/>; null when it has none, or when its origin is not found (an error on its countFrom).
    /// </summary>
    public static CitationDerivation? Resolve(
        CitationDraft draft, string at, Func<string, OriginClaim?> find, List<FieldError> errors, DraftReader reader = DraftReader.Editor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(errors);
        var field = $"{at}.derived.countFrom";
        if (draft.Derived is not { IsBlank: false } d || !TryParse(d.CountFrom, out var slug, out var source)
            || errors.Any(e => e.Field.StartsWith($"{at}.derived", StringComparison.Ordinal)))
        {
            return null;
        }
        void Refuse(string message) =>
            errors.Add(new(field, reader == DraftReader.Editor ? message : $"derived count-from: {char.ToLowerInvariant(message[0])}{message[1..]}"));

        // A deleted claim still exists (undelete brings it back), so an export holding one imports again.
        var claim = find(slug);
        if (claim is null)
        {
            Refuse($"There is no claim '{slug}' to take the count from.");
            return null;
        }
        var origin = source is null ? null : claim.Citations.FirstOrDefault(c => c.SourceSlug == source);
        if (source is not null && origin is null)
        {
            Refuse($"Claim '{slug}' does not cite '{source}': name one of {(claim.Citations.Count == 0 ? "its documents" : string.Join(", ", claim.Citations.Select(c => $"{slug}/{c.SourceSlug}").Distinct()))}, or the claim alone.");
            return null;
        }
        var countFrom = source is null ? slug : $"{slug}/{source}";
        // A claim's figure rests on every document the claim cites; a citation's on its own document and attribution.
        var documents = origin?.SourceName
            ?? (claim.Citations.Count == 0 ? slug : TextValues.Listed([.. claim.Citations.Select(c => c.SourceName).Distinct()]));
        return new CitationDerivation(d.Rate!.Trim(), d.Count!.Trim(), countFrom, documents, TextValues.Blank(origin?.Attribution));
    }

    // Derivations name their origins by slug, as the seed files do, so a renamed claim or document takes them along:
    // otherwise an export would name a slug that no longer exists, and could not be imported again.

    /// <summary>Points the derivations counting from claim <paramref name="from"/> (or its citations) at its new slug.</summary>
    internal static Task<int> FollowClaimRenameAsync(KnowledgeBaseDb db, string from, string to, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE citations
            SET derivation = jsonb_set(derivation, ARRAY['countFrom'], to_jsonb({to} || substr(derivation->>'countFrom', length({from}) + 1)))
            WHERE split_part(derivation->>'countFrom', '/', 1) = {from}
            """, ct);

    /// <summary>Points the derivations counting from a claim's citation of document <paramref name="from"/> at its new slug.</summary>
    internal static Task<int> FollowSourceRenameAsync(KnowledgeBaseDb db, string from, string to, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE citations
            SET derivation = jsonb_set(derivation, ARRAY['countFrom'], to_jsonb(split_part(derivation->>'countFrom', '/', 1) || '/' || {to}))
            WHERE split_part(derivation->>'countFrom', '/', 2) = {from}
            """, ct);
}
