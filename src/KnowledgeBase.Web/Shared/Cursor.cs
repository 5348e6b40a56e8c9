using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace KnowledgeBase.Web.Shared;

/// <summary>
/// Opaque keyset cursors: the sort key(s) and id of the last row of a page, base64url-encoded so that clients
/// treat them as tokens. A cursor that does not decode is the client's error (400), never a server error.
/// </summary>
public static class Cursor
{
    private const char Separator = '\u001f';

    public static string Encode(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, parts)));

    public static string Encode(long id) => Encode(id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The parts, or null when the text is not a cursor this app wrote with that many parts.</summary>
    public static string[]? Decode(string? cursor, int expectedParts)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 512)
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            return parts.Length == expectedParts ? parts : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Decodes a cursor holding just an id.</summary>
    public static bool TryDecodeId(string? cursor, out long id)
    {
        id = 0;
        return Decode(cursor, 1) is [var only]
            && long.TryParse(only, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }
}
