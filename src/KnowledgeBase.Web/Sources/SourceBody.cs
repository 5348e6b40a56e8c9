using System.Globalization;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Sources;

/// <summary>
/// A source's stored HTML made into its reading page: cited passages marked and numbered, and under each footnote
/// the claims that rest on it, so a reader can go from any footnote back to every claim that relies on it.
/// </summary>
internal static class SourceBody
{
    public static string Render(string bodyHtml, IReadOnlyList<CitedPassage> passages)
    {
        var body = SourceRenderer.ParseBody(bodyHtml);
        var marks = passages
            .Select((p, i) => new PassageMark(p.Id, i + 1, p.Start, p.End,
                $"Passage {i + 1} backs: " + string.Join(" · ", p.Claims.Select(c => c.Statement))))
            .ToList();
        PassageHighlighter.Highlight(body, marks);

        var document = body.Owner!;
        foreach (var group in passages.Where(p => p.FootnoteNumber is not null).GroupBy(p => p.FootnoteNumber!.Value))
        {
            var item = body.QuerySelector($"li#{SourceRenderer.FootnoteIdPrefix}{group.Key.ToString(CultureInfo.InvariantCulture)}");
            if (item is null)
            {
                continue;
            }
            var claims = group.SelectMany(p => p.Claims).DistinctBy(c => c.Id).ToList();
            var note = document.CreateElement("div");
            note.ClassName = "footnote-claims";
            var label = document.CreateElement("span");
            label.TextContent = claims.Count == 1 ? "1 claim rests on this footnote: " : $"{claims.Count} claims rest on this footnote: ";
            note.AppendChild(label);
            var list = document.CreateElement("ul");
            foreach (var claim in claims)
            {
                var li = document.CreateElement("li");
                var a = document.CreateElement("a");
                a.SetAttribute("href", Links.Claim(claim.Id, claim.Slug));
                a.TextContent = claim.Statement;
                li.AppendChild(a);
                list.AppendChild(li);
            }
            note.AppendChild(list);
            item.AppendChild(note);
        }
        return body.InnerHtml;
    }
}
