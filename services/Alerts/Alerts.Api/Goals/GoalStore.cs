using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>The goals of the alerts database and their latest evaluations. Every change a viewer sees (a goal set, edited,
/// deleted, or a status that moved) publishes a <c>MetricsChanged</c> of its scope naming <c>goals</c> through the outbox,
/// in the same transaction, so the gateway drops its cached overviews of that scope and the page refetches.</summary>
public sealed class GoalStore(NpgsqlDataSource dataSource, Outbox outbox)
{
    private const string Columns = "id, scope, metric, target, target_date, baseline, current, projected, progress, status, evaluated_at";

    /// <returns>The goal, or null when the scope already has a goal on that metric.</returns>
    public async Task<Goal?> CreateAsync(string scope, GoalInput input, string by, DateTime now, CancellationToken cancellationToken) =>
        await ChangeAsync(scope, now, """
            INSERT INTO goals (id, scope, metric, target, target_date, created_at, created_by, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $6) ON CONFLICT (scope, metric) DO NOTHING
            RETURNING 
            """ + Columns, cancellationToken, Guid.CreateVersion7(now), scope, input.Metric.Name, input.Target, input.TargetDate, now, by);

    /// <summary>A new metric starts again from its value at the next evaluation (its baseline and evaluation reset).</summary>
    /// <returns>The goal, or null when the scope already has another goal on the new metric.</returns>
    public async Task<Goal?> UpdateAsync(Goal goal, GoalInput input, DateTime now, CancellationToken cancellationToken) =>
        await ChangeAsync(goal.WorkspaceId, now, $"""
            UPDATE goals SET metric = $2, target = $3, target_date = $4, updated_at = $5,
                baseline = CASE WHEN metric = $2 THEN baseline END,
                current = NULL, projected = NULL, progress = NULL, status = NULL, evaluated_at = NULL
            WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM goals o WHERE o.scope = goals.scope AND o.metric = $2 AND o.id <> $1)
            RETURNING {Columns}
            """, cancellationToken, Guid.Parse(goal.Id), input.Metric.Name, input.Target, input.TargetDate, now);

    public async Task DeleteAsync(Goal goal, DateTime now, CancellationToken cancellationToken) =>
        await ChangeAsync(goal.WorkspaceId, now, $"DELETE FROM goals WHERE id = $1 RETURNING {Columns}", cancellationToken, Guid.Parse(goal.Id));

    public async Task<Goal?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM goals WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The goals of these scopes, by scope then metric.</summary>
    public async Task<IReadOnlyList<Goal>> ListAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM goals WHERE scope = ANY($1) ORDER BY scope, metric");
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.ToArray() });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Stores evaluations (the first one also sets the baseline); the scopes whose statuses moved are announced.</summary>
    public async Task SaveEvaluationsAsync(IReadOnlyList<(Goal Before, Goal After)> evaluated, DateTime now, CancellationToken cancellationToken)
    {
        if (evaluated.Count == 0)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (_, g) in evaluated)
        {
            var command = new NpgsqlBatchCommand("""
                UPDATE goals SET baseline = coalesce(baseline, $2), current = $2, projected = $3, progress = $4, status = $5, evaluated_at = $6
                WHERE id = $1 AND metric = $7 AND target = $8 AND target_date = $9
                """);
            // The WHERE leaves alone a goal edited since it was read: its next evaluation starts from the edit.
            foreach (var value in new object?[] { Guid.Parse(g.Id), g.Current, g.Projected, g.Progress, g.Status, now, g.Metric, g.Target, g.TargetDate })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        var moved = evaluated.Where(e => e.Before.Status != e.After.Status).Select(e => e.After.WorkspaceId).Distinct().ToList();
        if (moved.Count > 0)
        {
            await outbox.EnqueueAsync(connection, [MetricsChangedBatch.Of(moved, ServiceCatalog.Alerts.Name, now, [Sections.Goals])], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (moved.Count > 0)
        {
            outbox.Notify();
        }
    }

    /// <summary>One statement that returns the goal it changed, with the scope's <c>MetricsChanged</c>, in one transaction.</summary>
    private async Task<Goal?> ChangeAsync(string scope, DateTime now, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        if ((await ReadAsync(command, cancellationToken)).SingleOrDefault() is not { } goal)
        {
            return null;
        }
        await outbox.EnqueueAsync(connection, [MetricsChangedBatch.Of([scope], ServiceCatalog.Alerts.Name, now, [Sections.Goals])], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return goal;
    }

    private static async Task<IReadOnlyList<Goal>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var goals = new List<Goal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            goals.Add(new Goal(reader.GetGuid(0).ToString(), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3),
                reader.GetFieldValue<DateOnly>(4),
                reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetDateTime(10)));
        }
        return goals;
    }
}
