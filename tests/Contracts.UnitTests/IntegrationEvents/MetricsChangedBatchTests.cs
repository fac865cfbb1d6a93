using ExecutiveDashboard.Contracts.IntegrationEvents;

namespace ExecutiveDashboard.Contracts.UnitTests.IntegrationEvents;

/// <summary>What a service writes per ingest batch, and what its outbox publishes for the changes that waited together.</summary>
public sealed class MetricsChangedBatchTests
{
    private static readonly DateTime T = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static string Text(MetricsChangedBatch batch) =>
        string.Join("; ", batch.Changes.Select(c => $"{c.Service}/{c.WorkspaceId} {c.At:HH:mm} {string.Join(',', c.Sections)}"));

    [Fact]
    public void A_batch_names_each_workspace_once_in_the_order_first_named()
    {
        var batch = MetricsChangedBatch.Of(["ws_2", "ws_1", "ws_2", "all"], "billing", T, ["businessMetrics"]);

        Assert.Equal("billing/ws_2 09:00 businessMetrics; billing/ws_1 09:00 businessMetrics; billing/all 09:00 businessMetrics", Text(batch));
    }

    [Fact]
    public void No_workspace_gives_an_empty_batch()
    {
        Assert.Empty(MetricsChangedBatch.Of([], "users", T, ["userMetrics"]).Changes);
        Assert.Empty(MetricsChangedBatch.Merge([]).Changes);
    }

    [Fact]
    public void Merged_changes_keep_one_per_service_and_workspace_with_the_latest_time_and_every_section()
    {
        MetricsChanged[] waiting =
        [
            new("ws_1", "executions", T, ["executionMetrics", "agentMetrics"]),
            new("ws_1", "users", T.AddMinutes(1), ["userMetrics"]),
            new("ws_2", "executions", T.AddMinutes(2), ["executionMetrics"]),
            new("ws_1", "executions", T.AddMinutes(3), ["trends.execution", "executionMetrics"]),
            new("ws_1", "executions", T.AddMinutes(-5), ["executionMetrics"]),   // written late: the latest time stays
        ];

        Assert.Equal(
            "executions/ws_1 09:03 executionMetrics,agentMetrics,trends.execution; users/ws_1 09:01 userMetrics; executions/ws_2 09:02 executionMetrics",
            Text(MetricsChangedBatch.Merge(waiting)));
    }
}
