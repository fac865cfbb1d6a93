using System.Threading.Channels;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Telemetry;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Resilience;
using Npgsql;

namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// Adds stored events to the rollups, off the ingest request: it takes up to <see cref="ChunkSize"/>
/// events from <c>unfolded_events</c>, sums their runs per rollup row and upserts the sums, all in one
/// transaction, so every event is folded exactly once even if the process dies. One folder at a time per database (an advisory lock), so no two
/// transactions ever queue on the platform's rows; a chunk of thousands of runs touches each platform
/// row once. Ingest nudges it after each commit; a read calls <see cref="CatchUpAsync"/> first, so it
/// sees every event accepted before it began, unless a backfill has left more than the folder can add
/// in <see cref="ReadWait"/>: then the read answers from the rollups as they are and says so.
/// No event can stop it: a row that does not decode, or an event whose sums the database refuses, is set aside
/// (<see cref="IngestQuarantine"/>, found by <see cref="Bisection"/>) and the rest of its chunk is folded. A fault of the
/// database itself fails the chunk, which is retried whole (<see cref="BackgroundLoop"/>).
/// </summary>
public sealed class RollupFolder(
    NpgsqlDataSource dataSource, IngestQuarantine quarantine, ExecutionsMetrics metrics, BackgroundLoop loop, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    public const string LoopName = "rollup-folder";

    public const int ChunkSize = 10_000;

    /// <summary>The advisory lock that makes one folder at a time per database.</summary>
    public const long LockKey = 0x45_78_65_63_46_6f_6c_64;   // "ExecFold"

    /// <summary>How long a read waits for the folder: a chunk or two, well inside the gateway's timeout.</summary>
    public static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(1);

    private const string Savepoint = "fold_part";

    private readonly CatchUp _catchUp = new();
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Events were stored: fold them soon.</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>
    /// True once every event stored before the call is in the rollups; false if that takes longer than
    /// <see cref="ReadWait"/> (a backfill ahead of the folder), and the folding goes on without the caller.
    /// The caller's token cancels only its wait: a chunk is never given up halfway because a read was.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FoldAllAsync(lifetime.ApplicationStopping).WaitAsync(ReadWait, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private Task FoldAllAsync(CancellationToken cancellationToken) => _catchUp.RunAsync(async ct =>
    {
        while (await FoldChunkAsync(ct) == ChunkSize)
        {
        }
    }, cancellationToken);

    /// <summary>Folds, then waits for the next nudge, or a second at most: another replica may have stored events.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(LoopName, FoldAllAsync, async ct =>
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await _nudges.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }, stoppingToken);

    private async Task<int> FoldChunkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = LockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var chunk = await TakeAsync(connection, transaction, cancellationToken);
        if (chunk.Count == 0)
        {
            return 0;
        }
        var poison = chunk.Where(q => q.Poison is not null).Select(q => q.Poison!).ToList();
        var refused = await Bisection.ApplyAsync(chunk.Where(q => q.Event is not null).ToList(),
            part => FoldUnderSavepointAsync(transaction, part.Select(q => q.Event!), cancellationToken), Faults.IsRefusedData);
        poison.AddRange(refused.Select(r => new Poison(r.Item.Row, Poison.Reasons.Fold, r.Error)));

        var quarantined = await quarantine.CopyAsync(connection, poison, cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM unfolded_events WHERE ctid = ANY ($1::tid[])", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = chunk.Select(q => q.Row).ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        quarantine.Report(poison, quarantined);
        metrics.Folded(chunk.Count - poison.Count);
        return chunk.Count;
    }

    /// <summary>Adds these events to the rollups, or, if the database refuses them, nothing: the fold of the other parts
    /// of the chunk stays. A fault of the connection is left to end the whole transaction.</summary>
    private static async Task FoldUnderSavepointAsync(NpgsqlTransaction transaction, IEnumerable<ExecutionEvent> events, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            await RunRollups.From(events).UpsertAsync(transaction.Connection!, cancellationToken);
        }
        catch (Exception e) when (Faults.IsRefusedData(e))
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            throw;
        }
        await transaction.ReleaseAsync(Savepoint, cancellationToken);
    }

    /// <summary>A chunk of <c>unfolded_events</c>, each row with its address and its event, or why it does not make one:
    /// any chunk, by row address, since one folder at a time takes and ingest only appends. The rows stay until the fold
    /// deletes them, in the same transaction.</summary>
    private static async Task<List<QueuedEvent>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT ctid::text, is_run, event_id, workspace_id, agent_id, agent_name, at,
                   run_id, user_id, succeeded, started_at, credits, error_code
            FROM unfolded_events LIMIT $1
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = ChunkSize });

        var chunk = new List<QueuedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = reader.GetString(0);
            try
            {
                chunk.Add(new QueuedEvent(row, Decode(reader), null));
            }
            catch (Exception e) when (Faults.IsPermanent(e))
            {
                chunk.Add(new QueuedEvent(row, null, new Poison(row, Poison.Reasons.Decode, e)));
            }
        }
        return chunk;
    }

    /// <summary>The event of a row of <see cref="TakeAsync"/>; throws <see cref="InvalidCastException"/> for a NULL in a
    /// required field or a value .NET cannot hold (a NaN credit, a date past year 9999).</summary>
    private static ExecutionEvent Decode(NpgsqlDataReader reader)
    {
        var (eventId, workspace, agent, at) = (reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(6));
        return reader.GetBoolean(1)
            ? new RunCompletedEvent(eventId, workspace, reader.GetString(7), agent, reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(8), reader.GetBoolean(9) ? RunStatus.Succeeded : RunStatus.Failed, reader.GetDateTime(10), at,
                reader.GetDecimal(11), reader.IsDBNull(12) ? null : reader.GetString(12))
            : new AgentCreatedEvent(eventId, workspace, agent, reader.GetString(5), at);
    }

    /// <param name="Row">The row's address (<c>ctid</c>) as text: Npgsql writes no arrays of <c>tid</c>.</param>
    private sealed record QueuedEvent(string Row, ExecutionEvent? Event, Poison? Poison);
}
