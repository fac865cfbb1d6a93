using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>Size in points, weight and colour of a run of text.</summary>
internal readonly record struct TextStyle(float Size, bool Bold, SKColor Color)
{
    public float LineHeight => Size * 1.35f;

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public static readonly TextStyle Title = new(20, true, Palette.Ink);
    public static readonly TextStyle Heading = new(12, true, Palette.Ink);
    public static readonly TextStyle Body = new(8.5f, false, Palette.Text);
    public static readonly TextStyle BodyBold = new(8.5f, true, Palette.Ink);
    public static readonly TextStyle Label = new(8, false, Palette.Muted);
    public static readonly TextStyle Small = new(7.5f, false, Palette.Muted);
    public static readonly TextStyle ColumnHeader = new(7, true, Palette.Muted);
    public static readonly TextStyle Value = new(16, true, Palette.Ink);
}
