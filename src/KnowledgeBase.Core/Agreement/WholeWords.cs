using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Agreement;

/// <summary>Whole words or phrases in any case, as the evidence proposals look for them in a passage's words.</summary>
internal static class WholeWords
{
    /// <param name="alternatives">Regular-expression alternatives: "last year|the previous year".</param>
    public static Regex AnyOf(string alternatives) =>
        new(@"\b(?:" + alternatives + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
