namespace ExecutiveDashboard.Alerts.Annotations;

/// <summary>A valid body of <c>POST /api/annotations</c>, as it is stored.</summary>
public sealed record NewAnnotation(DateTime At, string Scope, string Kind, string Text);
