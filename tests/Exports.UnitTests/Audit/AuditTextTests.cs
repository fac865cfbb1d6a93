using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Exports.Audit;

namespace ExecutiveDashboard.Exports.UnitTests.Audit;

public sealed class AuditTextTests
{
    [Theory]
    [InlineData("ws\0_1", "ws\uFFFD_1")]
    [InlineData("line\r\nX-Injected: yes", "line\uFFFD\uFFFDX-Injected: yes")]
    [InlineData("a\u0001b\u007fc", "a\uFFFDb\uFFFDc")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("é 😀 中", "é 😀 中")]
    [InlineData("", "")]
    public void Text_that_cannot_be_stored_or_shown_becomes_the_replacement_character(string given, string stored)
    {
        Assert.Equal(stored, AuditText.Storable(given));
        Assert.True(Bounds.IsCleanText(stored));
    }

    /// <summary>Not as InlineData: an attribute's strings are stored as UTF-8, where a lone surrogate does not survive.</summary>
    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        Assert.Equal("lone \uFFFD high", AuditText.Storable("lone \uD800 high"));
        Assert.Equal("lone \uFFFD low", AuditText.Storable("lone \uDC00 low"));
        Assert.Equal("end \uFFFD", AuditText.Storable("end \uD800"));
    }

    [Fact]
    public void Null_stays_null() => Assert.Null(AuditText.Storable(null));

    [Fact]
    public void Longer_text_is_cut_to_the_maximum_with_an_ellipsis()
    {
        Assert.Equal(new string('a', 1024), AuditText.Storable(new string('a', 1024)));
        Assert.Equal(new string('a', 1023) + "…", AuditText.Storable(new string('a', 1025)));
    }

    [Fact]
    public void A_cut_never_leaves_half_of_a_surrogate_pair()
    {
        // The pair's halves are characters 1023 and 1024: the cut drops both.
        var stored = AuditText.Storable(new string('a', 1022) + "😀" + "bbb")!;
        Assert.Equal(new string('a', 1022) + "…", stored);
        Assert.True(Bounds.IsCleanText(stored));
    }
}
