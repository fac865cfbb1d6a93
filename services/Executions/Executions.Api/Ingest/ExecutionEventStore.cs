using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Executions.Metrics;
using ExecutiveDashboard.ServiceDefaults.Ingest;
using ExecutiveDashboard.ServiceDefaults.Messaging;
using ExecutiveDashboard.ServiceDefaults.Queries;
using Npgsql;
using NpgsqlTypes;

namespace ExecutiveDashboard.Executions.Ingest;

/// <summary>
/// Stores a valid batch in one transaction: claims the event ids (the ones seen before are
/// duplicates and change nothing), copies the new raw events and adds them to every rollup.
/// Committed before the caller answers 202, so an accepted event survives a crash; the integration
/// events it causes go to the outbox in the same transaction.
/// </summary>
public sealed class ExecutionEventStore(IngestTransaction ingest, Outbox outbox, TimeProvider clock)
{
    private const string Service = "executions";

    private static readonly string[] ChangedSections =
    [
        Sections.ExecutionMetrics, Sections.AgentMetrics, Sections.TopUsers, Sections.ExecutionTrend, Sections.ErrorsTrend,
    ];

    public Task<IngestResult> StoreAsync(IReadOnlyList<ExecutionEvent> events, CancellationToken cancellationToken) =>
        ingest.RunAsync(events, e => e.EventId, StoreNewAsync, cancellationToken);

    private async Task StoreNewAsync(NpgsqlConnection connection, IReadOnlyList<ExecutionEvent> newEvents, CancellationToken cancellationToken)
    {
        await CopyRunsAsync(connection, newEvents.OfType<RunCompletedEvent>(), cancellationToken);
        await CopyAgentEventsAsync(connection, newEvents.OfType<AgentCreatedEvent>(), cancellationToken);
        await UpsertRollupsAsync(connection, RunRollups.From(newEvents), cancellationToken);
        await outbox.EnqueueAsync(connection, IntegrationEvents(newEvents), cancellationToken);
    }

    /// <summary>One <see cref="RunsCompleted"/> for the batch's new runs, and one <see cref="MetricsChanged"/>
    /// per workspace it touched.</summary>
    private List<object> IntegrationEvents(IReadOnlyList<ExecutionEvent> newEvents)
    {
        var messages = new List<object>();
        var runs = newEvents.OfType<RunCompletedEvent>()
            .Select(r => new RunCompleted(r.EventId, r.WorkspaceId, r.RunId, r.AgentId, r.AgentName, r.UserId,
                r.Status == RunStatus.Succeeded, r.StartedAt, r.CompletedAt, r.Credits, r.ErrorCode))
            .ToList();
        if (runs.Count > 0)
        {
            messages.Add(new RunsCompleted(Guid.NewGuid(), runs));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        messages.AddRange(newEvents.Select(e => e.WorkspaceId).Distinct()
            .Select(workspace => new MetricsChanged(workspace, Service, now, ChangedSections)));
        return messages;
    }

    private static async Task CopyRunsAsync(NpgsqlConnection connection, IEnumerable<RunCompletedEvent> runs, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY runs (event_id, run_id, workspace_id, agent_id, user_id, succeeded, started_at, completed_at,
                       runtime_seconds, credits, error_code) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var run in runs)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(run.EventId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(run.RunId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(run.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(run.AgentId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(run.UserId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(run.Status == RunStatus.Succeeded, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(run.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(run.CompletedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(run.RuntimeSeconds, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(run.Credits, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(run.ErrorCode, NpgsqlDbType.Text, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyAgentEventsAsync(NpgsqlConnection connection, IEnumerable<AgentCreatedEvent> agents, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY agent_events (event_id, workspace_id, agent_id, agent_name, occurred_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var agent in agents)
        {
            await writer.WriteRowAsync(cancellationToken, agent.EventId, agent.WorkspaceId, agent.AgentId, agent.AgentName, agent.OccurredAt);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Rows go in key order so that concurrent batches lock shared rows in the same order.</summary>
    private static async Task UpsertRollupsAsync(NpgsqlConnection connection, RunRollups rollups, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection);

        var stats = rollups.Stats.OrderBy(r => r.Key).ToList();
        batch.BatchCommands.Add(Command("""
            INSERT INTO run_stats AS s (scope, grain, bucket_start, runs, succeeded, runtime_sum, credits)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::float8[], $7::numeric[])
            ON CONFLICT (scope, grain, bucket_start) DO UPDATE SET
                runs = s.runs + excluded.runs, succeeded = s.succeeded + excluded.succeeded,
                runtime_sum = s.runtime_sum + excluded.runtime_sum, credits = s.credits + excluded.credits
            """,
            stats.Select(r => r.Key.Scope).ToArray(), stats.Select(r => r.Key.Grain.Code()).ToArray(),
            stats.Select(r => r.Key.Bucket).ToArray(), stats.Select(r => r.Value.Runs).ToArray(),
            stats.Select(r => r.Value.Succeeded).ToArray(), stats.Select(r => r.Value.RuntimeSum).ToArray(),
            stats.Select(r => r.Value.Credits).ToArray()));

        var bins = rollups.Histogram.OrderBy(r => r.Key).ToList();
        batch.BatchCommands.Add(Command("""
            INSERT INTO runtime_histogram AS h (scope, grain, bucket_start, bin, runs)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::bigint[])
            ON CONFLICT (scope, grain, bucket_start, bin) DO UPDATE SET runs = h.runs + excluded.runs
            """,
            bins.Select(r => r.Key.Scope).ToArray(), bins.Select(r => r.Key.Grain.Code()).ToArray(),
            bins.Select(r => r.Key.Bucket).ToArray(), bins.Select(r => r.Key.Bin).ToArray(), bins.Select(r => r.Value).ToArray()));

        var known = rollups.KnownAgents.OrderBy(r => r.Key).ToList();
        batch.BatchCommands.Add(Command("""
            INSERT INTO agents AS a (workspace_id, agent_id, first_seen_at, name, named_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[])
            ON CONFLICT (workspace_id, agent_id) DO UPDATE SET
                first_seen_at = LEAST(a.first_seen_at, excluded.first_seen_at),
                name = CASE WHEN excluded.named_at >= a.named_at OR a.named_at IS NULL THEN coalesce(excluded.name, a.name) ELSE a.name END,
                named_at = CASE WHEN excluded.named_at >= a.named_at OR a.named_at IS NULL THEN coalesce(excluded.named_at, a.named_at) ELSE a.named_at END
            WHERE excluded.first_seen_at < a.first_seen_at
               OR (excluded.name IS NOT NULL AND (a.named_at IS NULL OR excluded.named_at > a.named_at
                   OR (excluded.named_at = a.named_at AND excluded.name IS DISTINCT FROM a.name)))
            """,
            known.Select(r => r.Key.Workspace).ToArray(), known.Select(r => r.Key.Agent).ToArray(),
            known.Select(r => r.Value.FirstSeenAt).ToArray(), known.Select(r => r.Value.Name).ToArray(),
            known.Select(r => r.Value.NamedAt).ToArray()));

        var bounds = rollups.EarliestEvent.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        batch.BatchCommands.Add(Command(EarliestEventApi.RecordSql,
            bounds.Select(r => r.Key).ToArray(), bounds.Select(r => r.Value).ToArray()));

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }
        return command;
    }
}
