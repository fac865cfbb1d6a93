using ExecutiveDashboard.ServiceDefaults.Data;
using Npgsql;

namespace ExecutiveDashboard.Users.Metrics;

/// <summary>
/// The rows of <c>user_activity_spans</c> in memory, turned into an <see cref="ActiveUsersIndex"/>, so that a
/// platform read counts its windows without fetching a row. A poll reads the rows committed since the previous
/// one (<see cref="CommittedRows"/>; the merge at ingest sets <c>xid</c> again) and applies them: a row is a
/// whole value, so reading one again changes nothing. A read catches up first, so it sees every row committed
/// before it began; a background poll every second keeps that small.
/// </summary>
public sealed class ActivitySpansCache(NpgsqlDataSource dataSource, ILogger<ActivitySpansCache> logger) : BackgroundService
{
    private readonly CatchUp _catchUp = new();
    private readonly ActiveUsersIndex _index = new();
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly CommittedRows _spans = new(dataSource, "user_activity_spans", "block, user_key, workspace_id, spans");

    /// <summary>Returns once every row committed before the call is in memory.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => _catchUp.RunAsync(PollAsync, cancellationToken);

    /// <summary>Counts the windows ([start, end) in ms since the epoch) over one workspace, or all when
    /// <paramref name="workspace"/> is null (see <see cref="ActiveUsersIndex.Count"/>).</summary>
    public (long[] PerWindow, long Churned, long ActiveWorkspaces) Count(
        IReadOnlyList<(long Start, long End)> windows, int current, int previous, string? workspace)
    {
        _lock.EnterReadLock();
        try
        {
            return _index.Count(windows, current, previous, workspace);
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
                _index.Apply(userKey, workspaceId, block, spans);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
