using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>What every section of one render needs: the document, its text engine and the shared fonts.</summary>
internal sealed record RenderContext(ExportDocument Document, PdfText Text, PdfFonts Fonts)
{
    private readonly HashSet<string> degraded = [.. Document.Overview.Meta.Degraded];

    /// <summary>What a section the overview could not fetch says in its place: never a 0 or an "n/a" number.</summary>
    public const string Unavailable = "Unavailable: this section could not be fetched";

    public bool IsDegraded(string section) => degraded.Contains(section);

    /// <summary>The reader's zone, in which the file prints every time; null: UTC.</summary>
    public NodaTime.DateTimeZone? Zone => Document.Reader?.Zone;
}
