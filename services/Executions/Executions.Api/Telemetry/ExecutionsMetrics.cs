using System.Diagnostics.Metrics;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Ingest;
using Npgsql;

namespace ExecutiveDashboard.Executions.Telemetry;

/// <summary>The executions service's meter: events accepted, and how far the rollups are behind them (the folder's lag:
/// events stored and not yet folded, which reads wait for or, past a second, answer without).</summary>
public sealed class ExecutionsMetrics
{
    public const string MeterName = "ExecutiveDashboard.Executions";
    public const string UnfoldedInstrument = "dashboard.rollups.unfolded";
    public const string FoldedInstrument = "dashboard.rollups.folded";

    private readonly AcceptedEvents _accepted;
    private readonly Counter<long> _folded;

    public ExecutionsMetrics(IMeterFactory meters, NpgsqlDataSource dataSource)
    {
        var meter = meters.Create(MeterName);
        _accepted = new AcceptedEvents(meter);
        _folded = meter.CreateCounter<long>(FoldedInstrument, unit: "{event}", description: "Events the folder added to the rollups.");
        RowCountGauge.Create(meter, dataSource, "unfolded_events", UnfoldedInstrument, "Events stored and not yet folded into the rollups.");
    }

    public void EventsAccepted(IReadOnlyList<ExecutionEvent> events) =>
        _accepted.Add(events, e => e is RunCompletedEvent ? ExecutionEvent.RunCompletedType : ExecutionEvent.AgentCreatedType);

    public void Folded(int events) => _folded.Add(events);
}
