using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Testing;
using Npgsql;

namespace ExecutiveDashboard.Faults;

/// <summary>What a run ends with, to be compared with the quiet run's.</summary>
/// <param name="Overview">Every section of the overview, per scope and timeframe, at the dataset's end.</param>
/// <param name="Counts">Rows stored per service: events claimed, raw runs, runs in the platform's day rollups.</param>
public sealed record Outcome(
    IReadOnlyDictionary<string, string> Overview, IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<(string Resource, string? State, string? Health)> States, IReadOnlyList<string> Faults,
    double IngestSeconds, double SettleSeconds, long Retries);

public static class Snapshot
{
    private static readonly string[] Timeframes = ["24h", "7d", "30d", "all"];

    /// <summary>Reads the overview until it stops changing, or until it equals <paramref name="expected"/>; at most
    /// <paramref name="limit"/> after the ingest.</summary>
    public static async Task<(IReadOnlyDictionary<string, string> Overview, TimeSpan Elapsed, bool Stable)> SettleAsync(
        HttpClient ceo, IReadOnlyList<string> scopes, DateTime asOf, IReadOnlyDictionary<string, string>? expected, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyDictionary<string, string>? previous = null;
        var lastChange = TimeSpan.Zero;
        while (true)
        {
            var current = await ReadAsync(ceo, scopes, asOf);
            var complete = current.Values.All(v => v.Length > 0);
            if (complete && (expected is null ? previous is not null && Same(previous, current) : Same(expected, current)))
            {
                return (current, lastChange, true);
            }
            if (previous is null || !Same(previous, current))
            {
                lastChange = watch.Elapsed;
            }
            if (watch.Elapsed > limit)
            {
                return (current, lastChange, false);
            }
            previous = current;
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var other) && other == e.Value);

    /// <summary>Each answer without <c>meta</c> (when and how it was computed) and <c>activeAlerts</c> (raised at the
    /// wall-clock moments the rules ran, which differ between runs); an incomplete answer (a degraded or catching-up
    /// section) reads as empty, so it never settles.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(HttpClient ceo, IReadOnlyList<string> scopes, DateTime asOf)
    {
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            foreach (var timeframe in Timeframes)
            {
                var key = $"{scope} {timeframe}";
                try
                {
                    var answer = (await ceo.GetFromJsonAsync<JsonObject>(
                        $"/api/executive/overview?workspace_id={scope}&timeframe={timeframe}&asOf={asOf.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"))!;
                    var meta = answer["meta"]!;
                    var complete = meta["degraded"]!.AsArray().Count == 0 && meta["catchingUp"]!.AsArray().Count == 0;
                    answer.Remove("meta");
                    answer.Remove("activeAlerts");
                    answers[key] = complete ? answer.ToJsonString() : "";
                }
                catch (HttpRequestException)
                {
                    answers[key] = "";
                }
            }
        }
        return answers;
    }

    /// <summary>Rows each service stored, read straight from its database.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(RunningApp<Projects.ExecutiveDashboard_AppHost> app)
    {
        var queries = new (string Database, string Name, string Sql)[]
        {
            (ServiceCatalog.Users.Database, "users: events claimed", "SELECT count(*) FROM ingested_events"),
            (ServiceCatalog.Billing.Database, "billing: events claimed", "SELECT count(*) FROM ingested_events"),
            (ServiceCatalog.Executions.Database, "executions: events claimed", "SELECT count(*) FROM ingested_events"),
            (ServiceCatalog.Executions.Database, "executions: raw runs", "SELECT count(*) FROM runs"),
            (ServiceCatalog.Executions.Database, "executions: runs in the platform's days", $"SELECT coalesce(sum(runs), 0) FROM run_stats WHERE scope = '{Scopes.PlatformKey}' AND grain = 'd'"),
        };
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (database, name, sql) in queries)
        {
            await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(database));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            counts[name] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return counts;
    }
}
