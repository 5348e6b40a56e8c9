using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.ObjectPool;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// A piece of markup written as one string, for the parts of a page repeated hundreds of times. Blazor's static
/// renderer keeps a render-tree frame per element and attribute and writes each tag, name, quote and value as its own
/// buffered chunk; for the compare page's passages that cost several times the page's own size in allocations
/// (docs/benchmarks-notes.md, "Compare page allocation"). Values are encoded by <see cref="HtmlEncoder.Default"/>,
/// which is what Blazor renders with while the app registers no encoder of its own; the tag, class and attribute names
/// are the caller's literals.
/// </summary>
public sealed class HtmlFragment
{
    // A panel is a few thousand characters; a builder grown far beyond that is dropped rather than kept (and cleared
    // into a large-object array).
    private static readonly ObjectPool<StringBuilder> Builders =
        new DefaultObjectPoolProvider().CreateStringBuilderPool(initialCapacity: 4 * 1024, maximumRetainedCapacity: 32 * 1024);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    private readonly StringBuilder _html;

    private HtmlFragment(StringBuilder html) => _html = html;

    /// <summary>Runs <paramref name="write"/> on a pooled builder and returns what it wrote, as markup.</summary>
    public static MarkupString Build<TState>(TState state, Action<HtmlFragment, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var builder = Builders.Get();
        try
        {
            write(new HtmlFragment(builder), state);
            return new MarkupString(builder.ToString());
        }
        finally
        {
            Builders.Return(builder);
        }
    }

    /// <summary>Opens <paramref name="tag"/> with a class (left out when null) and the given attributes (each left out when its value is null).</summary>
    public HtmlFragment Open(string tag, string? @class = null, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        Attribute("class", @class);
        foreach (var (name, value) in attributes)
        {
            Attribute(name, value);
        }
        _html.Append('>');
        return this;
    }

    public HtmlFragment Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Text content, encoded.</summary>
    public HtmlFragment Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encode(text);
        }
        return this;
    }

    /// <summary>Markup built elsewhere (already encoded), as it is.</summary>
    public HtmlFragment Markup(MarkupString markup)
    {
        _html.Append(markup.Value);
        return this;
    }

    /// <summary>An element holding only text: <c>&lt;tag class&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlFragment Element(string tag, string? @class, string? text) => Open(tag, @class).Text(text).Close(tag);

    private void Attribute(string name, string? value)
    {
        if (value is not null)
        {
            _html.Append(' ').Append(name).Append("=\"");
            Encode(value);
            _html.Append('"');
        }
    }

    // Straight into the builder through a small buffer: no string per value that needs encoding (every "…", "’" or "×").
    private void Encode(string value)
    {
        Span<char> buffer = stackalloc char[256];
        var rest = value.AsSpan();
        while (true)
        {
            var status = Encoder.Encode(rest, buffer, out var consumed, out var written, isFinalBlock: true);
            _html.Append(buffer[..written]);
            rest = rest[consumed..];
            if (status == OperationStatus.Done)
            {
                return;
            }
            if (status != OperationStatus.DestinationTooSmall || consumed == 0)
            {
                throw new InvalidOperationException($"The HTML encoder stopped with {status}.");
            }
        }
    }
}
