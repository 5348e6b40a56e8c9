using KnowledgeBase.Core.Anchoring;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.UnitTests.Seeding;

namespace KnowledgeBase.UnitTests.Citing;

/// <summary>The two seed documents as the site renders them: their canonical text, and their publication date.</summary>
internal static class SeedDocuments
{
    public const string Usip = "usip-2024-seoul-response";
    public const string Idsa = "idsa-2024-south-korea-response";

    public static (AnchorableText Text, string Published) Read(string slug)
    {
        var file = File.ReadAllText(Path.Combine(SeedFolder.Original, "sources", slug + ".md")).ReplaceLineEndings("\n");
        var end = file.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var published = file[4..end].Split('\n').Single(l => l.StartsWith("published: ", StringComparison.Ordinal))["published: ".Length..].Trim();
        return (AnchorableText.Of(SourceRenderer.Render(file[(end + 5)..])), published);
    }
}
