namespace ExecutiveDashboard.Alerts.Annotations;

/// <summary>The body of <c>POST /api/annotations</c> as the OpenAPI document shows it; the endpoint reads it itself
/// (<see cref="AnnotationRequest"/>), to name every bad field at once.</summary>
/// <param name="At">ISO 8601 with an offset.</param>
/// <param name="Scope">A workspace id, or <c>all</c>.</param>
/// <param name="Kind"><c>deploy</c>, <c>incident</c>, <c>campaign</c> or <c>note</c>.</param>
public sealed record AnnotationBody(string At, string Scope, string Kind, string Text);
