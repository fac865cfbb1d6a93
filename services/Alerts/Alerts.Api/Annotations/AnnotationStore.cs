using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Alerts.Annotations;

/// <summary>The annotations of the alerts database. A write tells the scope's readers through the outbox, in the same
/// transaction, that its <see cref="Sections.Annotations"/> changed: the gateway drops the scope's cached overviews, and
/// live pages refetch the section. A platform-wide (<c>all</c>) annotation shows on every workspace's charts, so its write
/// names every scope the service knows (<c>known_scopes</c>: each workspace whose numbers ever changed).</summary>
public sealed class AnnotationStore(NpgsqlDataSource dataSource, Outbox outbox)
{
    /// <summary>The most annotations one read answers (oldest first): far more than a chart can show apart.</summary>
    public const int MaxListLimit = 500;

    private static readonly IReadOnlyList<string> Changed = [Sections.Annotations];

    public async Task<Annotation> AddAsync(NewAnnotation annotation, string createdBy, DateTime now, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO annotations (id, at, scope, kind, text, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, connection))
        {
            foreach (var value in new object[] { id, annotation.At, annotation.Scope, annotation.Kind, annotation.Text, createdBy, now })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await TellAsync(connection, annotation.Scope, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return new Annotation(id.ToString(), annotation.At, annotation.Scope, annotation.Kind, annotation.Text);
    }

    /// <summary>
    /// What a chart of <paramref name="scope"/> shows from <paramref name="from"/> (inclusive) to <paramref name="to"/>
    /// (exclusive): the scope's annotations and the platform's, oldest first. The platform's own charts show the
    /// platform's alone: a workspace's deploy says nothing of the platform's line.
    /// </summary>
    public async Task<IReadOnlyList<Annotation>> ListAsync(string scope, DateTime from, DateTime to, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM annotations
            WHERE scope IN ($1, '{Scopes.Platform}') AND at >= $2 AND at < $3
            ORDER BY at, id
            LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var annotations = new List<Annotation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            annotations.Add(Read(reader));
        }
        return annotations;
    }

    public async Task<Annotation?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM annotations WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <returns>Whether it was there to delete (a concurrent delete may have taken it first).</returns>
    public async Task<bool> DeleteAsync(Annotation annotation, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM annotations WHERE id = $1", connection);
        delete.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(annotation.Id) });
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        await TellAsync(connection, annotation.Scope, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return true;
    }

    private async Task TellAsync(NpgsqlConnection connection, string scope, DateTime now, CancellationToken cancellationToken)
    {
        List<string> scopes = [scope];
        if (scope == Scopes.Platform)
        {
            await using var known = new NpgsqlCommand("SELECT scope FROM known_scopes ORDER BY scope", connection);
            await using var reader = await known.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                scopes.Add(reader.GetString(0));
            }
        }
        await outbox.EnqueueAsync(connection, [MetricsChangedBatch.Of(scopes, ServiceCatalog.Alerts.Name, now, Changed)], cancellationToken);
    }

    private const string Columns = "id, at, scope, kind, text";

    private static Annotation Read(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0).ToString(), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
}
