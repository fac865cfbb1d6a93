using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf;

/// <summary>The PDF's typefaces, DejaVu Sans regular and bold, loaded once and shared by every render (an SKTypeface is
/// immutable and thread-safe). SkiaSharp's NoDependencies build finds no system font by name, so the files are read
/// from a folder: the Debian package <see cref="Package"/> installs them in <see cref="DefaultDirectory"/>.</summary>
public sealed class PdfFonts
{
    public const string Package = "fonts-dejavu-core";

    /// <summary>The configuration key of the fonts' folder; <see cref="DefaultDirectory"/> when unset.</summary>
    public const string DirectorySetting = "Exports:FontDirectory";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lock LoadLock = new();
    private static readonly Dictionary<string, PdfFonts> Loaded = [];

    private PdfFonts(SKTypeface regular, SKTypeface bold, string chartFamily)
    {
        Regular = regular;
        Bold = bold;
        ChartFamily = chartFamily;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>The font name the charts ask ScottPlot for; only this instance's resolver answers it.</summary>
    public string ChartFamily { get; }

    /// <summary>Loads both files or fails with a message that names the package, so that a machine without it stops
    /// at start rather than at its first export. One instance per folder: ScottPlot resolves and caches fonts by name in
    /// static state, so the charts and the text of every render must share the very same typefaces (two would both be
    /// embedded).</summary>
    public static PdfFonts Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        lock (LoadLock)
        {
            if (Loaded.TryGetValue(full, out var loaded)) return loaded;
            var fonts = new PdfFonts(Read(full, RegularFile), Read(full, BoldFile), $"Exports DejaVu Sans ({full})");
            ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFontResolver(fonts));
            Loaded[full] = fonts;
            return fonts;
        }
    }

    private static SKTypeface Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"The PDF export needs the font {path}, which is missing. Install the Debian package {Package} " +
                $"(apt-get install {Package}) or set {DirectorySetting} to a folder holding {RegularFile} and {BoldFile}.");
        using var data = SKData.CreateCopy(FontSubset.Of(File.ReadAllBytes(path)));
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The PDF export could not read the font {path}: reinstall the Debian package {Package}.");
    }
}
