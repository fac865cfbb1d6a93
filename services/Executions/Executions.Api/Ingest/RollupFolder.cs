using System.Threading.Channels;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.ServiceDefaults.Data;
using Npgsql;

namespace ExecutiveDashboard.Executions.Ingest;

/// <summary>
/// Adds stored events to the rollups, off the ingest request: it takes up to <see cref="ChunkSize"/>
/// events from <c>unfolded_events</c>, sums their runs per rollup row and upserts the sums, all in one
/// transaction, so every event is folded exactly once even if the process dies. One folder at a time per database (an advisory lock), so no two
/// transactions ever queue on the platform's rows; a chunk of thousands of runs touches each platform
/// row once. Ingest nudges it after each commit; a read calls <see cref="CatchUpAsync"/> first, so it
/// sees every event accepted before it began, unless a backfill has left more than the folder can add
/// in <see cref="ReadWait"/>: then the read answers from the rollups as they are and says so.
/// </summary>
public sealed class RollupFolder(
    NpgsqlDataSource dataSource, IHostApplicationLifetime lifetime, ILogger<RollupFolder> logger)
    : BackgroundService
{
    public const int ChunkSize = 10_000;

    /// <summary>The advisory lock that makes one folder at a time per database.</summary>
    public const long LockKey = 0x45_78_65_63_46_6f_6c_64;   // "ExecFold"

    /// <summary>How long a read waits for the folder: a chunk or two, well inside the gateway's timeout.</summary>
    public static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(1);

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FoldAllAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not fold stored events into the rollups; retrying");
            }

            // The next nudge, or a second at most: another replica may have stored events.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await _nudges.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task<int> FoldChunkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = LockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var events = await TakeAsync(connection, transaction, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }
        await RunRollups.From(events).UpsertAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>Deletes a chunk of events from <c>unfolded_events</c> and returns them: any chunk, by row address, since
    /// one folder at a time takes and ingest only appends.</summary>
    private static async Task<List<ExecutionEvent>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            DELETE FROM unfolded_events WHERE ctid = ANY (ARRAY(SELECT ctid FROM unfolded_events LIMIT $1))
            RETURNING is_run, event_id, workspace_id, agent_id, agent_name, at,
                      run_id, user_id, succeeded, started_at, credits, error_code
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = ChunkSize });

        var events = new List<ExecutionEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (eventId, workspace, agent, at) = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(5));
            var agentName = reader.IsDBNull(4) ? null : reader.GetString(4);
            events.Add(reader.GetBoolean(0)
                ? new RunCompletedEvent(eventId, workspace, reader.GetString(6), agent, agentName, reader.GetString(7),
                    reader.GetBoolean(8) ? RunStatus.Succeeded : RunStatus.Failed, reader.GetDateTime(9), at,
                    reader.GetDecimal(10), reader.IsDBNull(11) ? null : reader.GetString(11))
                : new AgentCreatedEvent(eventId, workspace, agent, agentName!, at));
        }
        return events;
    }
}
