using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Model;
using Npgsql;

namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// What a set of new events adds to each rollup, summed per row key so that one chunk of the
/// <see cref="RollupFolder"/> is one upsert per table. Every run counts in its workspace and in the
/// platform scope <see cref="Scopes.PlatformKey"/>.
/// </summary>
public sealed class RunRollups
{
    private static readonly Grain[] WorkspaceGrains = [Grain.Day, Grain.Hour];
    private static readonly Grain[] PlatformGrains = [Grain.Day, Grain.Hour, Grain.Minute];

    /// <summary>Run totals and runtime histograms per day and hour; the platform also per minute, because the raw
    /// edges of its periods would be thousands of runs, while one workspace's are a handful.</summary>
    public static Grain[] GrainsOf(string scope) => scope == Scopes.PlatformKey ? PlatformGrains : WorkspaceGrains;

    public Dictionary<(string Scope, Grain Grain, DateTime Bucket), RunTotals> Stats { get; } = [];
    /// <summary>The runtime histogram of each <see cref="Stats"/> row: runs per <see cref="RuntimeSketch"/> bin.</summary>
    public Dictionary<(string Scope, Grain Grain, DateTime Bucket), SortedDictionary<int, long>> Histograms { get; } = [];
    public Dictionary<(string Workspace, string Agent), AgentSighting> KnownAgents { get; } = [];

