using ExecutiveDashboard.Exports.Model;
using Npgsql;

namespace ExecutiveDashboard.Exports.Audit;

/// <summary>How an <see cref="AuditRecord"/> is stored in <c>export_audit</c>: its columns, in the record's order.</summary>
internal static class AuditRows
{
    public const string Columns =
        "id, at, subject, name, role, token_workspaces, scope, timeframe, as_of, format, outcome, status, bytes, sha256, "
        + "duration_ms, client_address, user_agent, hash, channel";

    public const string Insert =
        $"INSERT INTO export_audit ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";

    public static void AddParameters(NpgsqlCommand command, AuditRecord record)
    {
        object?[] values =
        [
            record.Id, record.At, record.Subject, record.Name, record.Role, record.TokenWorkspaces.ToArray(), record.Scope,
            record.Timeframe, record.AsOf, record.Format, record.Outcome, record.Status, record.Bytes, record.Sha256,
            record.DurationMs, record.ClientAddress, record.UserAgent, record.Hash, record.Channel,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    /// <summary>The record of the current row, whose columns are <see cref="Columns"/> from <paramref name="first"/> on.</summary>
    public static AuditRecord Read(NpgsqlDataReader row, int first = 0) => new(
        row.GetGuid(first),
        row.GetDateTime(first + 1),
        Text(row, first + 2),
        Text(row, first + 3),
        Text(row, first + 4),
        row.GetFieldValue<string[]>(first + 5),
        Text(row, first + 6),
        Text(row, first + 7),
        row.IsDBNull(first + 8) ? null : row.GetDateTime(first + 8),
        Text(row, first + 9),
        row.GetString(first + 10),
        row.GetInt32(first + 11),
        row.IsDBNull(first + 12) ? null : row.GetInt64(first + 12),
        Text(row, first + 13),
        row.GetInt64(first + 14),
        Text(row, first + 15),
        Text(row, first + 16),
        row.GetString(first + 17),
        row.GetString(first + 18));

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
