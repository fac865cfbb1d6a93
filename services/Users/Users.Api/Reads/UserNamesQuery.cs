using ExecutiveDashboard.Contracts.Dashboard;
using Npgsql;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>The latest signup name (by event time) of each asked user, in the order asked; <c>null</c> for a
/// user never named or never seen.</summary>
public sealed class UserNamesQuery(NpgsqlDataSource dataSource)
{
    public const int MaxUsers = 100;

    public async Task<IReadOnlyList<UserName>> GetAsync(IReadOnlyList<UserRef> users, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT q.i, u.name
            FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(workspace_id, user_id, i)
            JOIN users u ON u.workspace_id = q.workspace_id AND u.user_id = q.user_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.WorkspaceId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = users.Select(u => u.UserId).ToArray() });

        var names = new string?[users.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetInt64(0) - 1] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        return users.Select((u, i) => new UserName(u.WorkspaceId, u.UserId, names[i])).ToList();
    }
}
