using System.Text.Json;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Alerts.Storage;

/// <summary>The alerts database: known scopes, alerts, edited thresholds. Changes to a scope's alerts are applied
/// under a per-scope advisory lock, with their integration events in the same transaction (the outbox).</summary>
public sealed class AlertStore(NpgsqlDataSource dataSource, Outbox outbox)
{
    /// <summary>The most alerts a list answers, and its default.</summary>
    public const int MaxListLimit = 500;

    /// <summary>Records that the numbers of these scopes changed at <paramref name="now"/>.</summary>
    public async Task RememberScopesAsync(IReadOnlyCollection<string> scopes, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO known_scopes (scope, last_changed_at) SELECT unnest($1::text[]), $2 ORDER BY 1
            ON CONFLICT (scope) DO UPDATE SET last_changed_at = GREATEST(known_scopes.last_changed_at, EXCLUDED.last_changed_at)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The scopes a timer tick evaluates: the platform, every scope with an active alert and every scope with a goal (whose
    /// projection moves with time), each tick; and of the
    /// scopes whose numbers changed within <paramref name="lookback"/> (the longest rule window) and that no event
    /// evaluated within the last <paramref name="tick"/>, the stalest 1/<paramref name="sweepTicks"/>, so each is
    /// evaluated at least every <paramref name="sweepTicks"/> ticks. A scope whose windows hold nothing new since its
    /// last change cannot raise an alert by time alone.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScopesDueAsync(DateTime now, TimeSpan tick, TimeSpan lookback, int sweepTicks,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT scope FROM known_scopes WHERE scope = 'all'
            UNION
            SELECT scope FROM alerts WHERE resolved_at IS NULL
            UNION
            SELECT scope FROM goals
            UNION
            (SELECT scope FROM known_scopes
             WHERE last_changed_at > $1 - $3 AND (last_evaluated_at IS NULL OR last_evaluated_at <= $1 - $2)
             ORDER BY last_evaluated_at NULLS FIRST, scope
             LIMIT (SELECT ceil(count(*) / $4::numeric)::bigint FROM known_scopes WHERE last_changed_at > $1 - $3))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = tick });
        command.Parameters.Add(new NpgsqlParameter { Value = lookback });
        command.Parameters.Add(new NpgsqlParameter { Value = sweepTicks });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var scopes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            scopes.Add(reader.GetString(0));
        }
        return scopes;
    }

    /// <summary>The thresholds in force: saved edits over the defaults.</summary>
    public async Task<IReadOnlyDictionary<string, RuleSettings>> SettingsAsync(CancellationToken cancellationToken)
    {
        var settings = RuleBook.Defaults().ToDictionary();
        await using var command = dataSource.CreateCommand("SELECT rule, parameters::text FROM rule_settings");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (settings.TryGetValue(reader.GetString(0), out var defaults))
            {
                var saved = JsonSerializer.Deserialize<Dictionary<string, decimal>>(reader.GetString(1))!;
                // A parameter added after the edit keeps its default.
                settings[reader.GetString(0)] = new RuleSettings(defaults.Values.ToDictionary(p => p.Key, p => saved.GetValueOrDefault(p.Key, p.Value)));
            }
        }
        return settings;
    }

    public async Task SaveSettingsAsync(string rule, RuleSettings settings, string by, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO rule_settings (rule, parameters, updated_at, updated_by) VALUES ($1, $2::jsonb, $3, $4)
            ON CONFLICT (rule) DO UPDATE SET parameters = excluded.parameters, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = rule });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(settings.Values) });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = by });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Applies what <paramref name="plan"/> makes of each scope's open alerts, as of <paramref name="now"/>, for many
    /// scopes in one transaction. Evaluations of one scope take turns (advisory locks, taken in key order so that two
    /// evaluations of overlapping scopes never deadlock), and a scope whose last applied evaluation read newer signals
    /// is skipped, so two evaluations never both trigger the same rule; the unique partial index would refuse it anyway.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<string> scopes, DateTime now,
        Func<string, IReadOnlyList<OpenAlert>, IReadOnlyList<Transition>> plan, CancellationToken cancellationToken)
    {
        var asked = scopes.Distinct().ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, """
            SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended('alerts:' || s, 0) AS k FROM unnest($1::text[]) s ORDER BY 1) keys
            """, cancellationToken, (object)asked);
        await Execute(connection, "INSERT INTO known_scopes (scope) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (scope) DO NOTHING",
            cancellationToken, (object)asked);

        var open = new Dictionary<string, List<OpenAlert>>(StringComparer.Ordinal);
        await using (var fresh = new NpgsqlCommand("""
            UPDATE known_scopes SET last_evaluated_at = $2
            WHERE scope = ANY($1) AND (last_evaluated_at IS NULL OR last_evaluated_at <= $2) RETURNING scope
            """, connection))
        {
            fresh.Parameters.Add(new NpgsqlParameter { Value = asked });
            fresh.Parameters.Add(new NpgsqlParameter { Value = now });
            await using var reader = await fresh.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                open[reader.GetString(0)] = [];
            }
        }
        await using (var select = new NpgsqlCommand(
            "SELECT scope, id, rule, severity, triggered_at FROM alerts WHERE scope = ANY($1) AND resolved_at IS NULL", connection))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = open.Keys.ToArray() });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                open[reader.GetString(0)].Add(new OpenAlert(reader.GetGuid(1), reader.GetString(2), (Severity)reader.GetInt16(3), reader.GetDateTime(4)));
            }
        }

        var messages = new List<object>();
        var changed = new List<string>();
        foreach (var (scope, alerts) in open.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var transitions = plan(scope, alerts);
            foreach (var transition in transitions)
            {
                messages.Add(await ApplyAsync(connection, scope, now, transition, cancellationToken));
            }
            if (transitions.Count > 0)
            {
                changed.Add(scope);
            }
        }
        if (changed.Count > 0)
        {
            messages.Add(MetricsChangedBatch.Of(changed, ServiceCatalog.Alerts.Name, now, ServiceCatalog.Alerts.Changes));
        }
        if (messages.Count > 0)
        {
            await outbox.EnqueueAsync(connection, messages, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (messages.Count > 0)
        {
            outbox.Notify();
        }
    }

    private static async Task<object> ApplyAsync(NpgsqlConnection connection, string scope, DateTime now, Transition transition, CancellationToken cancellationToken)
    {
        switch (transition)
        {
            case Transition.Trigger t:
            {
                var id = Guid.CreateVersion7(now);
                await Execute(connection, """
                    INSERT INTO alerts (id, scope, rule, severity, message, triggered_at) VALUES ($1, $2, $3, $4, $5, $6)
                    """, cancellationToken, id, scope, t.Rule, (short)t.Severity, t.Message, now);
                return new AlertTriggered(id.ToString(), scope, t.Rule, t.Severity.ToWire(), t.Message, now);
            }
            case Transition.Rerate r:
                await Execute(connection, "UPDATE alerts SET severity = $2, message = $3 WHERE id = $1", cancellationToken,
                    r.Alert.Id, (short)r.Severity, r.Message);
                // Same alert, new severity: consumers that keep alerts by id update theirs.
                return new AlertTriggered(r.Alert.Id.ToString(), scope, r.Rule, r.Severity.ToWire(), r.Message, r.Alert.TriggeredAt);
            case Transition.Resolve s:
                await Execute(connection, "UPDATE alerts SET resolved_at = $2 WHERE id = $1", cancellationToken, s.Alert.Id, now);
                return new AlertResolved(s.Alert.Id.ToString(), scope, s.Rule, now);
            default:
                throw new InvalidOperationException($"Unknown transition {transition}");
        }
    }

    /// <summary>
    /// At most <paramref name="limit"/> alerts of a scope in <paramref name="state"/> as of <paramref name="asOf"/>, in one
    /// order for every state: those active at asOf first, highest severity first, then newest; then those resolved
    /// before it, newest resolution first (so <see cref="AlertState.All"/> is the active list followed by the recently
    /// resolved, and a limit keeps the active ones).
    /// </summary>
    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string scope, AlertState state, DateTime asOf, int limit, CancellationToken cancellationToken)
    {
        var filter = state switch
        {
            AlertState.Active => "AND (resolved_at IS NULL OR resolved_at >= $2)",
            AlertState.Resolved => "AND resolved_at < $2",
            _ => "",
        };
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM alerts WHERE scope = $1 AND triggered_at < $2 {filter}
            ORDER BY (resolved_at < $2) IS TRUE, CASE WHEN resolved_at < $2 THEN resolved_at END DESC,
                     severity DESC, triggered_at DESC, id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<AlertRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM alerts WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Marks an alert seen; the first acknowledgement stays (who saw it first, and when). Only the first tells the
    /// scope's viewers, with an <see cref="AlertAcknowledged"/> and a change of the scope's alerts section, through the
    /// outbox in the same transaction; of two racing first acknowledgements the row lock lets one through.
    /// </summary>
    public async Task<AlertRecord> AcknowledgeAsync(Guid id, Actor by, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE alerts SET acknowledged_at = $2, acknowledged_by = $3, acknowledged_by_name = $4
            WHERE id = $1 AND acknowledged_at IS NULL RETURNING {Columns}
            """, connection);
        update.Parameters.Add(new NpgsqlParameter { Value = id });
        update.Parameters.Add(new NpgsqlParameter { Value = now });
        update.Parameters.Add(new NpgsqlParameter { Value = by.Subject });
        update.Parameters.Add(new NpgsqlParameter { Value = by.Name });
        if ((await ReadAsync(update, cancellationToken)).SingleOrDefault() is not { } first)
        {
            await using var select = new NpgsqlCommand($"SELECT {Columns} FROM alerts WHERE id = $1", connection);
            select.Parameters.Add(new NpgsqlParameter { Value = id });
            return (await ReadAsync(select, cancellationToken)).Single();
        }
        await outbox.EnqueueAsync(connection,
        [
            new AlertAcknowledged(first.Id.ToString(), first.Scope, first.Rule, first.Message, by.Name, now),
            MetricsChangedBatch.Of([first.Scope], ServiceCatalog.Alerts.Name, now, ServiceCatalog.Alerts.Changes),
        ], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return first;
    }

    private const string Columns = "id, scope, rule, severity, message, triggered_at, resolved_at, acknowledged_at, acknowledged_by, acknowledged_by_name";

    private static async Task<IReadOnlyList<AlertRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var alerts = new List<AlertRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new AlertRecord(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), (Severity)reader.GetInt16(3),
                reader.GetString(4), reader.GetDateTime(5),
                reader.IsDBNull(6) ? null : reader.GetDateTime(6),
                reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return alerts;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
