using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.UnitTests.Agreement;

public sealed class AsOfTextTests
{
    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31", "2024")]
    [InlineData("2024-10", "2024-10-01", "2024-10-31", "2024-10")]
    [InlineData("2024-11-07", "2024-11-07", "2024-11-07", "2024-11-07")]
    [InlineData("2024-01/2024-11", "2024-01-01", "2024-11-30", "2024-01/2024-11")]
    [InlineData("2022/2024", "2022-01-01", "2024-12-31", "2022/2024")]
    [InlineData("2024-10-15/2024-11", "2024-10-15", "2024-11-30", "2024-10-15/2024-11-30")]
    [InlineData(" 2024-10-01/2024-10-31 ", "2024-10-01", "2024-10-31", "2024-10")]
    public void A_date_or_period_reads_as_its_days_and_is_written_as_short_as_it_can_be(string text, string from, string to, string written)
    {
        Assert.True(AsOfText.TryParse(text, out var f, out var t));
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (f, t));
        Assert.Equal(written, AsOfText.Write(f, t));
        Assert.True(AsOfText.TryParse(written, out var f2, out var t2));
        Assert.Equal((f, t), (f2, t2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("October 2024")]
    [InlineData("2024-11/2024-10")]
    [InlineData("2024-13")]
    [InlineData("2024/2025/2026")]
    public void Anything_else_is_refused(string text) => Assert.False(AsOfText.TryParse(text, out _, out _));
}
