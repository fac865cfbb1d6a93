using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Exports.Audit;

/// <summary>
/// The exports audit (<c>export_audit</c>): records are appended, hash-chained (<see cref="AuditChain"/>), listed and
/// verified, never changed (the table's trigger refuses it). Appends are serialized across every replica by an
/// advisory lock held until the record is committed, so that each chains from the one committed before it and the
/// chain's order (<c>seq</c>) is the order of commits. Within a replica, appends also wait their turn in memory: each
/// would otherwise hold a pooled connection while it waits for the lock, and a burst of exports would exhaust the pool
/// and the server's connections for nothing.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    private const long AppendLock = 0x4155_4449_5443_4841; // "AUDITCHA"

    private readonly SemaphoreSlim _appending = new(1, 1);

    /// <summary>Records what the service did with one request. Text is stored as <see cref="AuditText.Storable"/> makes
    /// it, times to the microsecond; the record returned is the one stored.</summary>
    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        AppendAsync(entry, integrationEvent: null, cancellationToken);

    /// <summary>Records a request, and publishes <paramref name="integrationEvent"/> of its record through the outbox, in
    /// the same transaction: the event is sent if and only if the record is stored.</summary>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, Func<AuditRecord, object>? integrationEvent, CancellationToken cancellationToken)
    {
        await _appending.WaitAsync(cancellationToken);
        try
        {
            var record = await AppendInTurnAsync(entry, integrationEvent, cancellationToken);
            if (integrationEvent is not null)
            {
                outbox.Notify();
            }
            return record;
        }
        finally
        {
            _appending.Release();
        }
    }

    /// <summary>Newest first (the reverse of the chain's order). A viewer sees the records of the workspaces in
    /// <paramref name="viewerWorkspaces"/>, and all of them (also those of <c>all</c> and those without a scope) with
    /// <c>*</c>.</summary>
    public async Task<AuditPage> ListAsync(AuditQuery query, IReadOnlySet<string> viewerWorkspaces, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = new List<string>();
        void Where(string condition, object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            conditions.Add(condition.Replace("@", $"${command.Parameters.Count}", StringComparison.Ordinal));
        }

        if (!viewerWorkspaces.Contains(Scopes.PlatformKey))
        {
            Where("scope = ANY(@)", viewerWorkspaces.Where(w => w != Scopes.Platform).ToArray());
        }
        if (query.From is { } from)
        {
            Where("at >= @", from);
        }
        if (query.To is { } to)
        {
            Where("at < @", to);
        }
        if (query.Subject is { } subject)
        {
            Where("subject = @", subject);
        }
        if (query.Outcome is { } outcome)
        {
            Where("outcome = @", outcome);
        }
        if (query.Scope is { } scope)
        {
            Where("scope = @", scope);
        }
        if (query.Before is { } before)
        {
            Where("seq < @", before);
        }
        var filter = conditions.Count == 0 ? "" : $"WHERE {string.Join(" AND ", conditions)}";
        // One more than the page, to know whether another follows.
        command.CommandText = $"SELECT seq, {AuditRows.Columns} FROM export_audit {filter} ORDER BY seq DESC LIMIT {query.Limit + 1}";

        var items = new List<AuditRecord>(query.Limit);
        long last = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (items.Count < query.Limit && await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            items.Add(AuditRows.Read(reader, first: 1));
        }
        var more = items.Count == query.Limit && await reader.ReadAsync(cancellationToken);
        return new AuditPage(items, more ? AuditCursor.Of(last) : null);
    }

    /// <summary>Recomputes the chain in its order. The first invalid record is the first whose stored hash does not follow
    /// from its content and its predecessor's stored hash: a record changed in place, or the successor of one removed.
    /// Records removed from the end leave no trace in the chain itself.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {AuditRows.Columns} FROM export_audit ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var previous = AuditChain.GenesisHash;
        long records = 0;
        Guid? firstInvalid = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = AuditRows.Read(reader);
            records++;
            if (firstInvalid is null && AuditChain.Hash(previous, record) != record.Hash)
            {
                firstInvalid = record.Id;
            }
            previous = record.Hash;
        }
        return new AuditVerification(records, firstInvalid is null, firstInvalid);
    }

    private async Task<AuditRecord> AppendInTurnAsync(AuditEntry entry, Func<AuditRecord, object>? integrationEvent, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLock})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        string previous;
        await using (var command = new NpgsqlCommand("SELECT hash FROM export_audit ORDER BY seq DESC LIMIT 1", connection, transaction))
        {
            previous = await command.ExecuteScalarAsync(cancellationToken) as string ?? AuditChain.GenesisHash;
        }

        // Taken under the lock, so that times follow the chain's order on one replica.
        var now = clock.GetUtcNow();
        var unhashed = Unhashed(entry, Guid.CreateVersion7(now), AuditChain.ToMicrosecond(now.UtcDateTime));
        var record = unhashed with { Hash = AuditChain.Hash(previous, unhashed) };
        await using (var command = new NpgsqlCommand(AuditRows.Insert, connection, transaction))
        {
            AuditRows.AddParameters(command, record);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (integrationEvent is not null)
        {
            await outbox.EnqueueAsync(connection, [integrationEvent(record)], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    private static AuditRecord Unhashed(AuditEntry entry, Guid id, DateTime at) => new(
        id,
        at,
        AuditText.Storable(entry.Subject),
        AuditText.Storable(entry.Name),
        AuditText.Storable(entry.Role),
        [.. entry.TokenWorkspaces.Select(w => AuditText.Storable(w)!)],
        AuditText.Storable(entry.Scope),
        AuditText.Storable(entry.Timeframe),
        entry.AsOf is { } asOf ? AuditChain.ToMicrosecond(asOf) : null,
        AuditText.Storable(entry.Format),
        entry.Outcome,
        entry.Status,
        entry.Bytes,
        AuditText.Storable(entry.Sha256),
        entry.DurationMs,
        AuditText.Storable(entry.ClientAddress),
        AuditText.Storable(entry.UserAgent),
        Hash: "",
        entry.Channel);
}
