using System.Data;
using System.Diagnostics;
using ExecutiveDashboard.ServiceDefaults.Data;
using Npgsql;

namespace ExecutiveDashboard.Executions.Leaderboards;

/// <summary>
/// Hands every committed run to <see cref="RunLeaderboards"/> exactly once, whichever replica stored it.
/// Each run row carries the id of the transaction that wrote it (<c>xid</c>). A poll reads, in one
/// snapshot, the rows whose transaction is not older than the previous snapshot's oldest running
/// transaction (<c>xmin</c>): every transaction older than that had finished, so its rows were seen
/// then. The rows read again are recognised by event id. The first poll loads everything.
/// A read catches up before it answers, so it sees every run committed before it began; a background
/// poll every second keeps that catch-up small.
/// </summary>
public sealed class RunLeaderboardFeed(
    NpgsqlDataSource dataSource, RunLeaderboards leaderboards, IHostApplicationLifetime lifetime, ILogger<RunLeaderboardFeed> logger)
    : BackgroundService
{
    private const int ApplyChunk = 10_000;

    private readonly CatchUp _catchUp = new();

    // Runs already handed over whose transaction was at or after the last xmin: the next poll reads them again.
    private readonly Dictionary<string, long> _seenSinceXmin = new(StringComparer.Ordinal);
    private long _xmin;

    /// <summary>Returns once every run committed before the call is in the leaderboards. The caller's token
    /// cancels only its wait for its turn, never a poll: a poll stopped halfway forces a reload from nothing, so a read that the
    /// gateway gives up on must not stop it; only the service's shutdown does.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => _catchUp.RunAsync(async _ =>
    {
        try
        {
            await PollAsync(lifetime.ApplicationStopping);
        }
        catch
        {
            // Some runs of this poll may be in and others not: start again from nothing next time.
            leaderboards.Clear();
            _seenSinceXmin.Clear();
            _xmin = 0;
            throw;
        }
    }, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not read new runs into the leaderboards; the next read retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var loading = _xmin == 0;
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        await using var snapshot = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", connection, transaction);
        var xmin = (long)(await snapshot.ExecuteScalarAsync(cancellationToken))!;

        await using var command = new NpgsqlCommand("""
            SELECT xid::text::bigint, event_id, workspace_id, agent_id, user_id, succeeded, completed_at, runtime_seconds, credits
            FROM runs WHERE xid >= $1::text::xid8
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = _xmin.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var seenNow = new Dictionary<string, long>(StringComparer.Ordinal);
        var chunk = new List<LeaderboardRun>(ApplyChunk);
        long added = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var xid = reader.GetInt64(0);
                if (xid >= xmin || _seenSinceXmin.Count > 0)
                {
                    var eventId = reader.GetString(1);
                    if (_seenSinceXmin.ContainsKey(eventId))
                    {
                        continue;
                    }
                    if (xid >= xmin)
                    {
                        seenNow[eventId] = xid;
                    }
                }
                chunk.Add(new LeaderboardRun(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5),
                    reader.GetDateTime(6), reader.GetDouble(7), reader.GetDecimal(8)));
                if (chunk.Count == ApplyChunk)
                {
                    leaderboards.Add(chunk);
                    added += chunk.Count;
                    chunk.Clear();
                }
            }
        }
        leaderboards.Add(chunk);
        added += chunk.Count;
        await transaction.CommitAsync(cancellationToken);

        foreach (var (eventId, xid) in _seenSinceXmin)
        {
            if (xid >= xmin)
            {
                seenNow[eventId] = xid;
            }
        }
        _seenSinceXmin.Clear();
        foreach (var (eventId, xid) in seenNow)
        {
            _seenSinceXmin[eventId] = xid;
        }
        _xmin = xmin;

        if (loading)
        {
            logger.LogInformation("Leaderboards loaded {Runs} runs in {Elapsed} ms", added, watch.ElapsedMilliseconds);
        }
    }
}
