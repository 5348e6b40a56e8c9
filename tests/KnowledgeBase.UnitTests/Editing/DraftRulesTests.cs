using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Testing;

namespace KnowledgeBase.UnitTests.Editing;

public sealed class DraftRulesTests
{
    private static ClaimDraft Claim() => new()
    {
        Slug = Seed.Claims.TroopsSentToRussia,
        Statement = "North Korea has sent about 10,000 troops to Russia.",
        Figure = "about 10,000 troops",
        Topics = [Seed.Topics.TroopDeployment],
        Citations = [new() { SourceSlug = Seed.Usip.Slug, Quote = "North Korea has sent approximately 10,000 troops", Stance = "supports" }],
    };

    private static SourceDraft Source() => new()
    {
        Slug = "example-2025",
        Title = "An Example",
        ShortName = "EX",
        Authors = ["A. Writer"],
        Publisher = "Example Institute",
        Kind = "analysis",
        Published = "2025-01",
        Url = "https://example.org/a",
        Retrieved = "2025-02-01",
        BodyMarkdown = "One sentence.[^1] Another.[^2]\n\n[^1]: First note.\n[^2]: Second note.\n",
        Footnotes = { [1] = new() { Outlet = "Yonhap", Url = "https://example.org/1" }, [2] = new() { Outlet = "KCNA" } },
    };

    private static IEnumerable<string> Fields(IEnumerable<FieldError> errors) => errors.Select(e => e.Field);

    [Fact]
    public void A_complete_claim_draft_passes()
    {
        Assert.Empty(DraftRules.Check(Claim()));
    }

    [Fact]
    public void Required_claim_fields_are_refused_each_on_its_own_field()
    {
        var errors = DraftRules.Check(new ClaimDraft { Citations = [new() { Stance = "" }] });

        Assert.Equal(
            new[] { "statement", "topics", "citations[0].source", "citations[0].quote" },
            Fields(errors));
    }

