using ExecutiveDashboard.Exports.Pdf.Formatting;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>One metric that moved in a digest's period: its name, value as the page writes it, and its change with the
/// arrow and tone of the page (<see cref="ChangeView"/>).</summary>
public sealed record HeadlineChange(string Label, string Value, ChangeView Change);
