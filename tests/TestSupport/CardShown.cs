namespace ExecutiveDashboard.TestSupport;

/// <summary>When <see cref="LiveProbe"/>'s card showed a run's new value, and when the <c>metrics_update</c> frame whose
/// refetch drew it arrived (<c>performance.now()</c>).</summary>
internal sealed record CardShown(double Card, double Frame);
