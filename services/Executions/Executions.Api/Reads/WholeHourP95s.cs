using System.Collections.Concurrent;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Rollups;
using Npgsql;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>
/// The alert signals' p95s, over the 24 whole hours before asOf's hour and the 24 before those, kept per scope until a
/// fold changes one of those 48 hours. Each fold stamps the hours it changed (<c>folded_hours</c>, stamps in fold order),
/// so one small read of the highest stamp in the window tells whether a kept p95 still holds. Live runs land in asOf's
/// own hour, outside the window: a scope's p95s are then read once an hour, not at every evaluation round (they unnest
/// 48 histograms per scope, most of a round's cost). A backfill into the window reads them again, as before. The stamp
/// is read before the p95s: a fold between the two only makes the entry stale sooner. Each replica keeps its own.
/// </summary>
public sealed class WholeHourP95s(NpgsqlDataSource dataSource, RunRollupReader rollups)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _kept = new(StringComparer.Ordinal);

    private sealed record Entry(DateTime Hour, long Stamp, double? Last, double? Previous);

    /// <summary>For workspaces, or the platform alone (their grains differ): the p95 of the last 24 whole hours and of the
    /// 24 before them.</summary>
    public async Task<Dictionary<string, (double? Last, double? Previous)>> GetAsync(
        IReadOnlyList<string> storedScopes, DateTime asOf, CancellationToken cancellationToken)
    {
        var last = Period.Ending(Grain.Hour.Floor(asOf), Day);
        var previous = Period.Ending(last.Start, Day);
        var stamp = await StampAsync(new Period(previous.Start, last.End), cancellationToken);

        var p95s = new Dictionary<string, (double? Last, double? Previous)>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var scope in storedScopes.Distinct())
        {
            if (_kept.TryGetValue(scope, out var kept) && kept.Hour == last.End && kept.Stamp == stamp)
            {
                p95s[scope] = (kept.Last, kept.Previous);
            }
            else
            {
                missing.Add(scope);
            }
        }
        if (missing.Count == 0)
        {
            return p95s;
        }

        var grains = RunRollups.GrainsOf(missing[0]);
        var lastP95 = rollups.P95Async(missing, RollupPieces.Of([last], grains), cancellationToken);
        var previousP95 = rollups.P95Async(missing, RollupPieces.Of([previous], grains), cancellationToken);
        await Task.WhenAll(lastP95, previousP95);
        foreach (var scope in missing)
        {
            _kept[scope] = new Entry(last.End, stamp, lastP95.Result[scope], previousP95.Result[scope]);
            p95s[scope] = (lastP95.Result[scope], previousP95.Result[scope]);
        }
        return p95s;
    }

    private async Task<long> StampAsync(Period hours, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(max(stamp), 0) FROM folded_hours WHERE hour >= $1 AND hour < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = hours.Start });
        command.Parameters.Add(new NpgsqlParameter { Value = hours.End });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
