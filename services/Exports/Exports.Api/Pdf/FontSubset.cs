using System.Runtime.InteropServices;

namespace ExecutiveDashboard.Exports.Pdf;

/// <summary>Cuts a TrueType font down to the scripts a dashboard's names and labels use, with HarfBuzz's subsetter.
/// Skia's PDF backend in the NoDependencies build embeds whole fonts (DejaVu Sans is 740 KB, compressed 380 KB,
/// each, in every file); cut once at start, the shared typefaces embed a fraction of that, and every render is spared
/// compressing them.</summary>
internal static class FontSubset
{
    /// <summary>The code points kept: Latin (with its extensions and combining marks), Greek and Cyrillic for names;
    /// punctuation, currency and letterlike symbols; the few math signs and shapes labels use (− ≈ ≠ ≤ ≥ ∞ ■ ▲ ▼).
    /// A character outside them is drawn as the font's missing-glyph box.</summary>
    public static readonly IReadOnlyList<(uint First, uint Last)> Ranges =
    [
        (0x0020, 0x024F), (0x02B0, 0x04FF), (0x1E00, 0x1EFF), (0x2000, 0x20CF), (0x2100, 0x214F),
        (0x2212, 0x2212), (0x221E, 0x221E), (0x2248, 0x2248), (0x2260, 0x2260), (0x2264, 0x2265),
        (0x25A0, 0x25A0), (0x25B2, 0x25B2), (0x25BC, 0x25BC),
    ];

    /// <summary>The OpenType features kept: kerning and mark placement. Ligatures are dropped on purpose: a PDF maps an
    /// "fi" ligature glyph to no letters, so "Definitions" would extract and search as "Deﬁnitions".</summary>
    private static readonly string[] Features = ["kern", "mark", "mkmk", "ccmp", "locl"];

    private const int LayoutFeatureTags = 6; // HB_SUBSET_SETS_LAYOUT_FEATURE_TAG

    /// <summary>HB_SUBSET_FLAGS_NO_HINTING: DejaVu's TrueType instructions are most of its bytes, and the text is drawn
    /// unhinted anyway (a PDF viewer hints, or not, by itself).</summary>
    private const uint NoHinting = 0x1;

    private const string Library = "libHarfBuzzSharp";

    public static byte[] Of(byte[] font)
    {
        var data = GCHandle.Alloc(font, GCHandleType.Pinned);
        IntPtr blob = 0, face = 0, input = 0, subset = 0, result = 0;
        try
        {
            blob = hb_blob_create(data.AddrOfPinnedObject(), (uint)font.Length, MemoryModeReadOnly, 0, 0);
            face = hb_face_create(blob, 0);
            input = hb_subset_input_create_or_fail();
            if (input == 0) throw new InvalidOperationException("HarfBuzz could not start a font subset.");
            hb_subset_input_set_flags(input, NoHinting);
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in Ranges) hb_set_add_range(unicodes, first, last);
            var features = hb_subset_input_set(input, LayoutFeatureTags);
            hb_set_clear(features);
            foreach (var feature in Features) hb_set_add(features, (uint)(feature[0] << 24 | feature[1] << 16 | feature[2] << 8 | feature[3]));
            subset = hb_subset_or_fail(face, input);
            if (subset == 0) throw new InvalidOperationException("HarfBuzz could not subset the PDF font.");
            result = hb_face_reference_blob(subset);
            var bytes = hb_blob_get_data(result, out var length);
            var copy = new byte[length];
            Marshal.Copy(bytes, copy, 0, (int)length);
            return copy;
        }
        finally
        {
            if (result != 0) hb_blob_destroy(result);
            if (subset != 0) hb_face_destroy(subset);
            if (input != 0) hb_subset_input_destroy(input);
            if (face != 0) hb_face_destroy(face);
            if (blob != 0) hb_blob_destroy(blob);
            data.Free();
        }
    }

    private const int MemoryModeReadOnly = 1;

    [DllImport(Library)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(Library)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Library)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Library)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(Library)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Library)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Library)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Library)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Library)] private static extern void hb_set_add_range(IntPtr set, uint first, uint last);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Library)] private static extern void hb_set_clear(IntPtr set);
    [DllImport(Library)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(Library)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
