using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.Users.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace ExecutiveDashboard.Users.Ingest;

/// <summary>
/// Stores user events. A batch of <c>user.signed_up</c> and <c>user.active</c> is claimed (the ids seen
/// before are duplicates and change nothing), its users recorded, its raw events copied and its activity
/// merged into the spans, in one transaction committed before the caller answers 202. Completed runs from the
/// bus only merge their users and activity spans: the runs themselves are stored by the executions service,
/// and a merge keeps the earliest and latest times, so a redelivered message changes nothing without claims.
/// The integration events each causes go to the outbox in the same transaction.
/// </summary>
public sealed class UserEventStore(IngestTransaction ingest, Outbox outbox, UsersMetrics metrics, TimeProvider clock) : IEventIngest<UserEvent>
{
    public string[] Types => UserEvent.Types;

    public UserEvent Parse(string type, EventFields fields) => UserEvent.Parse(type, fields);

    public string? WorkspaceOf(UserEvent @event) => @event.WorkspaceId;

    public Task<IngestResult> StoreAsync(IReadOnlyList<UserEvent> events, CancellationToken cancellationToken) =>
        ingest.RunAsync(events, e => e.EventId, StoreNewAsync, cancellationToken, metrics.EventsAccepted);

    /// <summary>Each run makes its user active at its completion.</summary>
    public Task MergeRunsAsync(IReadOnlyList<UserActiveEvent> runs, CancellationToken cancellationToken) =>
        ingest.MergeAsync(runs, async (connection, activity, ct) =>
        {
            var rollups = UserRollups.From(activity);
            var keys = await UpsertUsersAsync(connection, rollups, ct);
            await UpsertSpansAsync(connection, rollups, keys, ct);
            await outbox.EnqueueAsync(connection, [WorkspacesChanged(activity)], ct);
        }, cancellationToken);

    private async Task StoreNewAsync(NpgsqlConnection connection, IReadOnlyList<UserEvent> newEvents, CancellationToken cancellationToken)
    {
        var rollups = UserRollups.From(newEvents);
        var keys = await UpsertUsersAsync(connection, rollups, cancellationToken);
        var signups = newEvents.OfType<UserSignedUpEvent>().ToList();
        var activity = newEvents.OfType<UserActiveEvent>().ToList();
        if (signups.Count > 0)
        {
            await CopySignupsAsync(connection, signups, cancellationToken);
        }
        if (activity.Count > 0)
        {
            await CopyActivityAsync(connection, activity, keys, cancellationToken);
        }
        await UpsertSpansAsync(connection, rollups, keys, cancellationToken);

        var recorded = new UserActivitiesRecorded(Guid.NewGuid(), newEvents
            .Select(e => new UserActivityRecorded(e.EventId, e.WorkspaceId, e.UserId,
                e is UserSignedUpEvent ? UserEvent.SignedUpType : UserEvent.ActiveType,
                (e as UserSignedUpEvent)?.Name, e.OccurredAt))
            .ToList());
        await outbox.EnqueueAsync(connection, [recorded, WorkspacesChanged(newEvents)], cancellationToken);
    }

    private MetricsChangedBatch WorkspacesChanged(IEnumerable<UserEvent> events) =>
        MetricsChangedBatch.Of(events.Select(e => e.WorkspaceId), ServiceCatalog.Users.Name, clock.GetUtcNow().UtcDateTime,
            ServiceCatalog.Users.Changes);

