using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Sources;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KnowledgeBase.Core.Seeding;

/// <summary>
/// The seed-data folder as written by editors: <c>sources/*.md</c> (YAML front matter + Markdown body),
/// <c>topics.yaml</c> and <c>claims.yaml</c>, and, in an export made with its history, <c>revisions.jsonl</c>. See
/// seed-data/README.md for the format.
/// </summary>
public sealed class SeedFiles
{
    public required IReadOnlyList<SourceFile> Sources { get; init; }
    public required IReadOnlyList<TopicEntry> Topics { get; init; }
    public required IReadOnlyList<ClaimEntry> Claims { get; init; }

    /// <summary>The lines of <c>revisions.jsonl</c> (numbered from 1), or none when the folder has no such file.</summary>
    public IReadOnlyList<(int Line, string Json)> Revisions { get; init; } = [];

    /// <summary>A digest of every file, so an unchanged folder is recognised and not imported twice.</summary>
    public required string ContentHash { get; init; }

    private static readonly IDeserializer Yaml = SeedFormat.Reading(new DeserializerBuilder()).Build();

    public static SeedFiles Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SeedImportException([$"The seed folder '{directory}' does not exist."]);
        }
        var errors = new List<string>();
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        string ReadText(string path)
        {
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, path).Replace('\\', '/') + "\n"));
            hash.AppendData(bytes);
            return Encoding.UTF8.GetString(bytes);
        }

        T? Parse<T>(string path, string text)
            where T : class
        {
            try
            {
                return Yaml.Deserialize<T>(text);
            }
            catch (YamlException e)
            {
                errors.Add($"{Path.GetFileName(path)}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
                return null;
            }
        }

        var sources = new List<SourceFile>();
        var sourceDir = Path.Combine(directory, "sources");
        var sourcePaths = Directory.Exists(sourceDir)
            ? Directory.GetFiles(sourceDir, "*.md").Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var path in sourcePaths)
        {
            var text = ReadText(path).ReplaceLineEndings("\n");
            if (!text.StartsWith("---\n", StringComparison.Ordinal))
            {
                errors.Add($"{Path.GetFileName(path)}: must start with YAML front matter between '---' lines.");
                continue;
            }
            var close = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add($"{Path.GetFileName(path)}: the front matter is not closed by a '---' line.");
                continue;
            }
            var meta = Parse<SourceFrontMatter>(path, text[4..close]);
            if (meta is not null)
            {
                meta.BodyMarkdown = text[(close + 5)..];
                sources.Add(new SourceFile(Path.GetFileName(path), meta));
            }
        }

        List<TopicEntry>? topics = null;
        List<ClaimEntry>? claims = null;
        foreach (var (name, assign) in new (string, Action<string, string>)[]
                 {
                     ("topics.yaml", (p, t) => topics = Parse<List<TopicEntry>>(p, t)),
                     ("claims.yaml", (p, t) => claims = Parse<List<ClaimEntry>>(p, t)),
                 })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                assign(path, ReadText(path));
            }
            else
            {
                errors.Add($"{name} is missing from '{directory}'.");
            }
        }

        var revisions = new List<(int, string)>();
        var revisionsPath = Path.Combine(directory, RevisionLine.FileName);
        if (File.Exists(revisionsPath))
        {
            foreach (var (line, i) in ReadText(revisionsPath).Split('\n').Select((l, i) => (l, i + 1)))
            {
                if (line.Length > 0)
                {
                    revisions.Add((i, line));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new SeedImportException(errors);
        }
        return new SeedFiles
        {
            Sources = sources,
            Topics = topics ?? [],
            Claims = claims ?? [],
            Revisions = revisions,
            ContentHash = Convert.ToHexStringLower(hash.GetHashAndReset()),
        };
    }
}

/// <summary>A source file: its front matter with the body that follows it, as one draft.</summary>
public sealed record SourceFile(string FileName, SourceFrontMatter Meta);

/// <summary>A source's front matter: the source draft, and what only an export writes.</summary>
public sealed class SourceFrontMatter : SourceDraft
{
    /// <summary>Exports only: when it was added and last changed, unless by a seed import (ISO 8601, UTC).</summary>
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    /// <summary>Exports only: when an editor deleted the source (ISO 8601, UTC).</summary>
    public string? DeletedAt { get; set; }
}

public sealed class TopicEntry
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
}

/// <summary>A claim of claims.yaml: the claim draft, its override as one mapping, and what only an export writes.</summary>
public sealed class ClaimEntry : ClaimDraft
{
    /// <summary>The YAML form of <see cref="ClaimDraft.OverrideFlag"/> and <see cref="ClaimDraft.OverrideReason"/>.</summary>
    public OverrideEntry? AgreementOverride
    {
        get => OverrideFlag is null && OverrideReason is null ? null : new OverrideEntry { Flag = OverrideFlag, Reason = OverrideReason };
        set => (OverrideFlag, OverrideReason) = (value?.Flag, value?.Reason);
    }

