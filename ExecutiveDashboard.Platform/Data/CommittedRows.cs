using System.Data;
using System.Globalization;
using Npgsql;

namespace ExecutiveDashboard.Platform.Data;

/// <summary>
/// Reads the rows of a table that were committed since the last read, for a replica that keeps them in
/// memory. Each row carries the id of the transaction that last wrote it: an <c>xid xid8</c> column that
/// defaults to <c>pg_current_xact_id()</c> (and that an update sets again). A read takes one snapshot,
/// notes its <c>xmin</c> (every older transaction had finished) and returns the rows whose writer is not
/// older than the previous read's xmin, so no commit is ever missed, whatever order transactions commit
/// in. Rows seen by the previous read may come again; the caller recognises them. The first read (and
/// the first after <see cref="Reset"/>) returns every row.
/// </summary>
public sealed class CommittedRows(NpgsqlDataSource dataSource, string table, string columns)
{
    /// <summary>The xmin of the last complete read; 0 before the first.</summary>
    public long Since { get; private set; }

    public void Reset() => Since = 0;

    /// <summary>Hands each row to <paramref name="onRow"/> with this read's xmin, then moves <see cref="Since"/>
    /// to it; a read that fails part way leaves <see cref="Since"/> where it was.</summary>
    public async Task ReadAsync(Action<NpgsqlDataReader, long> onRow, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var snapshot = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", connection, transaction);
        var xmin = (long)(await snapshot.ExecuteScalarAsync(cancellationToken))!;

        await using var command = new NpgsqlCommand($"SELECT {columns} FROM {table} WHERE xid >= $1::text::xid8", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Since.ToString(CultureInfo.InvariantCulture) });
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                onRow(reader, xmin);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        Since = xmin;
    }
}
