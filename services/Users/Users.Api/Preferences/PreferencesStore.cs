using ExecutiveDashboard.Users.Model;
using Npgsql;

namespace ExecutiveDashboard.Users.Preferences;

/// <summary>Reading settings by token subject (<c>user_preferences</c>). The last save wins, as for card layouts.</summary>
public sealed class PreferencesStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<UserPreferences?> GetAsync(string subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT time_zone, week_start, updated_at FROM user_preferences WHERE subject = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UserPreferences(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    public async Task<UserPreferences> SaveAsync(string subject, string timeZone, string weekStart, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO user_preferences (subject, time_zone, week_start, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (subject) DO UPDATE SET time_zone = excluded.time_zone, week_start = excluded.week_start, updated_at = excluded.updated_at
            RETURNING updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        command.Parameters.Add(new NpgsqlParameter { Value = timeZone });
        command.Parameters.Add(new NpgsqlParameter { Value = weekStart });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        // The stored timestamp (microseconds), so that a later GET answers the same updatedAt.
        var updatedAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new UserPreferences(timeZone, weekStart, new DateTimeOffset(updatedAt, TimeSpan.Zero));
    }

    public async Task DeleteAsync(string subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM user_preferences WHERE subject = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
