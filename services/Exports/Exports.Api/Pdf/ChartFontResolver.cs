using ScottPlot;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf;

/// <summary>Gives ScottPlot the PDF's own typefaces under <see cref="PdfFonts.ChartFamily"/>: without it the charts'
/// tick labels would ask the system for a font that the NoDependencies build cannot find, and vanish.</summary>
internal sealed class ChartFontResolver(PdfFonts fonts) : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == fonts.ChartFamily ? weight >= FontWeight.SemiBold ? fonts.Bold : fonts.Regular : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
}
