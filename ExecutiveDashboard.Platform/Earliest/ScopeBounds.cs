using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
using Npgsql;

namespace ExecutiveDashboard.Platform.Earliest;

/// <summary>
/// The earliest event of each scope, where the timeframe <c>all</c> starts: the table <c>scope_bounds</c>
/// (<c>Migrations/000_scope_bounds.sql</c>), the platform's row under <see cref="Scopes.PlatformKey"/>. Ingest records
/// into it (<see cref="RecordAsync"/>) in its transaction; reads and <see cref="EarliestEventApi"/> read it. A service
/// that derives its bounds from its own tables instead (billing) defines a view of that name and shape, and only reads.
/// </summary>
public static class ScopeBounds
{
    /// <summary>Records the earliest event of each scope of a batch (workspace ids and <see cref="Scopes.PlatformKey"/>),
    /// in the caller's open transaction. Scopes whose stored start is already as early are left alone without taking a row
    /// lock, so concurrent batches do not queue on the platform's row; the others are locked in key order, as every upsert
    /// of ingest locks its rows, so that concurrent batches cannot deadlock.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, IEnumerable<KeyValuePair<string, DateTime>> earliest,
        CancellationToken cancellationToken)
    {
        var bounds = earliest.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO scope_bounds AS b (scope, earliest_event_at)
            SELECT u.scope, u.earliest FROM unnest($1::text[], $2::timestamptz[]) AS u(scope, earliest)
            WHERE NOT EXISTS (SELECT 1 FROM scope_bounds s WHERE s.scope = u.scope AND s.earliest_event_at <= u.earliest)
            ORDER BY u.scope
            ON CONFLICT (scope) DO UPDATE SET earliest_event_at = excluded.earliest_event_at
            WHERE excluded.earliest_event_at < b.earliest_event_at
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = bounds.Select(r => r.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = bounds.Select(r => r.Value).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The period a request reads. For <c>all</c> it starts at this service's earliest event of the scope, or
    /// earlier where the gateway gave every section one start (<see cref="OverviewRequest.EarliestOf"/>).</summary>
    public static async Task<ReportingPeriod> PeriodOfAsync(NpgsqlDataSource dataSource, OverviewRequest request, CancellationToken cancellationToken) =>
        request.Period(request.Timeframe == Timeframe.All
            ? request.EarliestOf(await ReadAsync(dataSource, request.Scope, cancellationToken))
            : null);

    /// <summary>The earliest event of a scope (a workspace id or <c>all</c>), or null without events.</summary>
    public static async Task<DateTime?> ReadAsync(NpgsqlDataSource dataSource, string scope, CancellationToken cancellationToken) =>
        (await ReadAsync(dataSource, [scope], cancellationToken)).TryGetValue(scope, out var earliest) ? earliest : null;

    /// <summary>The earliest event of each of these scopes (workspace ids or <c>all</c>) that has one.</summary>
    public static async Task<Dictionary<string, DateTime>> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> scopes,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT scope, earliest_event_at FROM scope_bounds WHERE scope = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.Select(s => s == Scopes.Platform ? Scopes.PlatformKey : s).ToArray() });
        var earliest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            earliest[reader.GetString(0) is var scope && scope == Scopes.PlatformKey ? Scopes.Platform : scope] = reader.GetDateTime(1);
        }
        return earliest;
    }
}
