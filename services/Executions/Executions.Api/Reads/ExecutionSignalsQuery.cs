using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Queries;
using Npgsql;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>
/// The inputs of the alert rules (<see cref="ExecutionSignals"/>) for many scopes at one instant, from the same rollups
/// and the same reader as the overview. The windows are the same for every workspace, so all the workspaces go to
/// PostgreSQL in one statement per read (the four windows as one set of pieces, then each of the two percentiles over
/// whole hours, unless <see cref="WholeHourP95s"/> still holds them), and the platform, whose grains differ, in statements of its own; all in parallel.
/// With <c>days</c> = n, the same statement also sums the n + 1 windows of 30 days ending at asOf − n days … asOf, for the
/// goals' daily values (their slots follow the rules' four).
/// </summary>
public sealed class ExecutionSignalsQuery(NpgsqlDataSource dataSource, RollupFolder folder, RunRollupReader rollups, WholeHourP95s p95s)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1), Day = TimeSpan.FromDays(1), Week = TimeSpan.FromDays(7);

    public async Task<Dictionary<string, ExecutionSignals>> GetAsync(IReadOnlyList<string> scopes, DateTime asOf, int days, CancellationToken cancellationToken)
    {
        // Like the overview: what was accepted before this read is counted, or the read waits at most a second for it.
        var caughtUp = await folder.CatchUpAsync(cancellationToken);

        var groups = scopes.Select(s => s == Scopes.Platform ? Scopes.PlatformKey : s).Distinct()
            .GroupBy(s => s == Scopes.PlatformKey)
            .Select(g => ReadAsync(g.ToList(), asOf, days, cancellationToken)).ToList();
        var earliestOf = ScopeBounds.ReadAsync(dataSource, scopes, cancellationToken);
        var quarantinedOf = QuarantinedAsync(scopes, Period.Ending(asOf, Day), cancellationToken);
        var read = await Task.WhenAll(groups);
        var earliest = await earliestOf;
        var quarantined = await quarantinedOf;

        var signals = new Dictionary<string, ExecutionSignals>(StringComparer.Ordinal);
        foreach (var (storedScope, r) in read.SelectMany(g => g))
        {
            var scope = storedScope == Scopes.PlatformKey ? Scopes.Platform : storedScope;
            var (hour, week, day, dayBefore) = (r.Totals[0], r.Totals[1], r.Totals[2], r.Totals[3]);
            signals[scope] = new ExecutionSignals(asOf, earliest.TryGetValue(scope, out var first) ? first : (DateTime?)null,
                hour.Runs, hour.Failed, hour.Credits, week.Credits,
                day.Runs, day.Succeeded, dayBefore.Runs, dayBefore.Succeeded,
                r.P95Last, r.P95Previous, CatchingUp: !caughtUp, QuarantinedLast24h: quarantined.GetValueOrDefault(scope),
                Daily: days == 0 ? null
                    : [.. Enumerable.Range(0, days + 1).Select(i => new RunWindow(asOf.AddDays(i - days), r.Totals[RuleSlots + i].Runs, r.Totals[RuleSlots + i].Succeeded))]);
        }
        return signals;
    }

    /// <summary>The rules' windows: the last hour, the week before it, the last day and the day before.</summary>
    private const int RuleSlots = 4;

    private sealed record Read(RunTotals[] Totals, double? P95Last, double? P95Previous);

    /// <summary>Events set aside by the folder (<see cref="IngestQuarantine"/>) within the window, per scope asked (the
    /// platform counts all); scopes with none are left out. A handful of rows at most, by index.</summary>
    private async Task<Dictionary<string, long>> QuarantinedAsync(IReadOnlyList<string> scopes, Period window, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT workspace_id, count(*) FROM quarantined_events
            WHERE workspace_id = ANY ($1) AND quarantined_at >= $3 AND quarantined_at < $4 GROUP BY workspace_id
            UNION ALL
            SELECT $2, count(*) FROM quarantined_events WHERE $2 = ANY ($1) AND quarantined_at >= $3 AND quarantined_at < $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = Scopes.Platform });
        command.Parameters.Add(new NpgsqlParameter { Value = window.Start });
        command.Parameters.Add(new NpgsqlParameter { Value = window.End });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>Workspaces, or the platform alone: one set of grains.</summary>
    private async Task<Dictionary<string, Read>> ReadAsync(List<string> storedScopes, DateTime asOf, int days, CancellationToken cancellationToken)
    {
        var lastHour = Period.Ending(asOf, Hour);
        var lastDay = Period.Ending(asOf, Day);
        var previousDay = Period.Ending(lastDay.Start, Day);
        var grains = RunRollups.GrainsOf(storedScopes[0]);

        Period[] windows = [lastHour, Period.Ending(lastHour.Start, Week), lastDay, previousDay,
            .. Enumerable.Range(0, days == 0 ? 0 : days + 1).Select(i => Period.Ending(asOf.AddDays(i - days), RunWindow.Length))];
        var totals = rollups.TotalsAsync(storedScopes, RollupPieces.Of(windows, grains), windows.Length, cancellationToken);
        // The p95s compare whole hours, the 24 before asOf's hour and the 24 before those: read from the hour histograms alone,
        // whatever the volume, and kept until a fold changes those hours. Exact edges would read the raw runs of up to two
        // partial hours of every workspace, or two partial minutes of the platform, whose minutes grow with its throughput,
        // for a rule that compares two days.
        var wholeHours = p95s.GetAsync(storedScopes, asOf, cancellationToken);
        await Task.WhenAll(totals, wholeHours);
        return storedScopes.ToDictionary(s => s, s => new Read(totals.Result[s], wholeHours.Result[s].Last, wholeHours.Result[s].Previous));
    }
}
