using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.ServiceDefaults.Queries;
using Npgsql;

namespace ExecutiveDashboard.Executions.Metrics;

/// <summary>
/// The inputs of the alert rules for one scope (<see cref="ExecutionSignals"/>), from the same rollups and
/// the same reader as the overview: the four windows go to PostgreSQL as one set of pieces, the two
/// percentiles (over whole hours) as two more reads, all in parallel.
/// </summary>
public sealed class ExecutionSignalsQuery(NpgsqlDataSource dataSource, RollupFolder folder, RunRollupReader rollups)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1), Day = TimeSpan.FromDays(1), Week = TimeSpan.FromDays(7);

    public async Task<ExecutionSignals> GetAsync(string scope, DateTime asOf, CancellationToken cancellationToken)
    {
        var workspace = scope == Scopes.Platform ? null : scope;
        var storedScope = workspace ?? RunRollups.Platform;
        // Like the overview: what was accepted before this read is counted, or the read waits at most a second for it.
        var caughtUp = await folder.CatchUpAsync(cancellationToken);

        var lastHour = Period.Ending(asOf, Hour);
        var lastDay = Period.Ending(asOf, Day);
        var previousDay = Period.Ending(lastDay.Start, Day);
        var stats = RunRollups.StatsGrainsOf(storedScope);
        var histograms = RunRollups.HistogramGrainsOf(storedScope);

        var totals = rollups.TotalsAsync(storedScope, workspace,
            RollupPieces.Of([lastHour, Period.Ending(lastHour.Start, Week), lastDay, previousDay], stats), 4, cancellationToken);
        // The p95s compare whole hours: the 24 before asOf's hour and the 24 before those. Exact edges would read up to
        // two hours of raw runs per p95, and the platform's hour grows with its throughput (494,000 runs took
        // 250-750 ms; docs/performance.md), for a rule that compares two days.
        var p95Day = Period.Ending(Grain.Hour.Floor(asOf), Day);
        var p95Last = rollups.P95Async(storedScope, workspace, RollupPieces.Of([p95Day], histograms), cancellationToken);
        var p95Previous = rollups.P95Async(storedScope, workspace, RollupPieces.Of([Period.Ending(p95Day.Start, Day)], histograms), cancellationToken);
        var earliest = EarliestEventApi.EarliestAsync(dataSource, scope, cancellationToken);
        await Task.WhenAll(totals, p95Last, p95Previous, earliest);

        var (hour, week, day, dayBefore) = (totals.Result[0], totals.Result[1], totals.Result[2], totals.Result[3]);
        return new ExecutionSignals(asOf, earliest.Result,
            hour.Runs, hour.Failed, hour.Credits, week.Credits,
            day.Runs, day.Succeeded, dayBefore.Runs, dayBefore.Succeeded,
            p95Last.Result, p95Previous.Result, CatchingUp: !caughtUp);
    }
}
