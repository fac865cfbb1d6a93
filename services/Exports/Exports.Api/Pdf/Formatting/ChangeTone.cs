namespace ExecutiveDashboard.Exports.Pdf.Formatting;

public enum ChangeTone { Good, Bad, Neutral }
