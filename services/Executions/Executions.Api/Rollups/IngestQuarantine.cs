using System.Diagnostics.Metrics;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// Sets aside the queued events that the <see cref="RollupFolder"/> cannot fold, so that one bad event never holds back
/// the numbers of every tenant: each goes to <c>quarantined_events</c> with its fields exactly as queued and the error,
/// in the fold's transaction, with a <see cref="MetricsChanged"/> for its workspace so that the alerts service evaluates
/// the <c>ingest-quarantine</c> rule at once (no dashboard section changed: the events are missing from the totals as
/// they were). Once the fold has committed, each is logged and counted (<see cref="CounterName"/>).
/// </summary>
public sealed partial class IngestQuarantine(Outbox outbox, TimeProvider clock, IMeterFactory meters, ILogger<IngestQuarantine> logger)
{
    public const string MeterName = "ExecutiveDashboard.Executions.Ingest";
    public const string CounterName = "dashboard.ingest.quarantined";

    private readonly Counter<long> _quarantined = meters.Create(MeterName).CreateCounter<long>(
        CounterName, "{event}", "Accepted events that the rollup folder could not fold and set aside; tag reason: decode or fold.");

    /// <summary>Copies these rows of <c>unfolded_events</c> into <c>quarantined_events</c>, in the caller's transaction (which
    /// then deletes them from the queue with the rest of its chunk).</summary>
    public async Task<IReadOnlyList<QuarantinedEvent>> CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<Poison> rows, CancellationToken cancellationToken)
    {
        var moved = new List<QuarantinedEvent>();
        if (rows.Count == 0)
        {
            return moved;
        }
        await using (var command = new NpgsqlCommand("""
            INSERT INTO quarantined_events (error, is_run, event_id, workspace_id, agent_id, agent_name, at,
                                            run_id, user_id, succeeded, started_at, credits, error_code)
            SELECT q.error, u.is_run, u.event_id, u.workspace_id, u.agent_id, u.agent_name, u.at,
                   u.run_id, u.user_id, u.succeeded, u.started_at, u.credits, u.error_code
            FROM unfolded_events u JOIN unnest($1::text[]::tid[], $2::text[]) AS q(row_address, error) ON u.ctid = q.row_address
            WHERE u.ctid = ANY ($1::text[]::tid[])
            RETURNING event_id, workspace_id, error
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Row).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(Describe).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                moved.Add(new QuarantinedEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        await outbox.EnqueueAsync(connection,
            [MetricsChangedBatch.Of(moved.Select(e => e.WorkspaceId), ServiceCatalog.Executions.Name, clock.GetUtcNow().UtcDateTime, [])],
            cancellationToken);
        return moved;
    }

    /// <summary>After the fold's commit: what was set aside is told, once.</summary>
    public void Report(IReadOnlyList<Poison> rows, IReadOnlyList<QuarantinedEvent> moved)
    {
        foreach (var reason in rows.GroupBy(r => r.Reason))
        {
            _quarantined.Add(reason.Count(), new KeyValuePair<string, object?>("reason", reason.Key));
        }
        foreach (var e in moved)
        {
            LogQuarantined(e.EventId, e.WorkspaceId, e.Error);
        }
        if (moved.Count > 0)
        {
            outbox.Notify();
        }
    }

    /// <summary>e.g. <c>fold: PostgresException: 22003: numeric field overflow</c>.</summary>
    private static string Describe(Poison row) => $"{row.Reason}: {row.Error.GetType().Name}: {row.Error.Message}";

    [LoggerMessage(LogLevel.Error, "Event {EventId} of workspace {WorkspaceId} could not be folded into the rollups and was quarantined (quarantined_events): {Error}")]
    private partial void LogQuarantined(string eventId, string workspaceId, string error);
}
