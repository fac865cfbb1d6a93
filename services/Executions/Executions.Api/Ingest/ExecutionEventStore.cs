using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Executions.Telemetry;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;
using NpgsqlTypes;

namespace ExecutiveDashboard.Executions.Ingest;

/// <summary>
/// Stores a valid batch in one transaction: claims the event ids (the ones seen before are
/// duplicates and change nothing), copies the new raw events, and queues them for the
/// <see cref="RollupFolder"/>, records each scope's earliest event, and puts <see cref="RunsCompleted"/> and a
/// <see cref="MetricsChanged"/> per workspace in the outbox. Committed before the caller answers 202, so an accepted
/// event survives a crash. <c>MetricsChanged</c> goes out now rather than after the fold: every read catches up
/// with the folder first, so a reader it prompts already sees the new events, a fold sooner.
/// Nothing here touches a row that another batch needs, so concurrent batches never wait on each other.
/// </summary>
public sealed class ExecutionEventStore(IngestTransaction ingest, Outbox outbox, RollupFolder folder, ExecutionsMetrics metrics, TimeProvider clock)
    : IEventIngest<ExecutionEvent>
{
    public string[] Types => ExecutionEvent.Types;

    public ExecutionEvent Parse(string type, EventFields fields) => ExecutionEvent.Parse(type, fields);

    public string? WorkspaceOf(ExecutionEvent @event) => @event.WorkspaceId;

    public async Task<IngestResult> StoreAsync(IReadOnlyList<ExecutionEvent> events, CancellationToken cancellationToken)
    {
        var result = await ingest.RunAsync(events, e => e.EventId, StoreNewAsync, cancellationToken, metrics.EventsAccepted);
        if (result.Accepted > 0)
        {
            folder.Nudge();
        }
        return result;
    }

    private async Task StoreNewAsync(NpgsqlConnection connection, IReadOnlyList<ExecutionEvent> newEvents, CancellationToken cancellationToken)
    {
        var runs = newEvents.OfType<RunCompletedEvent>().ToList();
        var agents = newEvents.OfType<AgentCreatedEvent>().ToList();
        if (runs.Count > 0)
        {
            await CopyRunsAsync(connection, runs, cancellationToken);
            await QueueStoredRunsAsync(connection, cancellationToken);
        }
        if (agents.Count > 0)
        {
            await CopyAgentEventsAsync(connection, agents, cancellationToken);
            await CopyUnfoldedAgentsAsync(connection, agents, cancellationToken);
        }
        // In ingest, not in the fold, so that the gateway's start of `all` never waits for a fold.
        await ScopeBounds.RecordAsync(connection, RunRollups.EarliestEvents(newEvents), cancellationToken);

        var messages = new List<object>();
        if (runs.Count > 0)
        {
            messages.Add(new RunsCompleted(Guid.NewGuid(), runs
                .Select(r => new RunCompleted(r.EventId, r.WorkspaceId, r.RunId, r.AgentId, r.AgentName, r.UserId,
                    r.Status == RunStatus.Succeeded, r.StartedAt, r.CompletedAt, r.Credits, r.ErrorCode))
                .ToList()));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        messages.Add(MetricsChangedBatch.Of(newEvents.Select(e => e.WorkspaceId), ServiceCatalog.Executions.Name, now, ServiceCatalog.Executions.Changes));
        await outbox.EnqueueAsync(connection, messages, cancellationToken);
    }

    private static async Task CopyRunsAsync(NpgsqlConnection connection, IEnumerable<RunCompletedEvent> runs, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY runs (event_id, workspace_id, agent_id, agent_name, completed_at,
                       run_id, user_id, succeeded, started_at, credits, error_code, runtime_seconds) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var run in runs)
        {
            await writer.StartRowAsync(cancellationToken);
            await WriteRunAsync(writer, run, cancellationToken);
            await writer.WriteAsync(run.RuntimeSeconds, NpgsqlDbType.Double, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Queues this transaction's runs for the <see cref="RollupFolder"/> (<c>unfolded_events</c>: each event with what
    /// the fold needs of it, so that a fold reads no other table and the queue needs no index) from the rows just copied into
    /// <c>runs</c>, found by the transaction's id (<c>runs.xid</c>, by index): PostgreSQL copies them, instead of this service
    /// encoding and sending every run a second time (in a profile of an ingest, as much of its managed time as the copy into
    /// <c>runs</c> itself).</summary>
    private static async Task QueueStoredRunsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO unfolded_events (is_run, event_id, workspace_id, agent_id, agent_name, at,
                                         run_id, user_id, succeeded, started_at, credits, error_code)
            SELECT true, event_id, workspace_id, agent_id, agent_name, completed_at,
                   run_id, user_id, succeeded, started_at, credits, error_code
            FROM runs WHERE xid = pg_current_xact_id()
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Queues the new agents for the <see cref="RollupFolder"/>, as <see cref="QueueStoredRunsAsync"/> does the runs;
    /// a batch holds few of them, so they are sent again rather than found.</summary>
    private static async Task CopyUnfoldedAgentsAsync(NpgsqlConnection connection, IEnumerable<AgentCreatedEvent> agents, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY unfolded_events (is_run, event_id, workspace_id, agent_id, agent_name, at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var agent in agents)
        {
            await writer.WriteRowAsync(cancellationToken, false, agent.EventId, agent.WorkspaceId, agent.AgentId, agent.AgentName, agent.OccurredAt);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>A run's fields in the order <see cref="CopyRunsAsync"/> lists them: event, workspace, agent, agent name,
    /// completion, run, user, succeeded, start, credits, error code.</summary>
    private static async Task WriteRunAsync(NpgsqlBinaryImporter writer, RunCompletedEvent run, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(run.EventId, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(run.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(run.AgentId, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(run.AgentName, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(run.CompletedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await writer.WriteAsync(run.RunId, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(run.UserId, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(run.Status == RunStatus.Succeeded, NpgsqlDbType.Boolean, cancellationToken);
        await writer.WriteAsync(run.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await writer.WriteAsync(run.Credits, NpgsqlDbType.Numeric, cancellationToken);
        await writer.WriteAsync(run.ErrorCode, NpgsqlDbType.Text, cancellationToken);
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
}
