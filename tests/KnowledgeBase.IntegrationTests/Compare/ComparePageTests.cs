using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Compare;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Compare;

[Collection(AppCollection.Name)]
public sealed class ComparePageTests(KnowledgeBaseApp app)
{

    private readonly HttpClient _client = PageClient.For(app);

    private sealed record Expected(long Id, string Slug, AgreementFlag Agreement);

    private async Task<IDocument> GetDocumentAsync(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {url} answered {(int)response.StatusCode}, expected {(int)status}");
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>Claims citing <paramref name="slug"/> and (or not) <paramref name="other"/>, worked out from the tables directly.</summary>
    private Task<List<Expected>> ClaimsAsync(string slug, string other, bool alsoOther) =>
        app.QueryAsync(db => db.Claims
            .Where(c => c.Citations.Any(x => x.Passage!.Source!.Slug == slug)
                && c.Citations.Any(x => x.Passage!.Source!.Slug == other) == alsoOther)
            .Select(c => new Expected(c.Id, c.Slug, c.Agreement))
            .ToListAsync());

    /// <summary>Each claim's first position in a document.</summary>
    private Task<Dictionary<long, int>> PositionsAsync(string slug) =>
        app.QueryAsync(db => db.Citations
            .Where(x => x.Passage!.Source!.Slug == slug)
            .GroupBy(x => x.ClaimId)
            .Select(g => new { g.Key, Start = g.Min(x => x.Passage!.Start) })
            .ToDictionaryAsync(x => x.Key, x => x.Start));

    private static List<long> RowIds(IDocument page) =>
        page.QuerySelectorAll("#shared article.compare-row").Select(a => long.Parse(a.Id!["shared-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private async Task<IElement> RowAsync(IDocument page, string slug)
    {
        var claim = await app.ClaimAsync(slug);
        return page.GetElementById($"shared-{claim.Id}") ?? throw new Xunit.Sdk.XunitException($"No shared row for {slug}");
    }

    [Fact]
    public async Task The_pairwise_verdict_read_at_the_page_is_the_stored_verdict_when_only_the_two_documents_cite_a_claim()
    {
        // The stored flags were derived at import from the whole text; the page reads a window around each passage.
        // Both go through CitationFacts, so with only USIP and MP-IDSA citing, flag and rationale are the same.
        var stored = await app.QueryAsync(db => db.Claims.Select(c => new { c.Id, c.ComputedAgreement, c.AgreementRationale }).ToDictionaryAsync(c => c.Id));

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var rows = page.QuerySelectorAll("#shared article.compare-row");
        Assert.Equal(Seed.ClaimsCitedByBoth, rows.Length);
        foreach (var row in rows)
        {
            var claim = stored[long.Parse(row.Id!["shared-".Length..], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(claim.AgreementRationale, row.QuerySelector(".compare-row-pair .compare-row-rationale")!.TextContent);
            Assert.Equal(claim.ComputedAgreement.ToLabel(), row.QuerySelector(".compare-row-pair .agreement-label")!.TextContent);
        }
    }

    [Fact]
    public async Task The_seed_pair_shows_every_claim_both_make_with_its_flag_and_nothing_else()
    {
        var expected = await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: true);

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Id).Order(), RowIds(page).Order());
        foreach (var claim in expected)
        {
            var row = page.GetElementById($"shared-{claim.Id}")!;
            Assert.Contains($"compare-row-{claim.Agreement.ToSlug()}", row.ClassList);
            Assert.Equal(claim.Agreement.ToLabel(), row.QuerySelector(".compare-row-verdict .agreement-label")!.TextContent);
            Assert.EndsWith($"/{claim.Slug}", row.QuerySelector(".compare-row-statement a")!.GetAttribute("href"));
            Assert.False(string.IsNullOrWhiteSpace(row.QuerySelector(".compare-row-rationale")!.TextContent));
        }
        Assert.Equal($"({expected.Count})", page.QuerySelector("#shared-heading .compare-heading-count")!.TextContent);
    }

    [Fact]
    public async Task The_summary_counts_shared_claims_by_flag_and_the_claims_each_side_makes_alone()
    {
        var shared = await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: true);
        var onlyUsip = await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: false);
        var onlyIdsa = await ClaimsAsync(Seed.MpIdsa.Slug, Seed.Usip.Slug, alsoOther: false);

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var main = page.QuerySelectorAll(".compare-count-main").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([$"{onlyUsip.Count} only in USIP", $"{shared.Count} claims both make", $"{onlyIdsa.Count} only in MP-IDSA"], main);
        var byFlag = page.QuerySelectorAll(".compare-flag-counts a")
            .ToDictionary(a => a.QuerySelector(".agreement-label")!.TextContent, a => int.Parse(a.QuerySelector(".compare-flag-count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var flag in new[] { AgreementFlag.Timeline, AgreementFlag.Partial, AgreementFlag.Agree })
        {
            Assert.Equal(shared.Count(c => c.Agreement == flag), byFlag[flag.ToLabel()]);
        }
        Assert.True(new[] { AgreementFlag.Timeline, AgreementFlag.Partial, AgreementFlag.Agree }.All(f => byFlag[f.ToLabel()] > 0), "the seed pair has changes over time, partial agreements and agreements");
    }

    [Fact]
    public async Task The_header_introduces_both_documents()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        Assert.Equal("USIP and MP-IDSA compared · KnowledgeBase", page.Title);
        var left = page.QuerySelector(".compare-doc-left")!.TextContent;
        var right = page.QuerySelector(".compare-doc-right")!.TextContent;
        Assert.Contains("How Should Seoul Respond to North Korea's Soldiers in Russia?", left);
        Assert.Contains("Lami Kim", left);
        Assert.Contains("November 2024", left);
        Assert.Contains("United States Institute of Peace", left);
        Assert.Contains("analysis", left);
        Assert.Contains("Ranjit Kumar Dhawan", right);
        Assert.Contains("5 December 2024", right);
        Assert.Contains("commentary", right);
        Assert.Equal(Links.Source(Seed.Usip.Slug), page.QuerySelector(".compare-doc-left h2 a")!.GetAttribute("href"));
        Assert.EndsWith(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug), page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("claims both make", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task The_troops_row_sets_approximately_10000_against_thousands()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var row = await RowAsync(page, Seed.Claims.TroopsSentToRussia);
        Assert.Contains("agreement-partial", row.QuerySelector(".agreement")!.ClassList);
        var left = row.QuerySelector(".passage-panel-left")!;
        var right = row.QuerySelector(".passage-panel-right")!;
        Assert.Equal("USIP", left.QuerySelector(".passage-panel-name")!.TextContent);
        Assert.Equal("approximately 10,000 troops", left.QuerySelector(".compared-figure .figure-chip")!.TextContent);
        Assert.Contains("approximately 10,000 troops", left.QuerySelector("mark.quote-exact")!.TextContent);
        Assert.Equal("Washington estimates", left.QuerySelector(".compared-attribution")!.TextContent);
        Assert.Equal("MP-IDSA", right.QuerySelector(".passage-panel-name")!.TextContent);
        Assert.Equal("thousands of troops", right.QuerySelector(".compared-figure .figure-chip")!.TextContent);
        Assert.Contains("thousands of North Korean troops", right.QuerySelector("mark.quote-exact")!.TextContent);
    }

    [Fact]
    public async Task The_payment_row_sets_2000_dollars_a_soldier_a_month_against_200m_a_year()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var row = await RowAsync(page, Seed.Claims.RussiaPaysNorthKorea);
        var left = row.QuerySelector(".passage-panel-left")!;
        var right = row.QuerySelector(".passage-panel-right")!;
        // The figure as USIP states it, its words only; the seed records no editor's derivation for it.
        Assert.Equal("$2,000 per soldier per month; $20 million each month", left.QuerySelector(".compared-figure .figure-chip")!.TextContent);
        Assert.Null(left.QuerySelector(".derived-figure"));
        Assert.Contains("$200m", right.QuerySelector(".compared-figure .figure-chip")!.TextContent);
        Assert.Equal("$200m A Year", right.QuerySelector("mark.quote-exact")!.TextContent);
        Assert.StartsWith("[11]", right.QuerySelector(".compared-footnote a")!.TextContent);
        Assert.Equal(Links.Footnote(Seed.MpIdsa.Slug, 11), right.QuerySelector(".compared-footnote a")!.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(right.QuerySelector(".compared-outlet")!.TextContent));
        Assert.Contains("17%", row.QuerySelector(".compare-row-rationale")!.TextContent);
    }

    [Fact]
    public async Task Every_passage_link_points_into_its_own_document_at_a_passage_of_that_document()
    {
        var usipPassages = await app.QueryAsync(db => db.Passages.Where(p => p.Source!.Slug == Seed.Usip.Slug).Select(p => p.Id).ToListAsync());
        var idsaPassages = await app.QueryAsync(db => db.Passages.Where(p => p.Source!.Slug == Seed.MpIdsa.Slug).Select(p => p.Id).ToListAsync());

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var left = page.QuerySelectorAll(".compare-row .passage-panel-left a.compared-passage-link, #only-left a.compared-passage-link").Select(a => a.GetAttribute("href")!).ToList();
        var right = page.QuerySelectorAll(".compare-row .passage-panel-right a.compared-passage-link, #only-right a.compared-passage-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(left);
        Assert.NotEmpty(right);
        Assert.All(left, href => Assert.Contains(href, usipPassages.Select(id => Links.Passage(Seed.Usip.Slug, id))));
        Assert.All(right, href => Assert.Contains(href, idsaPassages.Select(id => Links.Passage(Seed.MpIdsa.Slug, id))));
        // Every citation of a shared claim in either document is shown: none is dropped.
        var sharedCitations = await app.QueryAsync(db => db.Citations
            .Where(x => x.Claim!.Citations.Any(y => y.Passage!.Source!.Slug == Seed.Usip.Slug) && x.Claim.Citations.Any(y => y.Passage!.Source!.Slug == Seed.MpIdsa.Slug))
            .Where(x => x.Passage!.Source!.Slug == Seed.Usip.Slug || x.Passage.Source.Slug == Seed.MpIdsa.Slug)
            .CountAsync());
        Assert.Equal(sharedCitations, page.QuerySelectorAll(".compare-row figure.compared-passage").Length);
    }

    [Fact]
    public async Task The_single_side_lists_hold_exactly_the_claims_only_that_document_makes()
    {
        var onlyUsip = await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: false);
        var onlyIdsa = await ClaimsAsync(Seed.MpIdsa.Slug, Seed.Usip.Slug, alsoOther: false);
        var trade = await app.ClaimAsync(Seed.Claims.ForeignTradeActClause);
        var killed = await app.ClaimAsync(Seed.Claims.About500Killed);

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var left = page.QuerySelectorAll("#only-left li.only-item").Select(li => li.Id!).ToList();
        var right = page.QuerySelectorAll("#only-right li.only-item").Select(li => li.Id!).ToList();
        Assert.Equal(onlyUsip.Select(c => $"only-left-{c.Id}").Order(), left.Order());
        Assert.Equal(onlyIdsa.Select(c => $"only-right-{c.Id}").Order(), right.Order());
        Assert.Contains($"only-left-{trade.Id}", left);
        Assert.Contains($"only-right-{killed.Id}", right);
        Assert.Null(page.GetElementById($"shared-{trade.Id}"));
        Assert.Contains("Only in USIP", page.QuerySelector("#only-left-heading")!.TextContent);
        Assert.Contains("Only in MP-IDSA", page.QuerySelector("#only-right-heading")!.TextContent);
        var tradeItem = page.GetElementById($"only-left-{trade.Id}")!;
        Assert.Equal("strategic materials shall only be licensed if they are used for peaceful purposes", tradeItem.QuerySelector("mark.quote-exact")!.TextContent);
        // Both about-500-killed passages are MP-IDSA's, and both are shown.
        Assert.Equal(2, page.GetElementById($"only-right-{killed.Id}")!.QuerySelectorAll("figure.compared-passage").Length);
    }

    [Fact]
    public async Task The_single_side_lists_run_in_their_documents_order()
    {
        var positions = await PositionsAsync(Seed.Usip.Slug);

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        var ids = page.QuerySelectorAll("#only-left li.only-item").Select(li => long.Parse(li.Id!["only-left-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.OrderBy(id => positions[id]).ThenBy(id => id), ids);
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("partial")]
    [InlineData("agree")]
    public async Task The_flag_filter_shows_only_shared_claims_with_that_flag(string slug)
    {
        Assert.True(EnumSlugs.TryParse<AgreementFlag>(slug, out var flag));
        var expected = (await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: true)).Where(c => c.Agreement == flag).Select(c => c.Id).Order().ToList();

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, flag: slug));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, RowIds(page).Order());
        Assert.Equal(slug, page.QuerySelector("select#compare-flag option[selected]")!.GetAttribute("value"));
        Assert.Contains($"{expected.Count} of", page.QuerySelector(".compare-showing")!.TextContent);
        // The single-side lists are not filtered.
        Assert.NotEmpty(page.QuerySelectorAll("#only-left li.only-item"));
    }

    [Fact]
    public async Task A_flag_no_shared_claim_carries_says_so()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, flag: "single-source"));

