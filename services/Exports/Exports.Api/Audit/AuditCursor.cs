using System.Buffers.Binary;
using System.Buffers.Text;

namespace ExecutiveDashboard.Exports.Audit;

/// <summary>The <c>next</c> of an audit page: the position of its last record (base64url of the record's place in the
/// chain, 8 bytes big-endian), which the following page starts after. Opaque to clients: only what
/// <see cref="Of"/> wrote parses.</summary>
public static class AuditCursor
{
    private const int Bytes = sizeof(long);

    private static readonly int Length = Base64Url.GetEncodedLength(Bytes);

    public static string Of(long seq)
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        BinaryPrimitives.WriteInt64BigEndian(bytes, seq);
        return Base64Url.EncodeToString(bytes);
    }

    /// <returns>The position, or null when <paramref name="cursor"/> is not one this service gave.</returns>
    public static long? Parse(string cursor)
    {
        // Checked first: the decoder skips white space, and a cursor may be anything of any length.
        if (cursor.Length != Length || !cursor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }
        Span<byte> bytes = stackalloc byte[Bytes];
        try
        {
            if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != Bytes)
            {
                return null;
            }
        }
        catch (FormatException)
        {
            // Also unused low bits of the last character that are not zero: one spelling per position, as Of writes it.
            return null;
        }
        var seq = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return seq > 0 ? seq : null;
    }
}
