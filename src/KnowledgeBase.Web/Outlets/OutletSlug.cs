using System.Globalization;
using System.Text;

namespace KnowledgeBase.Web.Outlets;

/// <summary>
/// An outlet's URL name, made from its name as footnotes print it: "The Korea Times" → "the-korea-times". Letters
/// and digits are kept (lower-cased, accents on Latin letters dropped, other scripts as they are), apostrophes vanish, and any
/// other run of characters becomes one hyphen. Spellings that differ only in case or punctuation share a slug, so
/// they are one outlet.
/// </summary>
public static class OutletSlug
{
    /// <summary>The slug, or "" for a name with no letter or digit (such a name is no outlet).</summary>
    public static string From(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var slug = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (ch is '\'' or '\u2019')
            {
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // An accent on a Latin letter goes (é → e); a vowel sign of another script is part of its letter.
                if (slug.Length > 0 && !pendingHyphen && !char.IsAscii(slug[^1]))
                {
                    slug.Append(ch);
                }
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return slug.ToString().Normalize(NormalizationForm.FormC);
    }
}
