using KnowledgeBase.Testing;
using KnowledgeBase.Web.Outlets;

namespace KnowledgeBase.UnitTests.Outlets;

public sealed class OutletSlugTests
{
    [Theory]
    [InlineData("The Korea Times", Seed.Outlets.TheKoreaTimes)]
    [InlineData("Korea JoongAng Daily", Seed.Outlets.KoreaJoongAngDaily)]
    [InlineData("KCNA", "kcna")]
    [InlineData("International Journal of Korean Unification Studies", "international-journal-of-korean-unification-studies")]
    [InlineData("  Al   Jazeera  ", "al-jazeera")]
    [InlineData("The Associated Press (AP)", "the-associated-press-ap")]
    [InlineData("Reuters' World Desk", "reuters-world-desk")]
    [InlineData("Xinhua’s English Service", "xinhuas-english-service")]
    [InlineData("Le Monde diplomatique — édition française", "le-monde-diplomatique-edition-francaise")]
    [InlineData("38 North", "38-north")]
    public void An_outlet_name_becomes_lower_case_words_joined_by_hyphens(string name, string slug) =>
        Assert.Equal(slug, OutletSlug.From(name));

    [Theory]
    [InlineData("연합뉴스", "연합뉴스")]
    [InlineData("Yonhap 연합 News", "yonhap-연합-news")]
    [InlineData("हिन्दुस्तान टाइम्स", "हिन्दुस्तान-टाइम्स")]
    public void Other_scripts_are_kept_whole(string name, string slug) =>
        Assert.Equal(slug, OutletSlug.From(name));

    [Fact]
    public void Spellings_that_differ_in_case_or_punctuation_are_one_outlet()
    {
        Assert.Equal(OutletSlug.From("The Korea Times"), OutletSlug.From("the korea times"));
        Assert.Equal(OutletSlug.From("The Korea Times"), OutletSlug.From("The Korea-Times."));
        Assert.NotEqual(OutletSlug.From("The Korea Times"), OutletSlug.From("The Korea Herald"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— / —")]
    public void A_name_without_letters_or_digits_has_no_slug(string? name) =>
        Assert.Equal("", OutletSlug.From(name));
}
