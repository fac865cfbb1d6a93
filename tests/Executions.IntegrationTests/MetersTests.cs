using System.Diagnostics.Metrics;
using System.Net;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Executions.Telemetry;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>The executions service's meters as the Aspire dashboard shows them: events accepted by type, the folder's lag
/// and what it folded, and the outbox's backlog; each against what a hand-made batch must give.</summary>
[Collection(ServersCollection.Name)]
public sealed class MetersTests(ExecutionsServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ExecutionsService _service = null!;

    public Task InitializeAsync()
    {
        _service = servers.NewService();
        _ = _service.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    // Only this service's meters: other tests' services in this process have meters of the same names.
    private IMeterFactory Meters => _service.Services.GetRequiredService<IMeterFactory>();

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
        await using var busyFolder = new NpgsqlConnection(_service.ConnectionString);
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
        servers.RabbitMq.Pause();
        try
        {
            await PostAsync(ThreeEvents("o"));
            backlog.RecordObservableInstruments();
            var waiting = await _service.ScalarAsync("SELECT count(*) FROM outbox_messages");
            Assert.True(waiting > 0);
            Assert.Equal(waiting, backlog.LastMeasurement?.Value);
        }
        finally
        {
            servers.RabbitMq.Resume();
        }
    }

    private async Task PostAsync(StringContent batch)
    {
        using var response = await _service.Ingest.PostAsync("/api/executions/events", batch);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
