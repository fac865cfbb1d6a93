using NodaTime;
using Npgsql;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// The digests and their sends in PostgreSQL (<c>digest_subscriptions</c>, <c>digest_sends</c>). Sending is two
/// steps, each safe with any number of replicas: <see cref="ScheduleDueAsync"/> turns each digest that is due into one
/// send row (primary key: digest and due instant) and moves the digest to its next due instant, under
/// <c>FOR UPDATE SKIP LOCKED</c>; <see cref="ClaimAsync"/> takes a lease on pending sends, also under
/// <c>SKIP LOCKED</c>, so that each send is attempted by one replica at a time.
/// </summary>
public sealed class DigestStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "s.id, s.subject, s.name, s.role, s.token_workspaces, s.scope, s.cadence, s.weekday, s.local_time, s.time_zone, s.email, s.next_due_at, s.grants_seen_at";

    public async Task<IReadOnlyList<(DigestRow Digest, DigestSendView? LastSend)>> ListAsync(string subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns}, l.due_at, l.status, l.attempts, l.reason, l.sent_at
            FROM digest_subscriptions s
            LEFT JOIN LATERAL (SELECT * FROM digest_sends d WHERE d.subscription_id = s.id ORDER BY d.due_at DESC LIMIT 1) l ON true
            WHERE s.subject = $1 ORDER BY s.position
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        var list = new List<(DigestRow, DigestSendView?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var last = reader.IsDBNull(13) ? null : new DigestSendView(reader.GetDateTime(13), reader.GetString(14), reader.GetInt32(15),
                reader.IsDBNull(16) ? null : reader.GetString(16), reader.IsDBNull(17) ? null : reader.GetDateTime(17));
            list.Add((Read(reader), last));
        }
        return list;
    }

    /// <summary>Makes <paramref name="digests"/> the holder's whole list, in order. A digest named by the id of one of the
    /// holder's keeps its id and history, and its next due instant unless its timing changed; any other is new; the
    /// holder's digests left out are removed. The holder's name, role and grants are stored on all of them.</summary>
    public async Task ReplaceAsync(DigestHolder holder, IReadOnlyList<DigestSettings> digests, Instant now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two saves of one person at once (two tabs) take turns, so that the list is one or the other, never both.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('digests:' || $1, 0))", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = holder.Subject });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var existing = new HashSet<Guid>();
        await using (var command = new NpgsqlCommand("SELECT id FROM digest_subscriptions WHERE subject = $1", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = holder.Subject });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetGuid(0));
            }
        }
        var ids = digests.Select(d => d.Id is { } id && existing.Contains(id) ? id : Guid.CreateVersion7()).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("DELETE FROM digest_subscriptions WHERE subject = $1 AND NOT (id = ANY($2))", holder.Subject, ids));
        for (var i = 0; i < digests.Count; i++)
        {
            var d = digests[i];
            var next = d.Timing().NextAfter(now).ToDateTimeUtc();
            batch.BatchCommands.Add(Command("""
                INSERT INTO digest_subscriptions (id, subject, name, role, token_workspaces, position, scope, cadence, weekday, local_time, time_zone, email, next_due_at, grants_seen_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                ON CONFLICT (id) DO UPDATE SET position = $6, scope = $7, cadence = $8, weekday = $9, local_time = $10, time_zone = $11, email = $12,
                    next_due_at = CASE WHEN (digest_subscriptions.cadence, digest_subscriptions.weekday, digest_subscriptions.local_time, digest_subscriptions.time_zone)
                        IS NOT DISTINCT FROM ($8::text, $9::text, $10::text, $11::text) THEN digest_subscriptions.next_due_at ELSE $13 END
                """, ids[i], holder.Subject, holder.Name, holder.Role, holder.Grants.ToArray(), i, d.Scope, d.Cadence, d.Weekday, d.LocalTime,
                d.TimeZone, d.Email, next, now.ToDateTimeUtc()));
        }
        batch.BatchCommands.Add(HolderUpdate(holder, now));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores the holder's latest name, role and grants on their digests, seen at <paramref name="now"/>: the grants
    /// a digest is sent with.</summary>
    public async Task RefreshHolderAsync(DigestHolder holder, Instant now, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(HolderUpdate(holder, now));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM digest_subscriptions WHERE subject = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the send of each digest due at <paramref name="now"/> (at most <paramref name="limit"/>) and moves
    /// it to its next due instant. A digest due several times while nobody sent (the service down) gets one send, of its
    /// latest due instant.</summary>
    /// <returns>How many digests it scheduled: fewer than <paramref name="limit"/> when no more are due (or free).</returns>
    public async Task<int> ScheduleDueAsync(Instant now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = new List<DigestRow>();
        await using (var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM digest_subscriptions s WHERE s.next_due_at <= $1 ORDER BY s.next_due_at LIMIT $2 FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = now.ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter { Value = limit });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(Read(reader));
            }
        }
        if (due.Count == 0)
        {
            return 0;
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var digest in due)
        {
            var timing = digest.Settings.Timing();
            var at = timing.LatestDue(Instant.FromDateTimeUtc(digest.NextDueAt), now);
            batch.BatchCommands.Add(Command("""
                INSERT INTO digest_sends (subscription_id, due_at, status, next_attempt_at) VALUES ($1, $2, 'pending', $2)
                ON CONFLICT DO NOTHING
                """, digest.Id, at.ToDateTimeUtc()));
            batch.BatchCommands.Add(Command("UPDATE digest_subscriptions SET next_due_at = $2 WHERE id = $1",
                digest.Id, timing.NextAfter(at).ToDateTimeUtc()));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Takes a lease until <paramref name="leaseUntil"/> on up to <paramref name="limit"/> pending sends whose
    /// attempt is due and which no live lease holds, and counts the attempt.</summary>
    public async Task<IReadOnlyList<ClaimedSend>> ClaimAsync(Instant now, Instant leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE digest_sends d SET claimed_until = $2, attempts = d.attempts + 1
            FROM digest_subscriptions s
            WHERE s.id = d.subscription_id AND (d.subscription_id, d.due_at) IN (
                SELECT subscription_id, due_at FROM digest_sends
                WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}, d.due_at, d.attempts, d.export_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter { Value = leaseUntil.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var claimed = new List<ClaimedSend>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedSend(Read(reader), reader.GetDateTime(13), reader.GetInt32(14), reader.IsDBNull(15) ? null : reader.GetGuid(15)));
        }
        return claimed;
    }

    public Task SetExportAsync(ClaimedSend send, Guid exportId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_sends SET export_id = $3 WHERE subscription_id = $1 AND due_at = $2", send, cancellationToken, exportId);

    public Task MarkSentAsync(ClaimedSend send, Instant at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_sends SET status = 'sent', sent_at = $3, reason = NULL, claimed_until = NULL WHERE subscription_id = $1 AND due_at = $2",
            send, cancellationToken, at.ToDateTimeUtc());

    /// <summary>Gives the lease back, to be attempted again from <paramref name="nextAttempt"/>.</summary>
    public Task MarkRetryAsync(ClaimedSend send, Instant nextAttempt, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_sends SET next_attempt_at = $3, reason = $4, claimed_until = NULL WHERE subscription_id = $1 AND due_at = $2",
            send, cancellationToken, nextAttempt.ToDateTimeUtc(), reason);

    /// <summary>Ends the send as <see cref="DigestSendStatus.Failed"/> or <see cref="DigestSendStatus.Skipped"/>.</summary>
    public Task MarkEndedAsync(ClaimedSend send, string status, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_sends SET status = $3, reason = $4, claimed_until = NULL WHERE subscription_id = $1 AND due_at = $2",
            send, cancellationToken, status, reason);

    private async Task ExecuteAsync(string sql, ClaimedSend send, CancellationToken cancellationToken, params object[] values)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(sql, [send.Digest.Id, send.DueAt, .. values]));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand HolderUpdate(DigestHolder holder, Instant now) =>
        Command("UPDATE digest_subscriptions SET name = $2, role = $3, token_workspaces = $4, grants_seen_at = $5 WHERE subject = $1",
            holder.Subject, holder.Name, holder.Role, holder.Grants.ToArray(), now.ToDateTimeUtc());

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    /// <summary>The digest of the current row, whose first columns are <see cref="Columns"/>.</summary>
    private static DigestRow Read(NpgsqlDataReader row) => new(
        row.GetGuid(0),
        new DigestHolder(row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetString(3), row.GetFieldValue<string[]>(4)),
        new DigestSettings(row.GetGuid(0), row.GetString(5), row.GetString(6), row.IsDBNull(7) ? null : row.GetString(7), row.GetString(8),
            row.GetString(9), row.GetString(10)),
        row.GetDateTime(11),
        row.GetDateTime(12));
}