    [Theory]
    [InlineData("statement", "Troops\0 in Russia")]
    [InlineData("slug", "Not A Slug")]
    [InlineData("slug", "double--hyphen")]
    [InlineData("figure", "lots of troops")]
    [InlineData("topics[0]", "Troop Deployment")]
    [InlineData("citations[0].stance", "agrees")]
    [InlineData("citations[0].figure", "some")]
    [InlineData("citations[0].quote", "words\0")]
    [InlineData("citations[0].footnote", "0")]
    public void A_bad_value_is_refused_on_its_field(string field, string value)
    {
        var draft = Claim();
        switch (field)
        {
            case "statement": draft.Statement = value; break;
            case "slug": draft.Slug = value; break;
            case "figure": draft.Figure = value; break;
            case "topics[0]": draft.Topics[0] = value; break;
            case "citations[0].stance": draft.Citations[0].Stance = value; break;
            case "citations[0].figure": draft.Citations[0].Figure = value; break;
            case "citations[0].quote": draft.Citations[0].Quote = value; break;
            case "citations[0].footnote": draft.Citations[0].Footnote = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var error = Assert.Single(DraftRules.Check(draft));

        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Text_postgresql_cannot_store_is_refused_but_paired_surrogates_are_fine()
    {
        foreach (var broken in new[] { "A lone \ud800 high surrogate", "A lone \udc00 low surrogate", "Ends with \ud83d" })
        {
            var draft = Claim();
            draft.Statement = broken;

            var error = Assert.Single(DraftRules.Check(draft));

            Assert.Equal("statement", error.Field);
            Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        }
        var emoji = Claim();
        emoji.Statement = "Troops \ud83e\ude96 in Russia.";
        Assert.Empty(DraftRules.Check(emoji));
    }

    [Fact]
    public void Lengths_follow_the_columns()
    {
        var draft = Claim();
        draft.Statement = new string('a', EditLimits.Statement + 1);
        draft.Slug = new string('a', EditLimits.Slug + 1);
        draft.Citations[0].Attribution = new string('a', EditLimits.Attribution + 1);

        var errors = DraftRules.Check(draft);

        Assert.Equal(new[] { "slug", "statement", "citations[0].attribution" }, Fields(errors));
        Assert.Contains("At most 2,000 characters", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_needs_a_known_flag_and_a_reason_and_a_reason_needs_a_flag()
    {
        var draft = Claim();
        draft.OverrideFlag = "agree";
        Assert.Equal(new[] { "overrideReason" }, Fields(DraftRules.Check(draft)));
        draft.OverrideReason = "Checked by hand.";
        Assert.Empty(DraftRules.Check(draft));
        draft.OverrideFlag = "";
        Assert.Equal(new[] { "overrideFlag" }, Fields(DraftRules.Check(draft)));
    }

    [Fact]
    public void A_complete_source_draft_passes_and_is_rendered()
    {
        var (errors, body) = DraftRules.Check(Source());

        Assert.Empty(errors);
        Assert.Equal(new[] { 1, 2 }, body!.Footnotes.Select(f => f.Number));
        Assert.Equal("Yonhap", body.Footnotes[0].Cites.Outlet);
        Assert.Contains("One sentence.", body.Rendered.CanonicalText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("http://")]
    public void Only_absolute_http_addresses_are_accepted(string url)
    {
        var draft = Source();
        draft.Url = url;
        draft.Footnotes[1].Url = url;

        var (errors, body) = DraftRules.Check(draft);

        Assert.Null(body);
        Assert.Contains(errors, e => e.Field == "url");
        Assert.Contains(errors, e => e.Field == "footnotes[1].url");
    }

    [Fact]
    public void Dates_names_and_text_are_checked_field_by_field()
    {
        var draft = Source();
        draft.Slug = "Bad Slug";
        draft.Title = "Title\0";
        draft.ShortName = "";
        draft.Published = "December 2024";
        draft.Retrieved = "2025-13-01";
        draft.Authors = ["A. Writer", new string('x', EditLimits.Author + 1)];
        draft.Footnotes[2].Published = "yesterday";

        var (errors, _) = DraftRules.Check(draft);

        Assert.Equal(
            new[] { "slug", "title", "shortName", "published", "retrieved", "authors[1]", "footnotes[2].published" },
            Fields(errors));
    }

    [Fact]
    public void A_body_nested_too_deep_is_refused_with_the_line_and_the_limit()
    {
        var draft = Source();
        draft.BodyMarkdown = "Intro.\n\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- item\n"));

        var (errors, body) = DraftRules.Check(draft);

        Assert.Null(body);
        var error = Assert.Single(errors, e => e.Field == "bodyMarkdown");
        Assert.Contains($"the limit is {SourceRenderer.MaxNestingDepth}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Line 42 nests lists or block quotes 40 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_over_the_size_cap_is_refused_before_it_is_parsed()
    {
        var draft = Source();
        draft.BodyMarkdown = new string('a', SourceRenderer.MaxMarkdownLength + 1);

        var (errors, _) = DraftRules.Check(draft);

        Assert.Contains(errors, e => e.Field == "bodyMarkdown" && e.Message.Contains("the limit is 500,000", StringComparison.Ordinal));
    }

    [Fact]
    public void Footnote_problems_are_refused_on_the_body_or_on_the_footnote()
    {
        var draft = Source();
        draft.BodyMarkdown = "One sentence.[^2] Another.[^1]\n\n[^1]: First note.\n[^2]: Second note.\n[^3]: Never cited.\n";
        draft.Footnotes[7] = new CitedWork { Outlet = "Nowhere" };

        var (errors, _) = DraftRules.Check(draft);

        Assert.Contains(errors, e => e.Field == "bodyMarkdown" && e.Message.Contains("label footnotes by number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "bodyMarkdown" && e.Message.Contains("Footnote 3 is never referenced", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "footnotes[7]" && e.Message.Contains("has no footnote 7", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("North Korea has sent about 10,000 troops to Russia.", "north-korea-has-sent-about-10-000-troops-to-russia")]
    [InlineData("Seoul’s stance — on arming Ukraine?", "seoul-s-stance-on-arming-ukraine")]
    [InlineData("Ünïcödé café", "unicode-cafe")]
    [InlineData("!!!", "claim")]
    public void A_slug_is_derived_from_a_statement(string statement, string slug)
    {
        var derived = DraftRules.SlugFrom(statement);

        Assert.Equal(slug, derived);
        Assert.True(FieldRules.IsSlug(derived));
    }

    [Fact]
    public void A_derived_slug_is_cut_at_a_word_boundary()
    {
        var derived = DraftRules.SlugFrom(string.Join(' ', Enumerable.Repeat("troops", 30)));

        Assert.True(derived.Length <= 80);
        Assert.True(FieldRules.IsSlug(derived));
        Assert.EndsWith("troops", derived, StringComparison.Ordinal);
    }
}
