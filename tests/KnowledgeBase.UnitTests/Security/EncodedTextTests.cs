using AngleSharp.Dom;
using Bunit;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Claims;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Claims;
using KnowledgeBase.Web.Search;

namespace KnowledgeBase.UnitTests.Security;

/// <summary>
/// Text fields an editor types (claim statements, quotes and their context, attributions, figures, footnote texts,
/// names) are shown by Blazor as text: a payload in any of them creates no element and no attribute.
/// </summary>
public sealed class EncodedTextTests : BunitContext
{
    public static TheoryData<string> Payloads => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'><iframe src=javascript:alert(1)></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "</mark><form action=https://evil.example><button>x</button></form>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    };

    private static readonly SourceSummary Source = new(1, Seed.Usip.Slug, "Seoul's response", "USIP", ["Lami Kim"], "USIP", "2024-11-01", "analysis");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_claim_cards_statement_and_figure_stay_text(string payload)
    {
        var card = Render(b => b.AddContent(0, ClaimCard.Of(new ClaimSummary(1, "x", payload, payload, AgreementFlag.Conflict, [payload]))));

        AssertNoElementFrom(card.Nodes, payload);
        Assert.Equal(payload, card.Find("h3 a").TextContent);
        Assert.Contains(payload, card.Find(".figure-chip").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_citation_cards_quote_context_attribution_and_footnote_stay_text(string payload)
    {
        var citation = new CitationView(
            Id: 1,
            Position: 0,
            Stance: Stance.Supports,
            Attribution: payload,
            Figure: payload,
            PassageId: 2,
            Exact: payload,
            Prefix: "before " + payload,
            Suffix: payload + " after",
            Start: 0,
            End: payload.Length,
            Source: Source with { Title = payload, ShortName = payload },
            Footnote: new FootnoteView(3, payload, payload, payload, payload, "2024-11-01", "https://example.org/x"));

        var card = Render<CitationCard>(p => p.Add(c => c.Citation, citation));

        AssertNoElementFrom(card.Nodes, payload);
        Assert.Equal(payload, card.Find("mark.quote-exact").TextContent);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_search_snippets_highlight_marks_words_and_keeps_the_rest_text(string payload)
    {
        var headline = $"{Highlight.Start}alert{Highlight.Stop} {payload} {Highlight.Start}alert{Highlight.Stop}";

        var snippet = Render<SearchSnippet>(p => p.Add(s => s.Text, headline));

        Assert.Equal(2, snippet.FindAll("mark").Count);
        Assert.Contains(payload, snippet.Markup.Length > 0 ? snippet.Nodes.Select(n => n.TextContent).Aggregate("", string.Concat) : "", StringComparison.Ordinal);

        AssertNoElementFrom(snippet.Nodes, payload, allowed: ["mark"]);
    }

    /// <summary>
    /// No element the payload names was created, and no attribute outside the component's own came from it: the
    /// markup is only what the component writes (a fixed set of elements without event handlers or script URLs).
    /// </summary>
    private static void AssertNoElementFrom(INodeList nodes, string payload, string[]? allowed = null)
    {
        var elements = nodes.OfType<IElement>().SelectMany(e => e.DescendantsAndSelf<IElement>()).ToList();
        foreach (var name in new[] { "script", "img", "svg", "iframe", "form", "button", "noscript" })
        {
            if (allowed?.Contains(name) == true)
            {
                continue;
            }
            Assert.DoesNotContain(elements, e => e.LocalName == name && payload.Contains("<" + name, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var element in elements)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                if (attribute.Name is "href" or "src")
                {
                    Assert.True(XssCorpusTests.IsSafeUrl(attribute.Value), $"{element.LocalName} {attribute.Name}={attribute.Value}");
                }
            }
        }
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "svg" or "form" or "button" or "img");
    }
}
