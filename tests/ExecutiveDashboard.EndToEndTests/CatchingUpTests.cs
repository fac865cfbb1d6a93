using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Executions.Rollups;
using Npgsql;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// While a backfill is ahead of the executions rollups, the overview must still answer in time: the executions
/// sections come from the rollups as they are and are named in <c>meta.catchingUp</c>, and such an answer is
/// never cached, so the next read after the fold is whole. The backfill is played by holding the folder's lock.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class CatchingUpTests(DashboardApp app)
{
    private const string Workspace = "hand_lag";
    private const string AsOf = "2026-04-01T12:00:00Z";

    private static readonly string[] ExecutionsSections =
        [Sections.ExecutionMetrics, Sections.AgentMetrics, Sections.TopUsers, Sections.ExecutionTrend, Sections.ErrorsTrend];

    [Fact]
    public async Task An_overview_read_during_a_backfill_answers_with_the_executions_sections_catching_up_then_whole()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);
        await PostAsync(ingest, "/api/executions/events", Run("lag-r1", Workspace, "ag_l", "Lag Bot", "ul1", true, "2026-04-01T09:00:00Z", 30, 2.00m));
        var (first, _, settled) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "24h", "2026-04-01T11:00:00Z",
            a => TotalRuns(a) == 1, TimeSpan.FromSeconds(5));
        Assert.True(settled, first.ToJsonString());
        Assert.Empty(CatchingUp(first));

        await using var backfill = new NpgsqlConnection(await app.ConnectionStringAsync(ServiceCatalog.Executions.Database));
        await backfill.OpenAsync();
        await ExecuteAsync(backfill, $"SELECT pg_advisory_lock({RollupFolder.LockKey})");
        JsonObject during;
        try
        {
            await PostAsync(ingest, "/api/executions/events",
                Run("lag-r2", Workspace, "ag_l", "Lag Bot", "ul1", false, "2026-04-01T10:00:00Z", 10, 1.00m));
            during = await OverviewJson.ReadAsync(ceo, Workspace, "24h", AsOf);
        }
        finally
        {
            await ExecuteAsync(backfill, $"SELECT pg_advisory_unlock({RollupFolder.LockKey})");
        }

        Assert.Equal(ExecutionsSections.Order(StringComparer.Ordinal), CatchingUp(during));
        Assert.DoesNotContain(Sections.ExecutionMetrics, during["meta"]!["degraded"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(during["meta"]!["cached"]!.GetValue<bool>());
        Assert.Equal(1, TotalRuns(during));

        var after = await OverviewJson.ReadAsync(ceo, Workspace, "24h", AsOf);
        Assert.Empty(CatchingUp(after));
        Assert.Equal(2, TotalRuns(after));
        Assert.Equal(1, after["executionMetrics"]!["failedRuns"]!.GetValue<long>());
    }

    private static long TotalRuns(JsonObject answer) => answer["executionMetrics"]!["totalRuns"]!.GetValue<long>();

    private static string[] CatchingUp(JsonObject answer) =>
        answer["meta"]!["catchingUp"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
