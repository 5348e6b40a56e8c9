using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Figures;
using KnowledgeBase.Core.Sources;

namespace KnowledgeBase.Bench;

/// <summary>
/// How big a synthetic corpus is. Sources scale with claims (50 claims' first citations per source), each with
/// <see cref="PassagesPerSource"/> passages and <see cref="FootnotesPerSource"/> footnotes, so a million claims come
/// with 20,000 sources, 2 million passages and about 2 million citations.
/// </summary>
public sealed record CorpusSize(int Claims, int Sources, int Topics)
{
    public const int PassagesPerSource = 100;
    public const int FootnotesPerSource = 10;
    public const int ClaimsPerSource = 50;

    public static CorpusSize For(int claims)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(claims, 100);
        return new(claims, Math.Max(10, claims / ClaimsPerSource), Math.Clamp(claims / 50, 2, 200));
    }

    public long Passages => (long)Sources * PassagesPerSource;
}

/// <summary>A source of the corpus with its rows, ready to copy.</summary>
public sealed record BenchSource(
    int Id, string Slug, string Title, string ShortName, string[] Authors, string Publisher, string Kind, string Published,
    string Url, string BodyMarkdown, string BodyHtml, string CanonicalText, IReadOnlyList<BenchFootnote> Footnotes,
    IReadOnlyList<BenchPassage> Passages);

public sealed record BenchFootnote(int Id, int Number, string Text, int Start, int End, string Authors, string Title, string Outlet, string Published, string Url);

/// <param name="Sentence">The sentence the passage lies in, as the app keeps it (<see cref="Passage.Sentence"/>).</param>
public sealed record BenchPassage(long Id, TextAnchor Anchor, string Sentence, int FootnoteId);

public sealed record BenchCitation(long PassageId, int SourceId, int Position, Stance Stance, string? Figure);

public sealed record BenchClaim(
    long Id, string Slug, string Statement, string? Figure, AgreementVerdict Verdict, AgreementFlag? Override, string? OverrideReason,
    DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt, IReadOnlyList<BenchCitation> Citations, IReadOnlyList<int> TopicIds);

/// <summary>
/// The synthetic corpus of the benchmark: deterministic (every row is a pure function of its index and
/// <see cref="Seed"/>), so the loader can produce tables independently and in parallel.
/// <para>
/// Source bodies are real Markdown with footnotes, rendered through the app's own <see cref="SourceRenderer"/>. Rendering
/// 20,000 bodies would cost minutes, so a few hundred templates are rendered and each source fills a template's
/// place-name slots (fixed-width tokens) with its own names: the substituted Markdown renders to exactly the
/// substituted HTML and canonical text, so passages anchor where the app would anchor them.
/// </para>
/// <para>
/// Search vocabulary: <see cref="CommonTerm"/> is in about 30% of statements and quotes; each of the
/// <see cref="RareTermCount"/> rare terms (<see cref="RareTerm"/>) is in a handful of claim statements.
/// </para>
/// </summary>
public sealed class BenchCorpus
{
    /// <summary>Bumped whenever the generated rows change, so a stored corpus of an older shape is rebuilt.</summary>
    public const int GeneratorVersion = 2;
    public const ulong Seed = 0x6B62_6265_6E63_6831;
    public const string CommonTerm = "ceasefire";
    public const int RareTermCount = 1000;

    /// <summary>One claim in this many carries a rare term.</summary>
    public const int RareTermEvery = 200;

    public const int DeletedEvery = 1000;

    private const int TemplateCount = 256;
    private const int SentencesPerParagraph = CorpusSize.PassagesPerSource / CorpusSize.FootnotesPerSource;
    private const string SlotPrefix = "Qzplace";
    private const int NameLength = 8;

    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<Template> _templates;

    public BenchCorpus(CorpusSize size)
    {
        Size = size ?? throw new ArgumentNullException(nameof(size));
        _templates = Enumerable.Range(0, Math.Min(TemplateCount, size.Sources))
            .AsParallel().AsOrdered()
            .Select(RenderTemplate)
            .ToList();
    }

