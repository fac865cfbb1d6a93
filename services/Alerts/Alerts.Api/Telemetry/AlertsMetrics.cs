using System.Diagnostics.Metrics;
using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.Telemetry;

/// <summary>The alerts service's meter: every rule's verdict on every scope it evaluates, by rule and outcome
/// (<c>firing</c>, <c>clear</c>, or <c>unknown</c> when its signals could not be read).</summary>
public sealed class AlertsMetrics(IMeterFactory meters)
{
    public const string MeterName = "ExecutiveDashboard.Alerts";
    public const string EvaluationsInstrument = "dashboard.alerts.evaluations";

    private readonly Counter<long> _evaluations = meters.Create(MeterName).CreateCounter<long>(EvaluationsInstrument,
        unit: "{evaluation}", description: "Rule evaluations of a scope, by rule and outcome.");

    /// <summary>Counts <paramref name="findings"/> and passes them on.</summary>
    public IReadOnlyList<Finding> Evaluated(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            _evaluations.Add(1, new("rule", finding.Rule), new("outcome", OutcomeOf(finding.Outcome)));
        }
        return findings;
    }

    private static string OutcomeOf(Outcome outcome) => outcome switch
    {
        Outcome.Firing => "firing",
        Outcome.Clear => "clear",
        _ => "unknown",
    };
}
