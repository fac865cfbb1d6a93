namespace ExecutiveDashboard.Exports.Files;

/// <summary>A file format of <c>GET /api/exports/dashboard?format=…</c>.</summary>
public sealed record ExportFormat(string Name, string ContentType)
{
    public static readonly ExportFormat Pdf = new("pdf", "application/pdf");
    public static readonly ExportFormat Csv = new("csv", "text/csv; charset=utf-8");

    public static readonly IReadOnlyList<ExportFormat> All = [Pdf, Csv];

    public static ExportFormat? Named(string? name) => All.FirstOrDefault(f => f.Name == name);
}
