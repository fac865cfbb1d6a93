namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>A column of a <see cref="PdfTable"/>: its header, share of the table's width and alignment.</summary>
internal sealed record TableColumn(string Header, float Share, bool AlignRight = false);