    /// <summary>Exports only: when it was added and last changed, unless by a seed import (ISO 8601, UTC).</summary>
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    /// <summary>Exports only: when an editor deleted the claim (ISO 8601, UTC).</summary>
    public string? DeletedAt { get; set; }
}

/// <summary>A citation of claims.yaml (its document named by slug under <c>source</c>), with what only an export writes.</summary>
public sealed class CitationEntry : CitationDraft
{
    /// <summary>Exports only: the footnote was picked by an editor, so it is taken as given (none when absent), not checked against the quote's place.</summary>
    public bool? FootnoteChosen { get; set; }

    /// <summary>Exports only: the passage awaits review (re-anchoring found its words only approximately, or not at all).</summary>
    public ReviewEntry? Review { get; set; }
}

/// <summary>
/// A passage awaiting review, as stored: it cannot be anchored again by its quote (an orphan's words are gone from
/// the text), so its selector is kept as it is.
/// </summary>
public sealed class ReviewEntry
{
    /// <summary><c>fuzzy</c> or <c>orphaned</c>.</summary>
    public string? Status { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }

    /// <summary>For a fuzzy passage: the words as they were cited before the document changed.</summary>
    public string? CitedQuote { get; set; }
}

public sealed class OverrideEntry
{
    public string? Flag { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// The seed format is the drafts' shape (and the entries' that extend them) with YAML names (short-name,
/// editorial-note, …): what it names otherwise, leaves out or styles is said here once, for reading
/// (<see cref="SeedFiles"/>) and writing (<see cref="SeedExporter"/>) alike, so a new draft field needs nothing here.
/// </summary>
internal static class SeedFormat
{
    private static readonly (Type Type, string Member)[] Ignored =
    [
        (typeof(SourceDraft), nameof(SourceDraft.BodyMarkdown)), // the body follows the front matter
        (typeof(ClaimDraft), nameof(ClaimDraft.OverrideFlag)), // both under agreement-override
        (typeof(ClaimDraft), nameof(ClaimDraft.OverrideReason)),
        (typeof(CitationDraft), nameof(CitationDraft.SourceId)), // documents are named by slug
    ];

    private static readonly Dictionary<(Type Type, string Member), string> Aliases = new()
    {
        [(typeof(CitationDraft), nameof(CitationDraft.SourceSlug))] = "source",
    };

    /// <summary>How the hand-written seed files write these fields, so that an export reads like them.</summary>
    private static readonly Dictionary<(Type Type, string Member), ScalarStyle> Styles = new()
    {
        [(typeof(SourceDraft), nameof(SourceDraft.Title))] = ScalarStyle.DoubleQuoted,
        [(typeof(SourceDraft), nameof(SourceDraft.EditorialNote))] = ScalarStyle.Folded,
        [(typeof(CitedWork), nameof(CitedWork.Title))] = ScalarStyle.DoubleQuoted,
        [(typeof(CitedWork), nameof(CitedWork.Published))] = ScalarStyle.DoubleQuoted,
    };

    public static DeserializerBuilder Reading(DeserializerBuilder builder)
    {
        builder.WithNamingConvention(HyphenatedNamingConvention.Instance).WithTypeMapping<CitationDraft, CitationEntry>();
        foreach (var (type, member) in Ignored)
        {
            builder.WithAttributeOverride(type, member, new YamlIgnoreAttribute());
        }
        foreach (var ((type, member), alias) in Aliases)
        {
            builder.WithAttributeOverride(type, member, new YamlMemberAttribute { Alias = alias });
        }
        return builder;
    }

    /// <summary>A type's fields in the format, in declaration order, a base class's first.</summary>
    public static IEnumerable<PropertyInfo> Fields(Type type) =>
        Hierarchy(type).SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.CanRead && p.CanWrite && !Ignored.Contains((p.DeclaringType!, p.Name)));

    public static string Name(PropertyInfo field) =>
        Aliases.GetValueOrDefault((field.DeclaringType!, field.Name)) ?? HyphenatedNamingConvention.Instance.Apply(field.Name);

    public static ScalarStyle Style(PropertyInfo field) => Styles.GetValueOrDefault((field.DeclaringType!, field.Name), ScalarStyle.Any);

    private static IEnumerable<Type> Hierarchy(Type type) =>
        type.BaseType is { } parent && parent != typeof(object) ? Hierarchy(parent).Append(type) : [type];
}

/// <summary>Seed data that cannot be imported; every problem is listed, each naming its file or claim.</summary>
public sealed class SeedImportException(IReadOnlyList<string> problems)
    : Exception($"Seed import refused, nothing was imported ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
