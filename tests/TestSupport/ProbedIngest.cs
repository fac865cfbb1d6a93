namespace ExecutiveDashboard.TestSupport;

/// <summary>A POST <see cref="LiveProbe"/> made from inside the page: its answer, when it was sent and answered
/// (<c>performance.now()</c>).</summary>
internal sealed record ProbedIngest(int Status, string Answer, double Sent, double Accepted);
