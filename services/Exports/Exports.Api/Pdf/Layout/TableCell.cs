using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>A cell's text; <paramref name="Badge"/> draws it white on a coloured pill (an alert's severity).</summary>
internal sealed record TableCell(string Text, bool Bold = false, SKColor? Badge = null, SKColor? BadgeText = null)
{
    public static implicit operator TableCell(string text) => new(text);
}