    /// <summary>The earliest event of each scope among these events (the platform as <see cref="Scopes.PlatformKey"/>).</summary>
    public static Dictionary<string, DateTime> EarliestEvents(IEnumerable<ExecutionEvent> events)
    {
        var earliest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var at = e switch
            {
                RunCompletedEvent run => run.CompletedAt,
                AgentCreatedEvent agent => agent.OccurredAt,
                _ => throw new ArgumentException($"Unknown event {e.GetType().Name}", nameof(events)),
            };
            foreach (var scope in (string[])[e.WorkspaceId, Scopes.PlatformKey])
            {
                if (!earliest.TryGetValue(scope, out var known) || at < known)
                {
                    earliest[scope] = at;
                }
            }
        }
        return earliest;
    }

    public static RunRollups From(IEnumerable<ExecutionEvent> events)
    {
        var rollups = new RunRollups();
        foreach (var e in events)
        {
            switch (e)
            {
                case RunCompletedEvent run:
                    rollups.AddRun(run);
                    break;
                case AgentCreatedEvent agent:
                    rollups.See(agent.WorkspaceId, agent.AgentId, agent.OccurredAt, agent.AgentName);
                    break;
            }
        }
        return rollups;
    }

    private void AddRun(RunCompletedEvent run)
    {
        var at = run.CompletedAt;
        var totals = new RunTotals(1, run.Status == RunStatus.Succeeded ? 1 : 0, run.RuntimeSeconds, run.Credits);
        var bin = RuntimeSketch.BinOf(run.RuntimeSeconds);

        foreach (var scope in (string[])[run.WorkspaceId, Scopes.PlatformKey])
        {
            foreach (var grain in GrainsOf(scope))
            {
                var key = (scope, grain, grain.Floor(at));
                Stats[key] = Stats.GetValueOrDefault(key) + totals;
                if (!Histograms.TryGetValue(key, out var bins))
                {
                    Histograms[key] = bins = [];
                }
                bins[bin] = bins.GetValueOrDefault(bin) + 1;
            }
        }

        See(run.WorkspaceId, run.AgentId, at, run.AgentName);
    }

    private void See(string workspace, string agent, DateTime at, string? name)
    {
        var known = KnownAgents.GetValueOrDefault((workspace, agent), new AgentSighting(at, null, null));
        var renamed = name is not null && (known.NamedAt is null || at >= known.NamedAt);
        KnownAgents[(workspace, agent)] = new AgentSighting(
            at < known.FirstSeenAt ? at : known.FirstSeenAt,
            renamed ? name : known.Name,
            renamed ? at : known.NamedAt);
    }

    /// <summary>Adds these sums to the stored rollups, in key order. The caller holds the folder's lock
    /// (<see cref="RollupFolder.LockKey"/>): the histograms are read, added and written back, so no other
    /// transaction may write <c>run_stats</c> meanwhile.</summary>
    public async Task UpsertAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var stats = Stats.OrderBy(r => r.Key).ToList();
        await AddStoredHistogramsAsync(connection, stats.Select(r => r.Key).ToList(), cancellationToken);

        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command("""
            INSERT INTO run_stats AS s (scope, grain, bucket_start, runs, succeeded, runtime_sum, credits, runtime_bins)
            SELECT u.scope, u.grain, u.bucket_start, u.runs, u.succeeded, u.runtime_sum, u.credits, u.runtime_bins::int8[]
            FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::float8[], $7::numeric[], $8::text[])
                AS u(scope, grain, bucket_start, runs, succeeded, runtime_sum, credits, runtime_bins)
            ON CONFLICT (scope, grain, bucket_start) DO UPDATE SET
                runs = s.runs + excluded.runs, succeeded = s.succeeded + excluded.succeeded,
                runtime_sum = s.runtime_sum + excluded.runtime_sum, credits = s.credits + excluded.credits,
                runtime_bins = excluded.runtime_bins
            """,
            stats.Select(r => r.Key.Scope).ToArray(), stats.Select(r => r.Key.Grain.Code()).ToArray(),
            stats.Select(r => r.Key.Bucket).ToArray(), stats.Select(r => r.Value.Runs).ToArray(),
            stats.Select(r => r.Value.Succeeded).ToArray(), stats.Select(r => r.Value.RuntimeSum).ToArray(),
            stats.Select(r => r.Value.Credits).ToArray(),
            stats.Select(r => RuntimeSketch.ToSqlArray(Histograms[r.Key])).ToArray()));

        var known = KnownAgents.OrderBy(r => r.Key).ToList();
        batch.BatchCommands.Add(Command("""
            INSERT INTO agents AS a (workspace_id, agent_id, first_seen_at, name, named_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[])
                AS u(workspace_id, agent_id, first_seen_at, name, named_at)
            -- Most agents of a chunk are known and unchanged: skip them before ON CONFLICT, which would lock each row.
            WHERE NOT EXISTS (
                SELECT 1 FROM agents k WHERE k.workspace_id = u.workspace_id AND k.agent_id = u.agent_id
                    AND k.first_seen_at <= u.first_seen_at
                    AND (u.name IS NULL OR (k.named_at IS NOT NULL
                        AND (u.named_at < k.named_at OR (u.named_at = k.named_at AND u.name IS NOT DISTINCT FROM k.name)))))
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

        // The hours this fold changed (each run is in its platform hour), stamped so that a read can tell a kept p95 of those hours is stale.
        var hours = Stats.Keys.Where(k => k.Scope == Scopes.PlatformKey && k.Grain == Grain.Hour).Select(k => k.Bucket).Order().ToArray();
        batch.BatchCommands.Add(Command("""
            INSERT INTO folded_hours AS f (hour, stamp) SELECT h, nextval('fold_stamps') FROM unnest($1::timestamptz[]) h
            ON CONFLICT (hour) DO UPDATE SET stamp = excluded.stamp
            """, (object)hours));

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds the stored histograms of these rows to <see cref="Histograms"/>, so that the upsert writes each row's whole
    /// sketch. Only the folder writes <c>run_stats</c>, one fold at a time (<see cref="RollupFolder.LockKey"/>, taken before
    /// this), so what is read here is still stored when the upsert replaces it. Adding the bins in SQL on conflict (unnest, group,
    /// aggregate per row) made that merge most of the fold's time (docs/performance.md, Ingest).</summary>
    private async Task AddStoredHistogramsAsync(
        NpgsqlConnection connection, List<(string Scope, Grain Grain, DateTime Bucket)> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT u.i, s.runtime_bins
            FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS u(scope, grain, bucket_start, i)
            CROSS JOIN LATERAL (SELECT runtime_bins FROM run_stats s
                                WHERE s.scope = u.scope AND s.grain = u.grain AND s.bucket_start = u.bucket_start) s
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Scope).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Grain.Code()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Bucket).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            RuntimeSketch.AddStored(Histograms[keys[(int)reader.GetInt64(0) - 1]], reader.GetFieldValue<long[]>(1));
        }
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
