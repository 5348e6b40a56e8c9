using KnowledgeBase.Core.Seeding;
using KnowledgeBase.Testing;

namespace KnowledgeBase.UnitTests.Seeding;

public sealed class SeedRefusalTests : IDisposable
{
    private readonly SeedFolder _folder = SeedFolder.CopyOfOriginal();

    public void Dispose() => _folder.Dispose();

    private SeedImportException Refusal() =>
        Assert.Throws<SeedImportException>(() => SeedPlan.From(SeedFiles.Read(_folder.Path)));

    [Fact]
    public void An_unchanged_copy_of_the_seed_folder_plans_and_hashes_like_the_original()
    {
        var plan = SeedPlan.From(SeedFiles.Read(_folder.Path));

        Assert.Equal(SeedFiles.Read(SeedFolder.Original).ContentHash, plan.ContentHash);
    }

    [Fact]
    public void Changing_a_file_changes_the_content_hash()
    {
        var before = SeedFiles.Read(_folder.Path).ContentHash;
        _folder.EditClaim(Seed.Claims.ForeignTradeActClause, "stipulates that strategic", "stipulates that all strategic");

        Assert.NotEqual(before, SeedFiles.Read(_folder.Path).ContentHash);
    }

    [Fact]
    public void Five_corruptions_are_reported_as_five_problems_each_naming_its_claim()
    {
        // 1. A quote changed to words the document does not contain.
        _folder.EditClaim(Seed.Claims.TroopsInKursk, "quote: around 8,000 of whom", "quote: around 9,000 of whom");
        // 2. A footnote number that is not the one backing the sentence.
        _folder.EditClaim(Seed.Claims.CannonFodder, "footnote: 4", "footnote: 5");
        // 3. A topic that topics.yaml does not define.
        _folder.EditClaim(Seed.Claims.ArmsRaceRisk, $"topics: [{Seed.Topics.KoreanPeninsulaSecurity}]", "topics: [no-such-topic]");
        // 4. A figure the grammar does not understand.
        _folder.EditClaim(Seed.Claims.Contributions394Million, "\n  figure: \"$394 million\"", "\n  figure: lots of money");
        // 5. A pull-quote sentence without the suffix that picks its occurrence.
        _folder.EditClaim(Seed.Claims.RussianTechnologyTransfer, "\n      suffix: \" such as\"", "");

        var refusal = Refusal();

        Assert.Equal(5, refusal.Problems.Count);
        Assert.Contains("(5 problems)", refusal.Message);
        Assert.Single(refusal.Problems, p =>
            p.StartsWith($"claim '{Seed.Claims.TroopsInKursk}', citation 1 ({Seed.Usip.Slug}):", StringComparison.Ordinal)
            && p.Contains("the quote is not in the document", StringComparison.Ordinal)
            && p.Contains("around 9,000 of whom", StringComparison.Ordinal));
        Assert.Single(refusal.Problems, p =>
            p.StartsWith($"claim '{Seed.Claims.CannonFodder}', citation 1 ({Seed.MpIdsa.Slug}):", StringComparison.Ordinal)
            && p.Contains("footnote 5 is given, but the quote's sentence is backed by footnote 4", StringComparison.Ordinal));
        Assert.Single(refusal.Problems, p =>
            p.StartsWith($"claim '{Seed.Claims.ArmsRaceRisk}':", StringComparison.Ordinal)
            && p.Contains("unknown topic 'no-such-topic'", StringComparison.Ordinal));
        Assert.Single(refusal.Problems, p =>
            p.StartsWith($"claim '{Seed.Claims.Contributions394Million}':", StringComparison.Ordinal)
            && p.Contains("lots of money", StringComparison.Ordinal)
            && p.Contains("no amount", StringComparison.Ordinal));
        Assert.Single(refusal.Problems, p =>
            p.StartsWith($"claim '{Seed.Claims.RussianTechnologyTransfer}', citation 1 ({Seed.Usip.Slug}):", StringComparison.Ordinal)
            && p.Contains("occurs 2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_problem_is_in_the_exception_message()
    {
        _folder.EditClaim(Seed.Claims.CannonFodder, "footnote: 4", "footnote: 5");
        _folder.EditClaim(Seed.Claims.ArmsRaceRisk, $"topics: [{Seed.Topics.KoreanPeninsulaSecurity}]", "topics: [no-such-topic]");

        var refusal = Refusal();

        Assert.Equal(2, refusal.Problems.Count);
        Assert.All(refusal.Problems, p => Assert.Contains(p, refusal.Message));
        Assert.StartsWith("Seed import refused, nothing was imported (2 problems)", refusal.Message);
    }

    [Fact]
    public void An_ambiguous_quote_lists_where_it_occurs()
    {
        _folder.EditClaim(Seed.Claims.RussianTechnologyTransfer, "\n      suffix: \" such as\"", "");

        var problem = Assert.Single(Refusal().Problems);

        Assert.Contains("[the possibility that Russia might provide North Korea with advanced military technologies]", problem);
        Assert.Contains("such as", problem);
    }

    [Fact]
    public void A_footnote_given_for_a_sentence_no_marker_closes_is_refused()
    {
        _folder.EditClaim(
            Seed.Claims.NoDirectLethalArms,
            "quote: Seoul has refrained from providing lethal weapons directly to Ukraine\n      stance: supports",
            "quote: Seoul has refrained from providing lethal weapons directly to Ukraine\n      stance: supports\n      footnote: 23");

        var problem = Assert.Single(Refusal().Problems);

        Assert.StartsWith($"claim '{Seed.Claims.NoDirectLethalArms}', citation 2 ({Seed.MpIdsa.Slug}):", problem);
        Assert.Contains("footnote 23 is given, but the quote is not in a footnote and no marker closes its sentence", problem);
    }

    [Fact]
    public void A_citation_of_an_unknown_source_is_refused()
    {
        _folder.EditClaim(Seed.Claims.ForeignTradeActClause, $"source: {Seed.Usip.Slug}", "source: usip-2025");

        var problem = Assert.Single(Refusal().Problems);

        Assert.Equal($"claim '{Seed.Claims.ForeignTradeActClause}', citation 1: unknown source 'usip-2025'.", problem);
    }

    [Fact]
    public void A_bad_stance_is_refused()
    {
        _folder.EditClaim(Seed.Claims.ForeignTradeActClause, "stance: supports", "stance: agrees");

        var problem = Assert.Single(Refusal().Problems);

        Assert.StartsWith($"claim '{Seed.Claims.ForeignTradeActClause}', citation 1: stance 'agrees'", problem);
    }

    [Fact]
    public void A_duplicate_claim_slug_is_refused()
    {
        _folder.EditClaim(Seed.Claims.ForeignTradeActClause, $"- slug: {Seed.Claims.ForeignTradeActClause}\n", $"- slug: {Seed.Claims.DirectArmsViolateTradeAct}\n");

        var problem = Assert.Single(Refusal().Problems);

        Assert.StartsWith($"claim '{Seed.Claims.DirectArmsViolateTradeAct}':", problem);
        Assert.Contains("used by another claim", problem);
    }

    [Fact]
    public void An_unknown_field_in_claims_yaml_is_refused_naming_the_file_and_line()
    {
        _folder.EditClaim(Seed.Claims.ForeignTradeActClause, $"  topics: [{Seed.Topics.DomesticConstraints}]\n", $"  topics: [{Seed.Topics.DomesticConstraints}]\n  colour: red\n");

        var problem = Assert.Single(Assert.Throws<SeedImportException>(() => SeedFiles.Read(_folder.Path)).Problems);

        Assert.StartsWith("claims.yaml: line ", problem);
    }

    [Fact]
    public void A_missing_topics_file_is_refused()
    {
        File.Delete(Path.Combine(_folder.Path, "topics.yaml"));

        var problem = Assert.Single(Assert.Throws<SeedImportException>(() => SeedFiles.Read(_folder.Path)).Problems);

        Assert.StartsWith("topics.yaml is missing", problem);
    }

    [Fact]
    public void A_missing_folder_is_refused()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var problem = Assert.Single(Assert.Throws<SeedImportException>(() => SeedFiles.Read(missing)).Problems);

        Assert.Contains("does not exist", problem);
    }

    [Fact]
    public void A_footnote_without_a_front_matter_entry_is_refused_naming_the_source_file()
    {
        _folder.Edit(
            _folder.SourceFile(Seed.MpIdsa.Slug),
            "  27:\n    authors: Hyung-Jin Kim\n",
            "  28:\n    authors: Hyung-Jin Kim\n");

        var problems = Refusal().Problems;

        Assert.Contains($"sources/{Seed.MpIdsa.Slug}.md: footnote 27 has no entry under 'footnotes:' in the front matter.", problems);
        Assert.Contains($"sources/{Seed.MpIdsa.Slug}.md: the front matter describes footnote 28, but the text has no footnote 28.", problems);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_footnote_definition_that_the_text_never_references_is_refused()
    {
        var file = _folder.SourceFile(Seed.MpIdsa.Slug);
        // README: "markers must run 1, 2, 3, … through the text, each used, and every definition referenced".
        File.AppendAllText(file, "\n\n[^28]: An orphan note nobody cites.\n");

        var problems = Refusal().Problems;

        Assert.Contains(problems, p => p.StartsWith($"sources/{Seed.MpIdsa.Slug}.md:", StringComparison.Ordinal) && p.Contains("never referenced", StringComparison.Ordinal));
    }

    [Fact]
    public void A_footnoted_source_without_a_footnotes_map_in_its_front_matter_is_refused()
    {
        var file = _folder.SourceFile(Seed.MpIdsa.Slug);
        var text = File.ReadAllText(file);
        var start = text.IndexOf("\nfootnotes:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "the IDSA front matter should end with its footnotes map");
        File.WriteAllText(file, text[..start] + text[end..]);

        var problems = Refusal().Problems;

        Assert.Contains($"sources/{Seed.MpIdsa.Slug}.md: footnote 1 has no entry under 'footnotes:' in the front matter.", problems);
        Assert.Equal(Seed.MpIdsa.FootnoteCount, problems.Count);
    }
}
