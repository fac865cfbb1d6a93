using ExecutiveDashboard.Exports.Audit;

namespace ExecutiveDashboard.Exports.UnitTests.Audit;

public sealed class AuditCursorTests
{
    [Theory]
    [InlineData(1L, "AAAAAAAAAAE")]
    [InlineData(256L, "AAAAAAAAAQA")]
    [InlineData(long.MaxValue, "f_________8")]
    public void A_position_is_base64url_of_its_8_bytes_big_endian_and_parses_back(long seq, string cursor)
    {
        Assert.Equal(cursor, AuditCursor.Of(seq));
        Assert.Equal(seq, AuditCursor.Parse(cursor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAA")]            // position 0: no record has it
    [InlineData("__________8")]            // a negative position
    [InlineData("AAAAAAAAAAF")]            // position 1 with unused bits set: not as it was given
    [InlineData("AAAAAAAAAAE=")]           // padded
    [InlineData(" AAAAAAAAAAE")]           // white space the decoder would skip
    [InlineData("AAAAAAAAAA E")]
    [InlineData("AAAAAAAAA+E")]            // base64, not base64url
    [InlineData("AAAAAAAAAAAE")]           // 12 characters
    [InlineData("AAAAAAAAAAé")]
    [InlineData("AAAAAAAAAA\0")]
    public void Anything_else_is_no_cursor(string cursor) => Assert.Null(AuditCursor.Parse(cursor));
}
