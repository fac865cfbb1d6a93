using ExecutiveDashboard.Platform.Data;
using Npgsql;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>
/// The rows of <c>user_activity_spans</c> and <c>users</c> in memory, turned into an <see cref="ActiveUsersIndex"/>,
/// so that a platform read counts its windows and users without fetching a row. A poll reads the rows committed
/// since the previous one (<see cref="CommittedRows"/>; every upsert at ingest sets <c>xid</c> again) and applies
/// them: a row is a whole value, so reading one again changes nothing. A read catches up first, so it sees every row committed
/// before it began; a background poll every second keeps that small (<see cref="ActivitySpansPoll"/>).
/// </summary>
public sealed class ActivitySpansCache(NpgsqlDataSource dataSource)
{
    private readonly CatchUp _catchUp = new();
    private readonly ActiveUsersIndex _index = new();
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly CommittedRows _spans = new(dataSource, "user_activity_spans", "block, user_key, workspace_id, spans");
    private readonly CommittedRows _users = new(dataSource, "users", "user_key, workspace_id, first_seen_at");

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

    /// <summary>Counts the windows over each of the workspaces (null: all; see <see cref="ActiveUsersIndex.CountEach"/>).</summary>
    public long[][] CountEach(IReadOnlyList<(long Start, long End)> windows, IReadOnlyList<string?> workspaces)
    {
        _lock.EnterReadLock();
        try
        {
            return _index.CountEach(windows, workspaces);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Users first seen before <paramref name="end"/>, and those of them first seen at or after <paramref name="start"/>.</summary>
    public (long Known, long New) CountUsers(DateTime start, DateTime end, string? workspace)
    {
        _lock.EnterReadLock();
        try
        {
            return _index.CountUsers(start, end, workspace);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Spans first, then users: a user's row commits with its spans, so every span read has its user.</summary>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var spans = new List<(int Block, long UserKey, string WorkspaceId, byte[] Spans)>();
        await _spans.ReadAsync((reader, _) =>
            spans.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3))), cancellationToken);
        var users = new List<(long UserKey, string WorkspaceId, DateTime FirstSeenAt)>();
        await _users.ReadAsync((reader, _) =>
            users.Add((reader.GetInt64(0), reader.GetString(1), reader.GetDateTime(2))), cancellationToken);

        _lock.EnterWriteLock();
        try
        {
            foreach (var (block, userKey, workspaceId, row) in spans)
            {
                _index.Apply(userKey, workspaceId, block, row);
            }
            foreach (var (userKey, workspaceId, firstSeenAt) in users)
            {
                _index.See(userKey, workspaceId, firstSeenAt);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
