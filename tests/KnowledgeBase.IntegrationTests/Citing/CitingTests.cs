using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.IntegrationTests.EditorPages;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Citing;

/// <summary>
/// Citing words selected on a source page, over HTTP: the claim editor opened with the citation filled in from the
/// address (document and canonical offsets), the page that adds the words to a claim found by its words, the refusals
/// of addresses that name no citable words, and the sentences left to cite, shown to editors only.
/// </summary>
[Collection(EditorPagesCollection.Name)]
public sealed class CitingTests(EditorPagesApp app)
{
    private const string Words = "approximately 10,000 troops to Russia";

    private async Task<(int Start, int End)> SpanAsync(string slug, string words)
    {
        var text = await app.QueryAsync(db => db.Sources.Where(s => s.Slug == slug).Select(s => s.CanonicalText).SingleAsync());
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"“{words}” is not in {slug}");
        return (at, at + words.Length);
    }

    [Fact]
    public async Task The_claim_editor_opens_with_the_selected_words_as_its_first_citation()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var (start, end) = await SpanAsync(Seed.Usip.Slug, Words);

        var html = await client.GetPageAsync(Links.NewClaimCiting(Seed.Usip.Slug, start, end));

        Assert.Contains($">{Words}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"so far, North Korea has sent\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"— around 8,000 of whom have\"", html, StringComparison.Ordinal);
        Assert.Contains($"Found in USIP at characters {start}–{end}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The selected words were not added", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_opened_on_hedged_words_proposes_their_certainty_and_the_publication_date_before_any_script_runs()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var (start, end) = await SpanAsync(Seed.Usip.Slug, "North Korean troops have reportedly begun engaging in direct combat");

        var html = await client.GetPageAsync(Links.NewClaimCiting(Seed.Usip.Slug, start, end));

        // Nothing confirmed yet: each select stands on its blank option, which names the proposal.
        Assert.Contains("<option value selected>proposed: Reported</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value selected>proposed: The document's own words</option>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"citation-0-certainty-proposal\">proposed: Reported, from “reportedly”</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"citation-0-asOf-proposal\">default: publication date (November 2024)</p>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"citation-0-asOf\">As of (date or period)</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_across_a_footnote_marker_are_quoted_without_its_number_and_backed_by_its_footnote()
    {
        var client = await app.SignInAsync(Roles.Editor);
        // Footnote 1's marker follows "East Asian region."; the selection runs on into the next sentence.
        var (start, end) = await SpanAsync(Seed.MpIdsa.Slug, "the East Asian region. Notably, it has strengthened");

        var html = await client.GetPageAsync(Links.NewClaimCiting(Seed.MpIdsa.Slug, start, end));

        Assert.Contains(">the East Asian region. Notably, it has strengthened</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"citation-0-footnote\"[^>]* value=\"1\"|value=\"1\"[^>]*id=\"citation-0-footnote\"", html);
        Assert.Contains("Found in MP-IDSA", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_opened_to_add_the_words_gets_them_as_a_new_citation()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var claim = await app.ClaimAsync(Seed.Claims.TroopsInKursk);
        var citations = await app.QueryAsync(db => db.Citations.CountAsync(c => c.ClaimId == claim.Id));
        var (start, end) = await SpanAsync(Seed.Usip.Slug, Words);

        var html = await client.GetPageAsync(Links.EditClaimCiting(claim.Id, Seed.Usip.Slug, start, end));

        Assert.Contains($">Citation {citations + 1}</legend>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($">Citation {citations + 2}</legend>", html, StringComparison.Ordinal);
        Assert.Contains($">{Words}</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cite_page_shows_the_words_and_finds_claims_to_add_them_to()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var claim = await app.ClaimAsync(Seed.Claims.TroopsSentToRussia);
        var (start, end) = await SpanAsync(Seed.Usip.Slug, Words);

        var page = await client.GetPageAsync(Links.CiteSelection(Seed.Usip.Slug, start, end));
        Assert.Contains($">{Words}</mark>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Links.NewClaimCiting(Seed.Usip.Slug, start, end)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Add to this claim", page, StringComparison.Ordinal);

        var found = await client.GetPageAsync(Links.CiteSelection(Seed.Usip.Slug, start, end, "10,000 troops sent to Russia"));
        Assert.Contains($"href=\"{Links.EditClaimCiting(claim.Id, Seed.Usip.Slug, start, end)}\"", found, StringComparison.Ordinal);

        var none = await client.GetPageAsync(Links.CiteSelection(Seed.Usip.Slug, start, end, "zebra"));
        Assert.Contains("No claim has these words", none, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadAddresses => new()
    {
        { "source=usip-2024-seoul-response&start=abc&end=20", "'start' and 'end'" },
        { "source=usip-2024-seoul-response&start=-1&end=20", "'start' and 'end'" },
        { "source=usip-2024-seoul-response&start=10", "'start' and 'end'" },
        { "source=usip-2024-seoul-response&start=99999999999&end=99999999999", "'start' and 'end'" },
        { "source=usip-2024-seoul-response&start=30&end=20", "a selection ends after it starts" },
        { "source=usip-2024-seoul-response&start=0&end=999999", "the document's text runs from 0 to" },
        { "source=no-such-document&start=0&end=20", "No document has the address 'no-such-document'" },
        { "source=%3Cscript%3E&start=0&end=20", "must be a document's address" },
        { "start=0&end=20", "must be a document's address" },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task Addresses_naming_no_citable_words_are_refused_with_400_and_a_message(string query, string message)
    {
        var client = await app.SignInAsync(Roles.Editor);
        foreach (var path in new[] { Links.NewClaim, Links.CiteSelectionPath })
        {
            using var response = await client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{query} answered {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_claim_editor_without_words_to_cite_opens_as_before()
    {
        var client = await app.SignInAsync(Roles.Editor);

        var html = await client.GetPageAsync(Links.NewClaim);

        Assert.DoesNotContain("The selected words were not added", html, StringComparison.Ordinal);
        Assert.Contains(">Citation 1</legend>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cite_page_is_for_editors_only()
    {
        var (start, end) = await SpanAsync(Seed.Usip.Slug, Words);
        var url = new Uri(Links.CiteSelection(Seed.Usip.Slug, start, end), UriKind.Relative);

        using var anonymous = await app.CreateHttpsClient().GetAsync(url);
        using var reader = await (await app.SignInAsync((string?)null)).GetAsync(url);

        Assert.Equal(Links.SignInPage, anonymous.Target().AbsolutePath);
        Assert.Equal(Links.AccessDenied, reader.Target().AbsolutePath);
    }

    [Theory]
    [InlineData(Seed.Usip.Slug)]
    [InlineData(Seed.MpIdsa.Slug)]
    public async Task Editors_see_what_is_left_to_cite_and_readers_do_not(string slug)
    {
        var editor = await (await app.SignInAsync(Roles.Editor)).GetPageAsync(Links.Source(slug));
        var reader = await (await app.SignInAsync((string?)null)).GetPageAsync(Links.Source(slug));
        var anonymous = await app.CreateHttpsClient().GetPageAsync(Links.Source(slug));

        var summary = Regex.Match(editor, @"Left to cite: (\d+) sentences? with a figure, a date or a named attribution that no\s+claim cites \(\d+ uncited figures?");
        Assert.True(summary.Success, "the editor's page has no summary of what is left to cite");
        // Each sentence has its Cite link, to the claim editor citing it.
        Assert.Equal(int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), Regex.Count(editor, $"href=\"/edit/claims/new\\?source={slug}&start=\\d+&end=\\d+\""));
        Assert.Contains("id=\"cite-selection\"", editor, StringComparison.Ordinal);
        foreach (var page in new[] { reader, anonymous })
        {
            Assert.DoesNotContain("Left to cite", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"cite-selection\"", page, StringComparison.Ordinal);
            // The text's pieces say where they start for everyone: the page is cached once for all.
            Assert.Contains("<span data-at=\"0\">", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sentence_left_to_cite_opens_the_claim_editor_citing_it()
    {
        var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetPageAsync(Links.Source(Seed.Usip.Slug));
        var link = Regex.Match(page, "href=\"(/edit/claims/new\\?source=[^\"]+)\"").Groups[1].Value;

        var html = await client.GetPageAsync(link);

        Assert.Contains("Found in USIP at characters", html, StringComparison.Ordinal);
    }
}
