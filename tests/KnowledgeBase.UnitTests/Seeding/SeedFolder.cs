namespace KnowledgeBase.UnitTests.Seeding;

/// <summary>The real seed folder (copied to the test output), or a scratch copy of it that a test may corrupt.</summary>
internal sealed class SeedFolder : IDisposable
{
    public static readonly string Original = System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data");

    private SeedFolder(string path) => Path = path;

    public string Path { get; }

    public string ClaimsFile => System.IO.Path.Combine(Path, "claims.yaml");

    public string SourceFile(string slug) => System.IO.Path.Combine(Path, "sources", slug + ".md");

    public static SeedFolder CopyOfOriginal()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-seed-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(Original, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Original, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return new SeedFolder(target);
    }

    /// <summary>Replaces text that must occur exactly once within one claim's block of claims.yaml.</summary>
    public void EditClaim(string slug, string oldText, string newText)
    {
        var yaml = File.ReadAllText(ClaimsFile);
        var marker = $"- slug: {slug}\n";
        var start = yaml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"claims.yaml has no claim '{slug}'");
        var next = yaml.IndexOf("\n- slug: ", start + marker.Length, StringComparison.Ordinal);
        var end = next < 0 ? yaml.Length : next;
        var block = yaml[start..end];
        Assert.True(Occurrences(block, oldText) == 1, $"claim '{slug}' should contain “{oldText}” exactly once");
        File.WriteAllText(ClaimsFile, yaml[..start] + block.Replace(oldText, newText, StringComparison.Ordinal) + yaml[end..]);
    }

    /// <summary>Replaces text that must occur exactly once in a file of the folder.</summary>
    public void Edit(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(file);
        Assert.True(Occurrences(text, oldText) == 1, $"{file} should contain “{oldText}” exactly once");
        File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
