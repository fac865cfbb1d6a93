using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ExecutiveDashboard.Exports.Telemetry;

/// <summary>The exports service's meter: export requests by format and outcome, and how long the files took to render;
/// and its span of each render, so that a download's trace shows the render beside the overview read.</summary>
public sealed class ExportsMetrics(IMeterFactory meters)
{
    public const string MeterName = "ExecutiveDashboard.Exports";

    private static readonly ActivitySource Source = new(MeterName);

    /// <summary>The span of one render (<c>render pdf</c>), null when nobody listens.</summary>
    public static Activity? StartRender(string format) => Source.StartActivity($"render {format}");
    public const string RequestsInstrument = "dashboard.exports.requests";
    public const string RenderInstrument = "dashboard.exports.render.duration";

    private readonly Counter<long> _requests = meters.Create(MeterName).CreateCounter<long>(RequestsInstrument,
        unit: "{request}", description: "Export requests, by format and outcome (ok, denied, invalid, throttled, failed).");

    private readonly Histogram<double> _render = meters.Create(MeterName).CreateHistogram<double>(RenderInstrument,
        unit: "s", description: "Time to render a file from the composed overview, by format.");

    public void Answered(string? format, string outcome) => _requests.Add(1, new("format", format ?? "none"), new("outcome", outcome));

    public void Rendered(string format, TimeSpan elapsed) => _render.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("format", format));
}