    /// <summary>Records every user of the batch (first sighting, latest name) in key order, so that concurrent
    /// batches lock shared rows in the same order, and returns their keys.</summary>
    private static async Task<Dictionary<(string, string), long>> UpsertUsersAsync(
        NpgsqlConnection connection, UserRollups rollups, CancellationToken cancellationToken)
    {
        var users = rollups.Users.OrderBy(u => u.Key.Workspace, StringComparer.Ordinal)
            .ThenBy(u => u.Key.User, StringComparer.Ordinal).ToList();
        await ScopeBounds.RecordAsync(connection, rollups.EarliestEvent, cancellationToken);

        // Most users of a batch of runs are known, seen earlier, with no newer name: they are read, not rewritten
        // (a rewrite is a new row version and index entries per run), like the agents of the executions service.
        await using var upsert = new NpgsqlCommand("""
            WITH batch AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[])
                    WITH ORDINALITY AS b(workspace_id, user_id, first_seen_at, name, named_at, i)),
            unchanged AS (
                SELECT b.i, k.workspace_id, k.user_id, k.user_key FROM batch b JOIN users k USING (workspace_id, user_id)
                WHERE k.first_seen_at <= b.first_seen_at
                  AND (b.name IS NULL OR (k.named_at IS NOT NULL
                      AND (b.named_at < k.named_at OR (b.named_at = k.named_at AND b.name IS NOT DISTINCT FROM k.name))))),
            changed AS (
                INSERT INTO users AS u (workspace_id, user_id, first_seen_at, name, named_at)
                SELECT b.workspace_id, b.user_id, b.first_seen_at, b.name, b.named_at FROM batch b
                WHERE NOT EXISTS (SELECT 1 FROM unchanged k WHERE k.i = b.i)
                ORDER BY b.i
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET
                    xid = pg_current_xact_id(),
                    first_seen_at = LEAST(u.first_seen_at, excluded.first_seen_at),
                    name = CASE WHEN excluded.named_at >= u.named_at OR u.named_at IS NULL THEN coalesce(excluded.name, u.name) ELSE u.name END,
                    named_at = CASE WHEN excluded.named_at >= u.named_at OR u.named_at IS NULL THEN coalesce(excluded.named_at, u.named_at) ELSE u.named_at END
                RETURNING workspace_id, user_id, user_key)
            SELECT workspace_id, user_id, user_key FROM unchanged
            UNION ALL
            SELECT workspace_id, user_id, user_key FROM changed
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.Key.Workspace).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.Key.User).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.Value.FirstSeenAt).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.Value.Name).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.Value.NamedAt).ToArray() });

        var keys = new Dictionary<(string, string), long>(users.Count);
        await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }
        return keys;
    }

    private static async Task CopySignupsAsync(NpgsqlConnection connection, IEnumerable<UserSignedUpEvent> signups, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY signups (event_id, workspace_id, user_id, occurred_at, name, email) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in signups)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(s.EventId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(s.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(s.UserId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(s.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(s.Name, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(s.Email, NpgsqlDbType.Text, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyActivityAsync(NpgsqlConnection connection, IEnumerable<UserActiveEvent> activity,
        Dictionary<(string, string), long> keys, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY activity_events (event_id, workspace_id, user_key, occurred_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var a in activity)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(a.EventId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(a.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(keys[(a.WorkspaceId, a.UserId)], NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(a.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Merges the batch's spans into <c>user_activity_spans</c>: per hour the earlier first and the
    /// later last millisecond; rows in key order like every other upsert. The batch's spans of a row are sorted, one per
    /// hour. Events reported in time order (the usual case) either start a later hour than the stored ones, and are
    /// appended, or continue the stored last hour (the same hour spread over batches, which live traffic does all the
    /// time), whose span is widened in place before the rest is appended: neither reads the row, nor grows with the
    /// user's history (<c>span_at</c>, <c>span_union</c>: migration 008). A row that late events reach into (a backfill)
    /// is left by the upsert, which locks it all the same, then read and merged here hour by hour
    /// (<see cref="ActivitySpans.Merge"/>) and written back: decoding and regrouping a whole row in SQL made a backfill's
    /// merges most of the users database's time (docs/performance.md, Ingest).</summary>
    private static async Task UpsertSpansAsync(NpgsqlConnection connection, UserRollups rollups,
        Dictionary<(string, string), long> keys, CancellationToken cancellationToken)
    {
        var rows = rollups.Spans
            .Select(s => (s.Key.Block, Key: keys[(s.Key.Workspace, s.Key.User)], s.Key.Workspace,
                Spans: s.Value.OrderBy(h => h.Key).Select(h => ActivitySpans.Encode(h.Key, h.Value.First, h.Value.Last)).ToArray()))
            .OrderBy(r => r.Block).ThenBy(r => r.Key)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var written = new HashSet<(int Block, long Key)>(rows.Count);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO user_activity_spans AS a (block, user_key, workspace_id, spans)
            SELECT * FROM unnest($1::int[], $2::bigint[], $3::text[], $4::bytea[])
            ON CONFLICT (block, user_key) DO UPDATE SET xid = pg_current_xact_id(), spans = CASE
                WHEN span_at(a.spans, length(a.spans) / 8 - 1) >> 44 < span_at(excluded.spans, 0) >> 44
                THEN a.spans || excluded.spans
                ELSE substr(a.spans, 1, length(a.spans) - 8)
                    || int8send(span_union(span_at(a.spans, length(a.spans) / 8 - 1), span_at(excluded.spans, 0)))
                    || substr(excluded.spans, 9) END
            WHERE span_at(a.spans, length(a.spans) / 8 - 1) >> 44 <= span_at(excluded.spans, 0) >> 44
            RETURNING block, user_key
            """, connection))
        {
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Block).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Key).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Workspace).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => ActivitySpans.Pack(r.Spans)).ToArray() });
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                written.Add((reader.GetInt32(0), reader.GetInt64(1)));
            }
        }

        var late = rows.Where(r => !written.Contains((r.Block, r.Key))).ToList();
        if (late.Count > 0)
        {
            await MergeLateSpansAsync(connection, late.Select(r => (r.Block, r.Key, r.Spans)).ToList(), cancellationToken);
        }
    }

    /// <summary>Rows the upsert locked but left (events earlier than the row's last hour): read, merged, written back.</summary>
    private static async Task MergeLateSpansAsync(NpgsqlConnection connection, List<(int Block, long Key, long[] Spans)> late,
        CancellationToken cancellationToken)
    {
        var merged = new byte[late.Count][];
        await using (var read = new NpgsqlCommand("""
            SELECT u.i, s.spans
            FROM unnest($1::int[], $2::bigint[]) WITH ORDINALITY AS u(block, user_key, i)
            JOIN user_activity_spans s USING (block, user_key)
            """, connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = late.Select(r => r.Block).ToArray() });
            read.Parameters.Add(new NpgsqlParameter { Value = late.Select(r => r.Key).ToArray() });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var i = (int)reader.GetInt64(0) - 1;
                merged[i] = ActivitySpans.Merge(reader.GetFieldValue<byte[]>(1), late[i].Spans);
            }
        }

        await using var write = new NpgsqlCommand("""
            UPDATE user_activity_spans s SET xid = pg_current_xact_id(), spans = u.spans
            FROM unnest($1::int[], $2::bigint[], $3::bytea[]) AS u(block, user_key, spans)
            WHERE s.block = u.block AND s.user_key = u.user_key
            """, connection);
        write.Parameters.Add(new NpgsqlParameter { Value = late.Select(r => r.Block).ToArray() });
        write.Parameters.Add(new NpgsqlParameter { Value = late.Select(r => r.Key).ToArray() });
        write.Parameters.Add(new NpgsqlParameter { Value = merged });
        await write.ExecuteNonQueryAsync(cancellationToken);
    }
}
