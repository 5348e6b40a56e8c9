using System.Text.Json.Nodes;

namespace KnowledgeBase.UnitTests.Shared;

/// <summary>
/// The memory goal (docs/benchmarks.md, "Memory") rests on how the serving processes run: workstation GC and no dynamic
/// PGO, set in Serving.props. Both programs that host the app must carry them into their runtimeconfig.json.
/// </summary>
public sealed class ServingRuntimeTests
{
    [Theory]
    [InlineData("KnowledgeBase.Web")]
    [InlineData("KnowledgeBase.Bench")]
    public void A_serving_program_runs_with_workstation_GC_and_without_dynamic_PGO(string program)
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"{program}.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.GC.Server"]!.GetValue<bool>());
        Assert.False(properties["System.Runtime.TieredPGO"]!.GetValue<bool>());
    }
}
