using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Compare;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.UnitTests.Shared;

/// <summary>The slugs are public (URLs, seed files, the API) and come from member names: these pin every one.</summary>
public sealed class EnumSlugsTests
{
    [Fact]
    public void Every_slug_is_the_one_urls_seed_files_and_the_api_use()
    {
        Assert.Equal(["single-source", "agree", "partial", "conflict", "timeline"], Slugs<AgreementFlag>());
        Assert.Equal(["own", "attributed", "headline"], Slugs<Voice>());
        Assert.Equal(["stated", "estimated", "reported", "claimed", "expected", "possible"], Slugs<Certainty>());
        Assert.Equal(["supports", "supports-in-part", "contradicts", "mentions"], Slugs<Stance>());
        Assert.Equal(["exact", "moved", "fuzzy", "orphaned"], Slugs<AnchorStatus>());
        Assert.Equal(["claim", "source"], Slugs<RevisionEntity>());
        Assert.Equal(["created", "updated", "deleted", "undeleted", "restored", "imported"], Slugs<RevisionAction>());
        Assert.Equal(["newest", "oldest", "agreement"], Slugs<ClaimSort>());
        Assert.Equal(["flag", "left", "right"], Slugs<CompareSort>());
    }

    [Theory]
    [InlineData("supports-in-part", true)]
    [InlineData("Supports-In-Part", true)]
    [InlineData("supportsinpart", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_slug_parses_back_ignoring_case(string? slug, bool parses)
    {
        Assert.Equal(parses, EnumSlugs.TryParse(slug, out Stance stance));
        Assert.Equal(parses ? Stance.SupportsInPart : default, stance);
    }

    [Fact]
    public void A_value_outside_the_enum_has_no_slug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumSlugs.ToSlug((Stance)99));

    private static string[] Slugs<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(value => EnumSlugs.ToSlug(value))];
}
