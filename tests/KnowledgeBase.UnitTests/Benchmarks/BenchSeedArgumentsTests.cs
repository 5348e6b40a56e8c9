using KnowledgeBase.Bench;

namespace KnowledgeBase.UnitTests.Benchmarks;

/// <summary>bench-seed's command line: a line that does not parse stops before the database is touched (no services here).</summary>
public sealed class BenchSeedArgumentsTests
{
    [Theory]
    [InlineData("--claims", "99")]
    [InlineData("--claims", "many")]
    [InlineData("--claims")]
    [InlineData("--fast")]
    public async Task A_bad_line_exits_2_with_what_is_wrong_on_stderr(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BenchSeed.RunAsync(EmptyServices.Instance, args, output, error);

        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
        Assert.Contains("--claims", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => throw new InvalidOperationException("bench-seed reached for the database.");
    }
}