    public CorpusSize Size { get; }

    public int TemplatesRendered => _templates.Count;

    // ----- vocabulary

    private static readonly string[] Consonants = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "h", "j"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "y"];

    private static readonly string[] Actors =
    [
        "Officials", "Analysts", "The defence ministry", "Observers", "Local authorities", "Western diplomats", "The foreign ministry",
        "Military planners", "Independent monitors", "The intelligence service", "Regional governors", "Aid agencies",
    ];

    private static readonly string[] Verbs =
    [
        "reported", "estimated", "confirmed", "denied", "warned", "acknowledged", "disputed", "announced", "suggested", "documented",
    ];

    private static readonly string[] Objects =
    [
        "troop movements", "new sanctions", "artillery shipments", "a prisoner exchange", "missile tests", "border closures",
        "grain exports", "drone attacks", "naval patrols", "refugee flows", "fuel shortages", "arms transfers", "joint exercises",
        "cyber intrusions", "troop rotations", "supply convoys",
    ];

    private static readonly string[] Tails =
    [
        "during the spring offensive", "after months of negotiation", "despite earlier assurances", "according to satellite imagery",
        "in a closed briefing", "before the summit", "along the northern front", "in the capital", "over the winter",
        "as talks stalled", "in official statements", "since the election",
    ];

    private static readonly string[] Outlets =
    [
        "Yonhap", "The Korea Times", "KCNA", "Reuters", "Associated Press", "Nikkei Asia", "The Diplomat", "Kyiv Independent",
        "TASS", "Bloomberg", "Financial Times", "The Guardian", "Le Monde", "Der Spiegel", "NHK World", "Al Jazeera",
    ];

    private static readonly string[] Kinds = ["analysis", "commentary", "report", "brief"];

    /// <summary>A pronounceable name of exactly eight letters: four consonant-vowel syllables.</summary>
    public static string Name(ulong key)
    {
        var rng = new Rng(key);
        var sb = new StringBuilder(NameLength);
        for (var i = 0; i < NameLength / 2; i++)
        {
            sb.Append(Consonants[rng.Next(Consonants.Length)]).Append(Vowels[rng.Next(Vowels.Length)]);
        }
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    /// <summary>The i-th rare search term: "zx" and four letters, a word no other text uses.</summary>
    public static string RareTerm(int index)
    {
        var chars = new char[6];
        chars[0] = 'z';
        chars[1] = 'x';
        for (var i = 5; i >= 2; i--)
        {
            chars[i] = (char)('a' + (index % 26));
            index /= 26;
        }
        return new string(chars);
    }

    private static string Sentence(ref Rng rng, string place)
    {
        var common = rng.Next(10) < 3 ? $" and the {CommonTerm}" : "";
        return $"{Pick(ref rng, Actors)} in {place} {Pick(ref rng, Verbs)} {Pick(ref rng, Objects)}{common} {Pick(ref rng, Tails)}, "
               + $"with {(rng.Next(90) + 10).ToString(CultureInfo.InvariantCulture)} incidents logged.";
    }

    private static string Pick(ref Rng rng, string[] words) => words[rng.Next(words.Length)];

    // ----- templates

    private sealed record Template(RenderedSource Rendered, string Markdown, IReadOnlyList<(int Start, int End)> Sentences);

    private static string Slot(int paragraph) => SlotPrefix + (char)('a' + paragraph);

    private static Template RenderTemplate(int index)
    {
        var rng = new Rng(Seed ^ ((ulong)index * 0x9E37_79B9_7F4A_7C15));
        var md = new StringBuilder();
        var sentences = new List<string>(CorpusSize.PassagesPerSource);
        md.Append("## Summary\n\n");
        for (var p = 0; p < CorpusSize.FootnotesPerSource; p++)
        {
            if (p == CorpusSize.FootnotesPerSource / 2)
            {
                md.Append("## Assessment\n\n");
            }
            for (var s = 0; s < SentencesPerParagraph; s++)
            {
                var sentence = Sentence(ref rng, Slot(p));
                sentences.Add(sentence);
                md.Append(s == 0 ? "" : " ").Append(sentence);
            }
            md.Append("[^").Append(p + 1).Append("]\n\n");
        }
        for (var p = 0; p < CorpusSize.FootnotesPerSource; p++)
        {
            md.Append("[^").Append(p + 1).Append("]: ").Append(FootnoteMarkdown(index, p)).Append('\n');
        }
        var markdown = md.ToString();
        var rendered = SourceRenderer.Render(markdown);

        // Sentences appear in order, so each is searched for after the previous one.
        var spans = new List<(int, int)>(sentences.Count);
        var from = 0;
        foreach (var sentence in sentences)
        {
            var start = rendered.CanonicalText.IndexOf(sentence, from, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new InvalidOperationException($"Template {index}: a sentence is missing from the rendered text.");
            }
            spans.Add((start, start + sentence.Length));
            from = start + sentence.Length;
        }
        return new Template(rendered, markdown, spans);
    }

    private static (string Authors, string Title, string Outlet, string Published, string Url) Cites(int template, int paragraph)
    {
        var rng = new Rng(Seed ^ ((ulong)(template * 16 + paragraph) * 0xD1B5_4A32_D192_ED03));
        var outlet = Pick(ref rng, Outlets);
        var author = $"{Name(rng.NextULong())} {Name(rng.NextULong())}";
        var title = $"{Pick(ref rng, Actors)} {Pick(ref rng, Verbs)} {Pick(ref rng, Objects)}";
        var published = $"2024-{(rng.Next(12) + 1).ToString("00", CultureInfo.InvariantCulture)}-{(rng.Next(28) + 1).ToString("00", CultureInfo.InvariantCulture)}";
        var url = $"https://news.example.org/{template.ToString(CultureInfo.InvariantCulture)}/{paragraph.ToString(CultureInfo.InvariantCulture)}";
        return (author, title, outlet, published, url);
    }

    private static string FootnoteMarkdown(int template, int paragraph)
    {
        var (authors, title, outlet, published, url) = Cites(template, paragraph);
        return $"{authors}, \"{title},\" *{outlet}*, {published}, <{url}>";
    }

    // ----- sources

    private static int TemplateOf(int sourceIndex) => (int)(Mix((ulong)sourceIndex) % TemplateCount);

    private int TemplateIndexOf(int sourceIndex) => TemplateOf(sourceIndex) % _templates.Count;

    private static string PlaceName(int sourceIndex, int paragraph) => Name(Seed ^ Mix(((ulong)sourceIndex << 8) | (uint)paragraph));

    public static string SourceShortName(int sourceIndex) => $"{PlaceName(sourceIndex, 0)[..4].ToUpperInvariant()}-{(sourceIndex + 1).ToString(CultureInfo.InvariantCulture)}";

    public static string SourceSlug(int sourceIndex) => $"{PlaceName(sourceIndex, 0).ToLowerInvariant()}-report-{(sourceIndex + 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The id of the i-th passage (0–99) of the source with the given index: ids run source by source.</summary>
    public static long PassageId(int sourceIndex, int passage) => (long)sourceIndex * CorpusSize.PassagesPerSource + passage + 1;

    /// <summary>Replaces every slot token with this source's names; tokens and names are the same width, so offsets hold.</summary>
    private static string Fill(string text, string[] names)
    {
        var sb = new StringBuilder(text.Length);
        var at = 0;
        int next;
        while ((next = text.IndexOf(SlotPrefix, at, StringComparison.Ordinal)) >= 0)
        {
            sb.Append(text, at, next - at).Append(names[text[next + SlotPrefix.Length] - 'a']);
            at = next + NameLength;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    public BenchSource Source(int index)
    {
        var templateIndex = TemplateIndexOf(index);
        var template = _templates[templateIndex];
        var names = Enumerable.Range(0, CorpusSize.FootnotesPerSource).Select(p => PlaceName(index, p)).ToArray();
        var canonical = Fill(template.Rendered.CanonicalText, names);
        var id = index + 1;
        var footnotes = template.Rendered.Footnotes.Select(f =>
        {
            var (authors, title, outlet, published, url) = Cites(templateIndex, f.Number - 1);
            return new BenchFootnote(index * CorpusSize.FootnotesPerSource + f.Number, f.Number, f.Text, f.Start, f.End, authors, title, outlet, published, url);
        }).ToList();
        var passages = template.Sentences.Select((span, i) => new BenchPassage(
            PassageId(index, i),
            TextAnchor.At(canonical, span.Start, span.End),
            QuoteSentence.Around(canonical, span.Start, span.End),
            index * CorpusSize.FootnotesPerSource + (i / SentencesPerParagraph) + 1)).ToList();
        var rng = new Rng(Seed ^ Mix((ulong)index + 0x5EED));
        return new BenchSource(
            id,
            SourceSlug(index),
            Capitalized($"{Pick(ref rng, Objects)} in {names[0]} and {names[1]}"),
            SourceShortName(index),
            [$"{Name(rng.NextULong())} {Name(rng.NextULong())}"],
            $"{names[0]} Institute",
            Pick(ref rng, Kinds),
            $"{(2020 + rng.Next(5)).ToString(CultureInfo.InvariantCulture)}-{(rng.Next(12) + 1).ToString("00", CultureInfo.InvariantCulture)}",
            $"https://research.example.org/{SourceSlug(index)}",
            Fill(template.Markdown, names),
            Fill(template.Rendered.Html, names),
            canonical,
            footnotes,
            passages);
    }

    /// <summary>The words of a passage (its sentence in its source), without building the whole source.</summary>
    public string PassageText(int sourceIndex, int passage)
    {
        var template = _templates[TemplateIndexOf(sourceIndex)];
        var (start, end) = template.Sentences[passage];
        // A sentence holds only its own paragraph's slot.
        var paragraph = passage / SentencesPerParagraph;
        return template.Rendered.CanonicalText[start..end].Replace(Slot(paragraph), PlaceName(sourceIndex, paragraph), StringComparison.Ordinal);
    }

    // ----- claims

    /// <summary>
    /// The claim with the given index (id = index + 1). Its first citation quotes an even passage of source
    /// index/50, its second (85%) an odd passage of one of the next three sources, so neighbouring sources share
    /// claims (the compare page); 15% have a third citation, 15% only one.
    /// </summary>
    public BenchClaim Claim(int index)
    {
        var rng = new Rng(Seed ^ Mix((ulong)index + 0xC1A1));
        var sources = Size.Sources;
        var first = index / CorpusSize.ClaimsPerSource % sources;
        var slot = index % CorpusSize.ClaimsPerSource;
        var shape = rng.Next(100);
        var cited = new List<(int Source, int Passage)> { (first, slot * 2 % CorpusSize.PassagesPerSource) };
        if (shape >= 15)
        {
            cited.Add(((first + 1 + (index % 3)) % sources, (slot * 2 + 1) % CorpusSize.PassagesPerSource));
        }
        if (shape >= 85 && sources > 5)
        {
            cited.Add(((first + 5) % sources, (index * 7 % CorpusSize.ClaimsPerSource) * 2 % CorpusSize.PassagesPerSource));
        }

        var place = Name(Seed ^ Mix((ulong)index + 0xA11CE));
        var rare = index % RareTermEvery == 7 ? $" ({RareTerm(index / RareTermEvery % RareTermCount)})" : "";
        var common = rng.Next(10) < 3 ? $" amid the {CommonTerm}" : "";
        var statement = $"{Pick(ref rng, Actors)} {Pick(ref rng, Verbs)} {Pick(ref rng, Objects)} near {place}{common} {Pick(ref rng, Tails)}{rare}.";

        // A quarter of the claims carry a figure; their sources agree, differ a little or a lot.
        string? figure = null;
        var figures = new string?[cited.Count];
        if (rng.Next(4) == 0)
        {
            var troops = (rng.Next(50) + 1) * 1000;
            figure = $"about {troops.ToString("N0", CultureInfo.InvariantCulture)} troops";
            for (var i = 0; i < cited.Count; i++)
            {
                var factor = i == 0 ? 1.0 : rng.Next(3) switch { 0 => 1.0, 1 => 1.15, _ => 2.0 };
                figures[i] = $"{((int)(troops * factor)).ToString("N0", CultureInfo.InvariantCulture)} troops";
            }
        }

        var citations = new List<BenchCitation>(cited.Count);
        var evidence = new List<CitationEvidence>(cited.Count);
        for (var i = 0; i < cited.Count; i++)
        {
            var (source, passage) = cited[i];
            var stanceRoll = i == 0 ? 0 : rng.Next(100);
            var stance = stanceRoll < 70 ? Stance.Supports : stanceRoll < 85 ? Stance.SupportsInPart : stanceRoll < 95 ? Stance.Contradicts : Stance.Mentions;
            citations.Add(new BenchCitation(PassageId(source, passage), source + 1, i, stance, figures[i]));
            evidence.Add(new CitationEvidence(
                (source + 1).ToString(CultureInfo.InvariantCulture), SourceShortName(source), stance,
                Figure.ParseOptional(figures[i]), PassageText(source, passage), passage / SentencesPerParagraph + 1));
        }
        var verdict = AgreementRule.Evaluate(evidence);
        var overridden = rng.Next(100) == 0;

        var topics = new List<int>(3) { index % Size.Topics + 1 };
        var topicCount = 1 + rng.Next(3);
        for (var t = 1; t < topicCount; t++)
        {
            var topic = (int)(Mix((ulong)index * 31 + (ulong)t) % (ulong)Size.Topics) + 1;
            if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        var id = index + 1L;
        return new BenchClaim(
            id,
            $"{Slugify(statement, 60)}-{id.ToString(CultureInfo.InvariantCulture)}",
            statement,
            figure,
            verdict,
            overridden ? AgreementFlag.Partial : null,
            overridden ? "Editors judge the sources' scopes to differ." : null,
            Epoch.AddMinutes(index),
            // One claim in a thousand is soft-deleted, so the readers' query filters have something to hide.
            index % DeletedEvery == DeletedEvery - 1 ? Epoch.AddMinutes(index).AddDays(1) : null,
            citations,
            topics);
    }

    public static string TopicSlug(int id) => $"topic-{id.ToString(CultureInfo.InvariantCulture)}";

    public static string TopicName(int id) => Capitalized($"{Objects[id % Objects.Length]} in {Name(Seed ^ (ulong)id)}");

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slugify(string text, int max)
    {
        var sb = new StringBuilder(max);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
            if (sb.Length >= max)
            {
                break;
            }
        }
        return sb.ToString().Trim('-');
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E37_79B9_7F4A_7C15;
        x = (x ^ (x >> 30)) * 0xBF58_476D_1CE4_E5B9;
        x = (x ^ (x >> 27)) * 0x94D0_49BB_1331_11EB;
        return x ^ (x >> 31);
    }

    /// <summary>SplitMix64: tiny, fast and the same on every machine, unlike <see cref="Random"/>'s unseeded forms.</summary>
    private struct Rng(ulong state)
    {
        private ulong _state = state;

        public ulong NextULong()
        {
            _state += 0x9E37_79B9_7F4A_7C15;
            return Mix(_state);
        }

        public int Next(int n) => (int)(NextULong() % (ulong)n);
    }
}
