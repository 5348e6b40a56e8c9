using System.Collections.Frozen;
using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Web.About;
using Microsoft.AspNetCore.Components;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// An agreement flag as a badge. The flag is never told by colour alone: an icon shape and a word always go with it.
/// A badge links to its flag's entry on the "About the flags" page, unless it already sits inside a link (a filter
/// choice), and says so when an editor set the flag over the derived one.
/// </summary>
/// <remarks>
/// Markup written once per kind, not a component: a compare page shows up to about 200 badges and a topic page 25,
/// and as components each one cost an instance, its parameters and a render tree to produce one of twenty fixed
/// strings (docs/benchmarks-notes.md).
/// </remarks>
public static class AgreementBadge
{
    private static readonly FrozenDictionary<(AgreementFlag Flag, bool Overridden, bool Linked), MarkupString> Badges =
        Enum.GetValues<AgreementFlag>()
            .SelectMany(flag => new[] { false, true }.SelectMany(overridden => new[] { false, true }.Select(linked => (flag, overridden, linked))))
            .ToFrozenDictionary(kind => kind, kind => Build(kind.flag, kind.overridden, kind.linked));

    /// <param name="overridden">True when an editor set the flag over the derived one.</param>
    /// <param name="linked">False inside another link, where a link of its own would nest.</param>
    public static MarkupString Of(AgreementFlag flag, bool overridden = false, bool linked = true) => Badges[(flag, overridden, linked)];

    private static MarkupString Build(AgreementFlag flag, bool overridden, bool linked) =>
        HtmlFragment.Build((flag, overridden, linked), static (html, badge) =>
        {
            var (flag, overridden, linked) = badge;
            var tag = linked ? "a" : "span";
            html.Open(tag, $"agreement agreement-{flag.ToSlug()}", ("href", linked ? AboutTheFlags.Link(flag) : null), ("title", flag.Explanation()))
                .Open("span", "agreement-icon", ("aria-hidden", "true")).Text(Icon(flag)).Close("span")
                .Text(" ")
                .Element("span", "agreement-label", flag.ToLabel());
            if (overridden)
            {
                html.Element("span", "agreement-overridden", " (editor's judgement)");
            }
            html.Close(tag);
        });

    private static string Icon(AgreementFlag flag) => flag switch
    {
        AgreementFlag.Agree => "✓",
        AgreementFlag.Partial => "≈",
        AgreementFlag.Conflict => "✗",
        AgreementFlag.Timeline => "↻",
        _ => "①",
    };
}
