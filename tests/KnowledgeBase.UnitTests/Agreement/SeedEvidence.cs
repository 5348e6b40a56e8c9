using System.Text.RegularExpressions;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.UnitTests.Seeding;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KnowledgeBase.UnitTests.Agreement;

/// <summary>
/// The seeded claims' citations with the evidence <see cref="EvidenceProposal"/> proposes for them, read straight
/// from seed-data/ (not through the importer, whose drafts do not carry the new fields yet).
/// </summary>
internal static partial class SeedEvidence
{
    public const string Usip = "usip-2024-seoul-response";
    public const string Idsa = "idsa-2024-south-korea-response";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private static readonly Lazy<List<ClaimYaml>> AllClaims = new(() =>
        Yaml.Deserialize<List<ClaimYaml>>(File.ReadAllText(Path.Combine(SeedFolder.Original, "claims.yaml"))));

    private static readonly Lazy<Dictionary<string, SourceText>> Sources = new(() =>
        Directory.GetFiles(Path.Combine(SeedFolder.Original, "sources"), "*.md").Select(SourceText.Read).ToDictionary(s => s.Slug));

    public static IReadOnlyList<ClaimYaml> Claims => AllClaims.Value;

    public static ClaimYaml Claim(string slug) => Claims.Single(c => c.Slug == slug);

    public static List<CitationEvidence> For(string slug) => [.. Claim(slug).Citations.Select(Propose)];

    /// <summary>As <see cref="For"/>, with the certainty the editors confirmed in the seed file where they gave one.</summary>
    public static List<CitationEvidence> Confirmed(string slug) =>
        [.. Claim(slug).Citations.Select(c => EnumSlugs.TryParse(c.Certainty, out Certainty certainty) ? Propose(c) with { Certainty = certainty } : Propose(c))];

    public static CitationEvidence Propose(CitationYaml c)
    {
        var source = Sources.Value[c.Source];
        var (sentence, inFootnote) = source.SentenceOf(c.Quote);
        var footnote = c.Footnote is { } n ? source.Footnotes.GetValueOrDefault(n) : null;
        Assert.True(EnumSlugs.TryParse(c.Stance, out Stance stance), $"stance {c.Stance}");
        var proposed = EvidenceProposal.Propose(c.Quote, sentence, c.Attribution, inFootnote, source.Published, footnote);
        return new CitationEvidence(source.Slug, source.ShortName, stance, Figure.TryParseOptional(c.Figure), c.Quote, c.Footnote)
        {
            Voice = proposed.Voice,
            Attribution = c.Attribution,
            Certainty = proposed.Certainty.Certainty,
            AsOf = proposed.AsOf,
            Roots = proposed.Roots,
        };
    }

    public sealed class ClaimYaml
    {
        public string Slug { get; set; } = "";
        public string Statement { get; set; } = "";
        public List<CitationYaml> Citations { get; set; } = [];
    }

    public sealed class CitationYaml
    {
        public string Source { get; set; } = "";
        public string Quote { get; set; } = "";
        public string? Attribution { get; set; }
        public string Stance { get; set; } = "";
        public string? Figure { get; set; }
        public int? Footnote { get; set; }
        public string? Certainty { get; set; }
    }

    private sealed class FrontMatter
    {
        public string Slug { get; set; } = "";
        public string ShortName { get; set; } = "";
        public string Published { get; set; } = "";
        public Dictionary<int, CitedWork> Footnotes { get; set; } = [];
    }

    /// <summary>A source's lines as a reader sees them: markup and footnote markers gone, footnotes marked as such.</summary>
    private sealed record SourceText(string Slug, string ShortName, string Published, Dictionary<int, CitedWork> Footnotes, List<(string Text, bool Footnote)> Lines)
    {
        public static SourceText Read(string path)
        {
            var text = File.ReadAllText(path).ReplaceLineEndings("\n");
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var meta = Yaml.Deserialize<FrontMatter>(text[4..end]);
            var lines = text[(end + 5)..].Split('\n')
                .Where(l => l.Length > 0)
                .Select(l => (Text: Markup().Replace(l, ""), Footnote: l.StartsWith("[^", StringComparison.Ordinal)))
                .ToList();
            return new SourceText(meta.Slug, meta.ShortName, meta.Published, meta.Footnotes, lines);
        }

        /// <summary>The sentence a quote lies in (the running text before a pull quote), and whether it is in a footnote.</summary>
        public (string Sentence, bool InFootnote) SentenceOf(string quote)
        {
            var (line, footnote) = Lines.First(l => l.Text.Contains(quote, StringComparison.Ordinal));
            var at = line.IndexOf(quote, StringComparison.Ordinal);
            var start = SentenceEnd().Matches(line[..at]).LastOrDefault() is { } m ? m.Index + m.Length : 0;
            var stop = SentenceEnd().Match(line, at + quote.Length);
            return (line[start..(stop.Success ? stop.Index + 1 : line.Length)], footnote);
        }
    }

    [GeneratedRegex(@"^\[\^\d+\]:\s?|\[\^\d+\]|^(?:#+|>|-)\s|\*")]
    private static partial Regex Markup();

    [GeneratedRegex(@"[.?!][”’""']?\s+")]
    private static partial Regex SentenceEnd();
}
