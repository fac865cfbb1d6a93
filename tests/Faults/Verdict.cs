using System.Text;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Faults;

/// <summary>Lost and doubled events per count, answers that differ from the quiet run's, resources not running.</summary>
public sealed record Verdict(bool Passed, string Text)
{
    public static Verdict Compare(PlatformSimulation dataset, Outcome quiet, Outcome faulted)
    {
        var expected = new Dictionary<string, long>
        {
            ["users: events claimed"] = dataset.CountOf(EventStream.Users),
            ["billing: events claimed"] = dataset.CountOf(EventStream.Billing),
            ["executions: events claimed"] = dataset.CountOf(EventStream.Executions),
            ["executions: raw runs"] = dataset.RunCount,
            ["executions: runs in the platform's days"] = dataset.RunCount,
        };
        var text = new StringBuilder();
        var passed = true;

        text.AppendLine("count                                      expected      quiet    faulted   lost  doubled");
        foreach (var (name, count) in expected)
        {
            var (q, f) = (quiet.Counts[name], faulted.Counts[name]);
            var lost = Math.Max(0, count - Math.Min(q, f));
            var doubled = Math.Max(0, Math.Max(q, f) - count);
            passed &= lost == 0 && doubled == 0;
            text.AppendLine($"{name,-40} {count,10:N0} {q,10:N0} {f,10:N0} {lost,6:N0} {doubled,8:N0}");
        }

        var differing = quiet.Overview.Keys.Where(k => !faulted.Overview.TryGetValue(k, out var v) || v != quiet.Overview[k]).ToList();
        passed &= differing.Count == 0 && quiet.Overview.Values.All(v => v.Length > 0);
        text.AppendLine($"overview answers equal to the quiet run's: {quiet.Overview.Count - differing.Count} of {quiet.Overview.Count}" +
                        (differing.Count > 0 ? $" (differing: {string.Join(", ", differing)})" : ""));

        var notRunning = faulted.States.Where(s => s.Health is not null && (s.State != "Running" || s.Health != "Healthy")).ToList();
        passed &= notRunning.Count == 0;
        text.AppendLine(notRunning.Count == 0
            ? $"every resource running and healthy after the faults ({faulted.States.Count(s => s.Health is not null)} with health checks)"
            : $"NOT running or healthy: {string.Join(", ", notRunning.Select(s => $"{s.Resource} {s.State} {s.Health}"))}");

        text.AppendLine($"quiet:   ingest {quiet.IngestSeconds:F0} s, settled {quiet.SettleSeconds:F0} s later, {quiet.Retries:N0} retries");
        text.AppendLine($"faulted: ingest {faulted.IngestSeconds:F0} s, settled {faulted.SettleSeconds:F0} s later, {faulted.Retries:N0} retries");
        foreach (var line in faulted.Faults)
        {
            text.AppendLine("  " + line);
        }
        text.AppendLine(passed ? "PASSED: nothing lost, nothing doubled, every number equal" : "FAILED");
        return new Verdict(passed, text.ToString());
    }
}
