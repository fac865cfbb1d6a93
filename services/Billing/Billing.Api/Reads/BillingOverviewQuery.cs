using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Billing.Subscriptions;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Queries;
using Npgsql;

namespace ExecutiveDashboard.Billing.Reads;

/// <summary>
/// Reads the billing overview of a scope from the stored intervals, never from raw events: states at
/// an instant are the intervals containing it, movements are the interval boundaries inside the
/// period, and the revenue trend is a running sum of MRR deltas over the bucket ends. All of it goes
/// to PostgreSQL as one batch (one round trip; two for <c>all</c>, which first needs its start).
/// </summary>
public sealed class BillingOverviewQuery(NpgsqlDataSource dataSource)
{
    private static readonly TimeSpan ChurnWindow = TimeSpan.FromDays(30);

    public async Task<BillingOverview> GetAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        var (scope, timeframe, asOf) = (request.Scope, request.Timeframe, request.AsOf);
        var workspace = scope == Scopes.Platform ? null : scope;
        var period = await ScopeBounds.PeriodOfAsync(dataSource, request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var start = period.Current.Start;
        var bucketEnds = period.TrendBuckets().Select(b => b.End).ToArray();

        // $1 is the workspace (NULL for the platform); the filter is spelled out per scope so each plan uses its index.
        var states = workspace is null ? "" : "AND s.workspace_id = $1";
        var ends = workspace is null ? "" : "AND e.workspace_id = $1";
        var batch = new NpgsqlBatch(connection);
        AddSnapshots(batch, workspace is null ? null : [workspace], [start, asOf]);
        Add(batch, $"""
            SELECT u.i, count(s.workspace_id), count(s.workspace_id) FILTER (WHERE e.workspace_id IS NULL)
            FROM unnest($2::timestamptz[]) WITH ORDINALITY AS u(t, i)
            LEFT JOIN workspace_states s ON s.paid AND s.valid_from < u.t AND (s.valid_to IS NULL OR s.valid_to >= u.t) {states}
            LEFT JOIN workspace_states e ON e.workspace_id = s.workspace_id AND e.paid
                AND e.valid_from < $3 AND (e.valid_to IS NULL OR e.valid_to >= $3) {ends}
            GROUP BY u.i ORDER BY u.i
            """, workspace, new[] { start, asOf - ChurnWindow }, asOf);
        Add(batch, $"""
            SELECT s.movement, sum(s.mrr_delta) FROM workspace_states s
            WHERE s.valid_from >= $2 AND s.valid_from < $3 AND s.movement IS NOT NULL {states}
            GROUP BY s.movement
            """, workspace, start, asOf);
        Add(batch, $"""
            SELECT u.i, sum(coalesce(d.delta, 0)) OVER (ORDER BY u.i)
            FROM (SELECT t, i, lag(t, 1, '-infinity') OVER (ORDER BY i) AS previous
                  FROM unnest($2::timestamptz[]) WITH ORDINALITY AS b(t, i)) AS u
            LEFT JOIN LATERAL (
                SELECT sum(s.mrr_delta) AS delta FROM workspace_states s
                WHERE s.valid_from >= u.previous AND s.valid_from < u.t {states}) AS d ON true
            ORDER BY u.i
            """, workspace, bucketEnds);
        // Spend and acquisitions belong to the platform: a workspace scope reads none (its CAC is null).
        Add(batch, """
            SELECT (SELECT sum(amount) FROM marketing_spend WHERE $1::text IS NULL AND occurred_at >= $2 AND occurred_at < $3),
                   (SELECT count(*) FROM workspaces WHERE $1::text IS NULL AND first_paid_at >= $2 AND first_paid_at < $3)
            """, workspace, start, asOf);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var snapshots = new List<MrrSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            snapshots.Add(new MrrSnapshot(reader.GetDecimal(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        await reader.NextResultAsync(cancellationToken);
        var churn = new List<CustomerChurn>();
        while (await reader.ReadAsync(cancellationToken))
        {
            churn.Add(new CustomerChurn(reader.GetInt64(1), reader.GetInt64(2)));
        }
        await reader.NextResultAsync(cancellationToken);
        var movements = MovementTotals.Zero;
        while (await reader.ReadAsync(cancellationToken))
        {
            movements = movements.Add(MrrMovementKinds.Parse(reader.GetString(0)), reader.GetDecimal(1));
        }
        await reader.NextResultAsync(cancellationToken);
        var trend = new List<decimal>(bucketEnds.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            trend.Add(reader.GetDecimal(1));
        }
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        decimal? spend = reader.IsDBNull(0) ? null : reader.GetDecimal(0);
        var newPaid = reader.GetInt64(1);

        var figures = new BillingFigures(snapshots[0], snapshots[1], churn[0], churn[1], movements, newPaid, spend, trend);
        return BillingOverviewBuilder.Build(period, platform: workspace is null, figures);
    }

    /// <summary>MRR, paid and trial workspaces at each instant (state at t: events with occurredAt &lt; t), one row
    /// per scope and instant (scope, index, MRR, paid, trials), by scope then instant: the overview's start and asOf,
    /// the alert signals' asOf and a day before.</summary>
    /// <param name="workspaces">Each read on its own; null: the platform (scope NULL).</param>
    internal static void AddSnapshots(NpgsqlBatch batch, string[]? workspaces, DateTime[] instants)
    {
        var command = new NpgsqlBatchCommand($"""
            SELECT w.scope, u.i, coalesce(sum(s.monthly_value), 0), count(*) FILTER (WHERE s.paid), count(*) FILTER (WHERE s.trial_ends_at > u.t)
            FROM unnest(coalesce($1, ARRAY[NULL::text])) AS w(scope) CROSS JOIN unnest($2::timestamptz[]) WITH ORDINALITY AS u(t, i)
            LEFT JOIN workspace_states s ON s.valid_from < u.t AND (s.valid_to IS NULL OR s.valid_to >= u.t) {(workspaces is null ? "" : "AND s.workspace_id = w.scope")}
            GROUP BY w.scope, u.i ORDER BY w.scope, u.i
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workspaces ?? DBNull.Value, DataTypeName = "text[]" });
        command.Parameters.Add(new NpgsqlParameter { Value = instants });
        batch.BatchCommands.Add(command);
    }

    private static void Add(NpgsqlBatch batch, string sql, string? workspace, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workspace ?? DBNull.Value, DataTypeName = "text" });
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        batch.BatchCommands.Add(command);
    }
}
