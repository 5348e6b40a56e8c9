using System.IO.Compression;
using System.Text;

namespace KnowledgeBase.Web.Sources;

/// <summary>
/// What the reading cache holds per source page: the rendered <see cref="SourceText"/> (the marked-up text and the list
/// of cited passages, ~120 KB for a document with a hundred passages) deflated to a sixth of that, so a thousand
/// documents fit the cache's budget; and the two counts the page's header shows.
/// </summary>
public sealed class SourceView
{
    /// <summary>Pieces stay below the large-object heap's threshold (85 KB), so serving a page allocates only short-lived small strings.</summary>
    private const int PieceChars = 16 * 1024;

    private readonly byte[] _deflated;

    public SourceView(int passageCount, int claimCount, string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        PassageCount = passageCount;
        ClaimCount = claimCount;
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(html));
        }
        _deflated = buffer.ToArray();
    }

    public int PassageCount { get; }

    /// <summary>Distinct claims backed by the passages.</summary>
    public int ClaimCount { get; }

    /// <summary>Estimated bytes held: the reading cache's budget is counted in these.</summary>
    public long Weight => 64 + _deflated.Length;

    /// <summary>The HTML back, in order, in pieces of at most <see cref="PieceChars"/> characters; a surrogate pair is never split.</summary>
    public IEnumerable<string> Pieces()
    {
        using var reader = new StreamReader(new DeflateStream(new MemoryStream(_deflated), CompressionMode.Decompress), Encoding.UTF8);
        var buffer = new char[PieceChars];
        var held = 0;
        int read;
        while ((read = reader.ReadBlock(buffer, held, buffer.Length - held)) > 0)
        {
            var length = held + read;
            // A high surrogate at the end waits for its pair in the next piece.
            var cut = char.IsHighSurrogate(buffer[length - 1]) ? length - 1 : length;
            yield return new string(buffer, 0, cut);
            held = length - cut;
            if (held > 0)
            {
                buffer[0] = buffer[cut];
            }
        }
        if (held > 0)
        {
            yield return new string(buffer, 0, held);
        }
    }
}
