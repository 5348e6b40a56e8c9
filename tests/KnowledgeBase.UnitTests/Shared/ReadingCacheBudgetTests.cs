using KnowledgeBase.Web.Shared;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.UnitTests.Shared;

/// <summary>The reading cache counts what it holds in estimated bytes, so a budget holds whatever the values weigh.</summary>
public sealed class ReadingCacheBudgetTests : IDisposable
{
    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = 100_000, TrackStatistics = true });
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    public void Dispose()
    {
        _memory.Dispose();
        _services.Dispose();
    }

    private ReadingCache Cache() => new(_memory, _services);

    [Fact]
    public async Task A_value_within_the_budget_is_computed_once()
    {
        var cache = Cache();
        var computed = 0;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("light", await cache.GetOrCreateAsync("k", () => Task.FromResult($"light{(computed++ > 0 ? "?" : "")}"), ReadingCache.Weight));
        }
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task A_value_heavier_than_the_room_left_is_served_but_not_kept()
    {
        var cache = Cache();
        var heavy = new string('x', 60_000); // about 120 KB in memory, over the 100 KB budget
        var computed = 0;
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(heavy, await cache.GetOrCreateAsync("heavy", () => { computed++; return Task.FromResult(heavy); }, ReadingCache.Weight));
        }
        Assert.Equal(3, computed);
    }

    [Fact]
    public async Task Values_without_an_estimate_count_as_the_default_weight()
    {
        var cache = Cache();
        // 100 KB holds twelve entries of 8 KB; the thirteenth does not fit until compaction frees room.
        for (var i = 0; i < 20; i++)
        {
            await cache.GetOrCreateAsync($"small:{i}", () => Task.FromResult(i));
        }
        Assert.InRange(_memory.GetCurrentStatistics()!.CurrentEstimatedSize ?? -1, 0, 100_000);
        Assert.True(_memory.Count <= 100_000 / ReadingCache.DefaultEntryBytes, $"{_memory.Count} entries held");
    }

    [Fact]
    public void A_string_weighs_two_bytes_a_character_and_its_header() =>
        Assert.Equal(24 + 2 * 5, ReadingCache.Weight("hello"));
}
