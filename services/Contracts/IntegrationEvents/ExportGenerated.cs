namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// A dashboard file (PDF or CSV) was generated, served and recorded in the exports audit. Published once per <c>ok</c>
/// export, through the exports service's outbox.
/// </summary>
/// <param name="ExportId">The audit record's id, as in the download's <c>X-Export-Id</c>.</param>
/// <param name="Subject">The token's <c>sub</c>.</param>
/// <param name="Name">The token's <c>name</c>, as the live feed shows it ("Dana exported the 30-day PDF").</param>
/// <param name="Scope">A workspace id, or <c>all</c>.</param>
/// <param name="Timeframe">24h, 7d, 30d, 90d or all.</param>
/// <param name="AsOf">The end of the exported period.</param>
/// <param name="Format">pdf or csv.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">Lower-case hex of the file, as in <c>X-Content-SHA256</c>.</param>
/// <param name="At">When it was served.</param>
public sealed record ExportGenerated(
    Guid ExportId, string Subject, string Name, string Scope, string Timeframe, DateTime AsOf, string Format, long Bytes,
    string Sha256, DateTime At);
