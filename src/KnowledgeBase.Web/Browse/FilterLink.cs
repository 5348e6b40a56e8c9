using KnowledgeBase.Core.Agreement;

namespace KnowledgeBase.Web.Browse;

/// <summary>One quick filter link: its text (or the flag whose badge it shows), target, whether it is the current choice, and a count if known.</summary>
public sealed record FilterLink(string Text, string Href, bool Current, int? Count = null, AgreementFlag? Flag = null);
