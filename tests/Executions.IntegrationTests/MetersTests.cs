using System.Diagnostics.Metrics;
using System.Net;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Executions.Telemetry;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>The executions service's meters as the Aspire dashboard shows them: events accepted by type, the folder's lag
/// and what it folded, and the outbox's backlog; each against what a hand-made batch must give.</summary>
[Collection(ServersCollection.Name)]
public sealed class MetersTests(ExecutionsServersFixture servers) : ServiceTests<ExecutionsService>(servers)
{
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = Service.Server;
    }

    // Only this service's meters: other tests' services in this process have meters of the same names.
    private IMeterFactory Meters => Service.Services.GetRequiredService<IMeterFactory>();

    private static StringContent ThreeEvents(string prefix) => Batch(
        AgentCreated($"{prefix}-a", "ws_m", "ag_1", "Meter bot", Day),
        Run($"{prefix}-r1", "ws_m", "ag_1", "u_1", "succeeded", Day.AddHours(1), 10, 1m),
        Run($"{prefix}-r2", "ws_m", "ag_1", "u_1", "failed", Day.AddHours(2), 20, 2m));

    [Fact]
    public async Task Accepted_events_are_counted_by_type_and_duplicates_are_not()
    {
        using var accepted = new MetricCollector<long>(Meters, ExecutionsMetrics.MeterName, AcceptedEvents.InstrumentName);

        await PostAsync(ThreeEvents("e"));
        await PostAsync(ThreeEvents("e"));

        var byType = accepted.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags[AcceptedEvents.TypeTag]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["agent.created"] = 1, ["run.completed"] = 2 }, byType);
    }

    [Fact]
    public async Task The_fold_lag_is_the_events_waiting_for_the_folder_until_it_folds_them()
    {
        using var unfolded = new MetricCollector<long>(Meters, ExecutionsMetrics.MeterName, ExecutionsMetrics.UnfoldedInstrument);
        using var folded = new MetricCollector<long>(Meters, ExecutionsMetrics.MeterName, ExecutionsMetrics.FoldedInstrument);
        // Hold the folder's lock, as a busy replica would: the batch waits in its queue.
        await using var busyFolder = new NpgsqlConnection(Service.ConnectionString);
        await busyFolder.OpenAsync();
        await ExecuteAsync(busyFolder, $"SELECT pg_advisory_lock({RollupFolder.LockKey})");

        await PostAsync(ThreeEvents("f"));
        unfolded.RecordObservableInstruments();
        Assert.Equal(3, unfolded.LastMeasurement?.Value);

        await ExecuteAsync(busyFolder, $"SELECT pg_advisory_unlock({RollupFolder.LockKey})");
        await Poll.UntilAsync("three events folded", () => folded.GetMeasurementSnapshot().EvaluateAsCounter() == 3, Patience);
        unfolded.RecordObservableInstruments();
        Assert.Equal(0, unfolded.LastMeasurement?.Value);
    }

    [Fact]
    public async Task The_outbox_backlog_is_what_waits_for_the_broker()
    {
        using var backlog = new MetricCollector<long>(Meters, OutboxDispatcher.MeterName, OutboxDispatcher.BacklogInstrument);
        Servers.RabbitMq.Pause();
        try
        {
            await PostAsync(ThreeEvents("o"));
            backlog.RecordObservableInstruments();
            var waiting = await Service.ScalarAsync("SELECT count(*) FROM outbox_messages");
            Assert.True(waiting > 0);
            Assert.Equal(waiting, backlog.LastMeasurement?.Value);
        }
        finally
        {
            Servers.RabbitMq.Resume();
        }
    }

    [Fact]
    public async Task A_row_count_gauge_stops_at_its_cap()
    {
        await using (var connection = new NpgsqlConnection(Service.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"CREATE TABLE gauge_probe AS SELECT g FROM generate_series(1, {RowCountGauge.Cap + 5}) AS g");
        }
        using var meter = new Meter("test.row-count-gauge");
        RowCountGauge.Create(meter, Service.Services.GetRequiredService<NpgsqlDataSource>(), "gauge_probe", "probe.rows", "rows");
        using var rows = new MetricCollector<long>(meter, "probe.rows");

        rows.RecordObservableInstruments();
        Assert.Equal(RowCountGauge.Cap, rows.LastMeasurement?.Value);

        await Service.ScalarAsync("WITH gone AS (DELETE FROM gauge_probe WHERE g > 7 RETURNING 1) SELECT count(*) FROM gone");
        rows.RecordObservableInstruments();
        Assert.Equal(7, rows.LastMeasurement?.Value);
    }

    private async Task PostAsync(StringContent batch)
    {
        using var response = await Service.Ingest.PostAsync("/api/executions/events", batch);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
