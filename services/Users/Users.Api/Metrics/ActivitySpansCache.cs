using ExecutiveDashboard.ServiceDefaults.Data;
using Npgsql;

namespace ExecutiveDashboard.Users.Metrics;

/// <summary>
/// The rows of <c>user_activity_spans</c> in memory, so that a platform read counts ~80,000 rows without
/// fetching them (the fetch cost as much as the counting). A poll reads the rows committed since the
/// previous one (<see cref="CommittedRows"/>; the merge at ingest sets <c>xid</c> again) and replaces
/// them: a row is a whole value, so reading one again changes nothing. A read catches up
/// first, so it sees every row committed before it began; a background poll every second keeps that small.
/// </summary>
public sealed class ActivitySpansCache(NpgsqlDataSource dataSource, ILogger<ActivitySpansCache> logger) : BackgroundService
{
    private readonly CatchUp _catchUp = new();
    private readonly Dictionary<(int Block, long UserKey), (string WorkspaceId, byte[] Spans)> _rows = [];
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly CommittedRows _spans = new(dataSource, "user_activity_spans", "block, user_key, workspace_id, spans");

    /// <summary>Returns once every row committed before the call is in memory.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => _catchUp.RunAsync(PollAsync, cancellationToken);

    /// <summary>Hands the counter every row of blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>],
    /// of one workspace or, when <paramref name="workspace"/> is null, of all (with their workspace).</summary>
    public void AddTo(ActiveUsersCounter counter, int fromBlock, int toBlock, string? workspace)
    {
        _lock.EnterReadLock();
        try
        {
            foreach (var ((block, userKey), (workspaceId, spans)) in _rows)
            {
                if (block >= fromBlock && block <= toBlock && (workspace is null || workspace == workspaceId))
                {
                    counter.Add(userKey, workspace is null ? workspaceId : null, block, spans);
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

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
                logger.LogWarning(e, "Could not read new activity spans; the next read retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var read = new List<(int Block, long UserKey, string WorkspaceId, byte[] Spans)>();
        await _spans.ReadAsync((reader, _) =>
            read.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3))), cancellationToken);

        _lock.EnterWriteLock();
        try
        {
            foreach (var (block, userKey, workspaceId, spans) in read)
            {
                _rows[(block, userKey)] = (workspaceId, spans);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