        Assert.Empty(RowIds(page));
        Assert.Contains("None of the", page.QuerySelector(".compare-showing")!.TextContent);
    }

    [Fact]
    public async Task By_default_conflicts_come_first_then_changes_over_time_then_partial_then_agree_each_in_the_left_documents_order()
    {
        var expected = await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: true);
        var positions = await PositionsAsync(Seed.Usip.Slug);
        var rank = new Dictionary<AgreementFlag, int> { [AgreementFlag.Conflict] = 0, [AgreementFlag.Timeline] = 1, [AgreementFlag.Partial] = 2, [AgreementFlag.Agree] = 3, [AgreementFlag.SingleSource] = 4 };

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        Assert.Equal(
            expected.OrderBy(c => rank[c.Agreement]).ThenBy(c => positions[c.Id]).ThenBy(c => c.Id).Select(c => c.Id),
            RowIds(page));
    }

    [Theory]
    [InlineData("left", Seed.Usip.Slug)]
    [InlineData("right", Seed.MpIdsa.Slug)]
    public async Task The_shared_claims_can_follow_either_documents_order(string sort, string document)
    {
        var expected = await ClaimsAsync(Seed.Usip.Slug, Seed.MpIdsa.Slug, alsoOther: true);
        var positions = await PositionsAsync(document);

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, sort: sort));

        Assert.Equal(expected.Select(c => c.Id).OrderBy(id => positions[id]).ThenBy(id => id), RowIds(page));
        Assert.Equal(sort, page.QuerySelector("select#compare-sort option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_swap_link_puts_the_right_document_on_the_left()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));
        var swap = page.QuerySelector("a.compare-swap")!.GetAttribute("href")!;

        Assert.Equal(Links.Compare(Seed.MpIdsa.Slug, Seed.Usip.Slug), swap);
        var swapped = await GetDocumentAsync(swap);
        Assert.Equal("MP-IDSA and USIP compared · KnowledgeBase", swapped.Title);
        Assert.All(swapped.QuerySelectorAll(".compare-row .passage-panel-left .passage-panel-name"), n => Assert.Equal("MP-IDSA", n.TextContent));
        Assert.All(swapped.QuerySelectorAll(".compare-row .passage-panel-right .passage-panel-name"), n => Assert.Equal("USIP", n.TextContent));
        Assert.Contains("Only in MP-IDSA", swapped.QuerySelector("#only-left-heading")!.TextContent);
        Assert.Equal(RowIds(page).Order(), RowIds(swapped).Order());
    }

    [Fact]
    public async Task Swapping_keeps_the_flag_filter_and_the_same_documents_order()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, flag: "partial", sort: "left"));

        Assert.Equal(Links.Compare(Seed.MpIdsa.Slug, Seed.Usip.Slug, flag: "partial", sort: "right"), page.QuerySelector("a.compare-swap")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Walking_keyset_pages_returns_every_shared_claim_once_in_order_for_every_sort()
    {
        var (usipId, idsaId) = await SourceIdsAsync();
        foreach (var sort in Enum.GetValues<CompareSort>())
        {
            var all = await app.QueryAsync(db => CompareQueries.SharedAsync(db, usipId, idsaId, null, sort, null, CancellationToken.None));
            Assert.Null(all.Next);

            var seen = new List<long>();
            CompareCursor? after = null;
            var pages = 0;
            do
            {
                var page = await app.QueryAsync(db => CompareQueries.SharedAsync(db, usipId, idsaId, null, sort, after, CancellationToken.None, pageSize: 4));
                seen.AddRange(page.Items.Select(r => r.ClaimId));
                after = page.Next;
                pages++;
            }
            while (after is not null);

            Assert.Equal(all.Items.Select(r => r.ClaimId), seen);
            Assert.Equal((all.Items.Count + 3) / 4, pages);
        }
    }

    [Fact]
    public async Task Walking_keyset_pages_returns_every_single_side_claim_once_in_order()
    {
        var (usipId, idsaId) = await SourceIdsAsync();
        var all = await app.QueryAsync(db => CompareQueries.OnlyInAsync(db, idsaId, usipId, CompareCursor.OnlyRight, null, CancellationToken.None));

        var seen = new List<long>();
        CompareCursor? after = null;
        do
        {
            var page = await app.QueryAsync(db => CompareQueries.OnlyInAsync(db, idsaId, usipId, CompareCursor.OnlyRight, after, CancellationToken.None, pageSize: 5));
            Assert.All(page.Items, r => Assert.NotEmpty(r.Passages));
            seen.AddRange(page.Items.Select(r => r.ClaimId));
            after = page.Next;
            Assert.True(after is null || after.List == CompareCursor.OnlyRight);
        }
        while (after is not null);

        Assert.Equal(all.Items.Select(r => r.ClaimId), seen);
        Assert.True(seen.Count > 5);
    }

    [Fact]
    public async Task A_page_link_is_a_stable_url_that_continues_after_its_cursor()
    {
        var (usipId, idsaId) = await SourceIdsAsync();
        var all = await app.QueryAsync(db => CompareQueries.SharedAsync(db, usipId, idsaId, null, CompareSort.Flag, null, CancellationToken.None));
        var first = await app.QueryAsync(db => CompareQueries.SharedAsync(db, usipId, idsaId, null, CompareSort.Flag, null, CancellationToken.None, pageSize: 6));
        var token = first.Next!.Encode();

        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, after: token));

        Assert.Equal(all.Items.Skip(6).Select(r => r.ClaimId), RowIds(page));
        Assert.Equal(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug) + "#shared", page.QuerySelector("#shared nav.pager a[rel=first]")!.GetAttribute("href"));
        Assert.EndsWith(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, after: token), page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        // The other lists keep their first page.
        Assert.NotEmpty(page.QuerySelectorAll("#only-left li.only-item"));
    }

    [Fact]
    public async Task The_seed_pair_fits_on_one_page_with_no_next_links()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug));

        Assert.Empty(page.QuerySelectorAll("a[rel=next]"));
        Assert.Empty(page.QuerySelectorAll("a[rel=first]"));
    }

    [Fact]
    public async Task A_page_costs_the_same_fixed_number_of_queries_whatever_it_shows()
    {
        // Whichever tests ran before on this app: the app's first request (which also loads the DataProtection key ring)
        // is another page's, and no pair's documents are cached (other tests view this pair).
        await GetDocumentAsync("/");
        await app.Services.GetRequiredService<ReadingCache>().DropAsync(CancellationToken.None);
        var first = true;
        foreach (var url in new[]
        {
            Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, flag: "agree"),
            Links.Compare(Seed.MpIdsa.Slug, Seed.Usip.Slug, flag: "partial", sort: "right"),
            Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, flag: "single-source"),
        })
        {
            using var counter = new SqlCommandCounter(app.Database.Name);
            await GetDocumentAsync(url);
            // The documents (the first time: then they are kept for the pair, in either order), the counts, a page of
            // shared claims, a page of each single-side list.
            var expected = first ? 5 : 4;
            first = false;
            Assert.True(counter.Commands.Count == expected, $"{url} ran {counter.Commands.Count} queries, not {expected}:\n{string.Join("\n---\n", counter.Commands)}");
        }
    }

    [Fact]
    public async Task Without_documents_the_page_offers_a_form_listing_every_source()
    {
        var slugs = await app.QueryAsync(db => db.Sources.Select(s => s.Slug).ToListAsync());

        var page = await GetDocumentAsync(Links.Compare());

        Assert.Equal("Compare two documents · KnowledgeBase", page.Title);
        var form = page.QuerySelector("form.compare-picker")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/compare", form.GetAttribute("action"));
        foreach (var name in new[] { "left", "right" })
        {
            var values = form.QuerySelectorAll($"select[name={name}] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
            Assert.Equal(slugs.Order(), values.Order()!);
        }
        Assert.Empty(page.QuerySelectorAll(".compare-row"));
    }

    [Fact]
    public async Task With_one_document_the_form_keeps_it_and_asks_for_the_second()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug));

        Assert.Equal(Seed.Usip.Slug, page.QuerySelector("select[name=left] option[selected]")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("select[name=right] option[selected]")!.GetAttribute("value"));
        Assert.Contains("choose the second document", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task An_empty_form_submission_is_the_picker_not_an_error()
    {
        var page = await GetDocumentAsync("/compare?left=&right=");

        Assert.NotNull(page.QuerySelector("form.compare-picker"));
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_that_names_it_and_keeps_the_known_one()
    {
        var page = await GetDocumentAsync(Links.Compare(Seed.Usip.Slug, "no-such-report"), HttpStatusCode.NotFound);

        Assert.Contains("There is no document “no-such-report”", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(Seed.Usip.Slug, page.QuerySelector("select[name=left] option[selected]")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("select[name=right] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Two_unknown_documents_are_both_named()
    {
        var page = await GetDocumentAsync(Links.Compare("no-such-a", "no-such-b"), HttpStatusCode.NotFound);

        Assert.Contains("“no-such-a” or “no-such-b”", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Theory]
    [InlineData("left=USIP!&right=" + Seed.MpIdsa.Slug, "is not a document identifier")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.Usip.Slug, "same document")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug + "&flag=maybe", "is not an agreement flag")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug + "&sort=sideways", "is not an order")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug + "&after=abc", "page cursor for the shared claims")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug + "&after=%00", "control character")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug + "&left-after=12", "page cursor for the claims only the left document makes")]
    [InlineData("left=" + Seed.Usip.Slug + "&right=" + Seed.MpIdsa.Slug + "&right-after=zzzz", "page cursor for the claims only the right document makes")]
    public async Task Bad_parameters_get_a_400_with_a_clear_message_never_a_500(string query, string message)
    {
        using var response = await _client.GetAsync(new Uri("/compare?" + query, UriKind.Relative));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body);
        Assert.Contains("That request could not be understood", body);
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused()
    {
        var byFlag = new CompareCursor(CompareCursor.SharedList(CompareSort.Flag), 1, 100, 3).Encode();

        using var response = await _client.GetAsync(new Uri(Links.Compare(Seed.Usip.Slug, Seed.MpIdsa.Slug, sort: "left", after: byFlag), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(int Usip, int Idsa)> SourceIdsAsync()
    {
        var ids = await app.QueryAsync(db => db.Sources.ToDictionaryAsync(s => s.Slug, s => s.Id));
        return (ids[Seed.Usip.Slug], ids[Seed.MpIdsa.Slug]);
    }
}
