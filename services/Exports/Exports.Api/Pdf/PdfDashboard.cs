using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Pdf.Annotations;
using ExecutiveDashboard.Exports.Pdf.Layout;
using ExecutiveDashboard.Exports.Pdf.Content;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf;

/// <summary>The dashboard as a board-ready A4 PDF (spec: docs of the exports service, "PDF"): page 1's head and KPI
/// cards, the four trends as vector charts, MRR movements, the goals, the tables, the definitions; "Page n of N" on every page.
/// Drawn by Skia's PDF backend, so text stays text (selectable, its fonts embedded as subsets) and charts stay paths.
/// Safe to call concurrently: everything but the shared typefaces belongs to one call.</summary>
public sealed class PdfDashboard(PdfFonts fonts) : IDashboardFile
{
    public ExportFormat Format => ExportFormat.Pdf;

    public void Write(ExportDocument document, Stream output)
    {
        using var text = new PdfText(fonts);
        var ctx = new RenderContext(document, text, fonts);

        var flow = new PageFlow();
        CoverSection.Add(flow, ctx);
        KpiSection.Add(flow, ctx);
        TrendSection.Add(flow, ctx);
        AnnotationsSection.Add(flow, ctx);
        MrrMovementsSection.Add(flow, ctx);
        GoalsSection.Add(flow, ctx);
        TablesSection.Add(flow, ctx);
        DefinitionsSection.Add(flow, ctx);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Executive Dashboard: {document.ScopeLabel}, {TimeText.Timeframe(document.Overview.Timeframe)}, as of {TimeText.Stamped(document.Overview.Meta.AsOf, document.Reader?.Zone)}",
            Author = document.GeneratedBy,
            Subject = "Executive Dashboard export",
            Creator = "Executive Dashboard exports service",
            Producer = "Executive Dashboard exports service (SkiaSharp, ScottPlot)",
            Creation = document.GeneratedAt,
            Modified = document.GeneratedAt,
        };
        using var pdf = SKDocument.CreatePdf(output, metadata);
        flow.Render(pdf, (canvas, page, pages) => PageFrame.Draw(canvas, ctx, page, pages));
        pdf.Close();
    }
}
