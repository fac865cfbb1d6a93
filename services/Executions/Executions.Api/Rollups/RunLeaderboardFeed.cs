using System.Diagnostics;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Resilience;
using Npgsql;

namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// Hands every committed run to <see cref="RunLeaderboards"/> exactly once, whichever replica stored it.
/// A poll reads the runs committed since the previous one (<see cref="CommittedRows"/>, by the id of
/// the transaction that wrote them) and recognises the ones it has handed over before by event id.
/// The first poll loads everything.
/// A read catches up before it answers, so it sees every run committed before it began; a background
/// poll every second keeps that catch-up small.
/// </summary>
public sealed class RunLeaderboardFeed(
    NpgsqlDataSource dataSource, RunLeaderboards leaderboards, BackgroundLoop loop, IHostApplicationLifetime lifetime, ILogger<RunLeaderboardFeed> logger)
    : BackgroundService
{
    public const string LoopName = "leaderboard-feed";

    private const int ApplyChunk = 10_000;

    private readonly CatchUp _catchUp = new();

    private readonly CommittedRows _runs = new(dataSource, "runs",
        "xid::text::bigint, event_id, workspace_id, agent_id, user_id, succeeded, completed_at, runtime_seconds, credits");

    // Runs already handed over whose transaction was at or after the last xmin: the next poll reads them again.
    private readonly Dictionary<string, long> _seenSinceXmin = new(StringComparer.Ordinal);

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
            _runs.Reset();
            throw;
        }
    }, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        await loop.RunAsync(LoopName, CatchUpAsync, async ct => await timer.WaitForNextTickAsync(ct), stoppingToken);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var loading = _runs.Since == 0;
        var watch = Stopwatch.StartNew();
        var seenNow = new Dictionary<string, long>(StringComparer.Ordinal);
        var chunk = new List<LeaderboardRun>(ApplyChunk);
        long added = 0;
        await _runs.ReadAsync((reader, xmin) =>
        {
            var xid = reader.GetInt64(0);
            if (xid >= xmin || _seenSinceXmin.Count > 0)
            {
                var eventId = reader.GetString(1);
                if (_seenSinceXmin.ContainsKey(eventId))
                {
                    return;
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
        }, cancellationToken);
        leaderboards.Add(chunk);
        added += chunk.Count;

        // Keep only what the next read can return again: rows of transactions at or after this xmin.
        foreach (var (eventId, xid) in _seenSinceXmin)
        {
            if (xid >= _runs.Since)
            {
                seenNow[eventId] = xid;
            }
        }
        _seenSinceXmin.Clear();
        foreach (var (eventId, xid) in seenNow)
        {
            _seenSinceXmin[eventId] = xid;
        }

        if (loading)
        {
            logger.LogInformation("Leaderboards loaded {Runs} runs in {Elapsed} ms", added, watch.ElapsedMilliseconds);
        }
    }
}
