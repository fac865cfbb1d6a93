namespace ExecutiveDashboard.Exports.Pdf.Formatting;

/// <summary>Which way a change moved as the reader sees it: <see cref="Flat"/> when it rounds to 0.0, <see cref="None"/>
/// when there is no number.</summary>
public enum ChangeDirection { Up, Down, Flat, None }
