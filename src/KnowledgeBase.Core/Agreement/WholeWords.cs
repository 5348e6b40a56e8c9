using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Agreement;

/// <summary>
/// Whole words or phrases in any case, as the evidence proposals look for them in a passage's words: a pattern is
/// <c>WholeWords.Start + "last year|the previous year" + WholeWords.End</c> with <see cref="Options"/>. Constants, so
/// each pattern is source-generated: interpreted, the hedge lexicon was the largest part of a compare page's own
/// work, which runs the proposals for every citation of every row (docs/benchmarks-notes.md).
/// </summary>
internal static class WholeWords
{
    public const string Start = @"\b(?:";

    public const string End = @")\b";

    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
}
