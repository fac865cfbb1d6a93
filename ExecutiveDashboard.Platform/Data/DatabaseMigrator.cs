using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExecutiveDashboard.Platform.Data;

/// <summary>Applies the versioned migrations of a service's database (<see cref="MigrationSet"/>: the service's own
/// <c>Data/Migrations/NNN_name.sql</c> and those of the platform's parts it opted into), each once and in the order of
/// their versions, under an advisory lock so that replicas starting together do not race.</summary>
public sealed partial class DatabaseMigrator(
    NpgsqlDataSource dataSource, string connectionString, IEnumerable<MigrationSet> migrations, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    private const long LockKey = 0x4D494752_41544531; // "MIGRATE1"
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            var applied = new HashSet<string>();
            await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            foreach (var (version, assembly, resource) in Pending(applied))
            {
                await using var stream = assembly.GetManifestResourceStream(resource)!;
                var sql = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES ($1)", connection))
                {
                    record.Parameters.AddWithValue(version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                LogApplied(version);
            }
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The platform's tables the service opted into (<c>000_*</c>), then the service's own.</summary>
    private IEnumerable<Migration> Pending(HashSet<string> applied) =>
        migrations.Distinct().SelectMany(set => set.Migrations())
            .Where(m => !applied.Contains(m.Version))
            .OrderBy(m => m.Version, StringComparer.Ordinal);

    /// <summary>
    /// The statement that creates a service's database. Text compares byte by byte (collation <c>C</c>): every key of
    /// these databases is an identifier, compared for equality and ordered only so that locks are taken in one order,
    /// which C# does ordinally too. A libc collation, even <c>C.UTF-8</c>, calls <c>strcoll</c> on every comparison of
    /// every text index (claims, runs by workspace, rollup and user keys), a cost that <c>C</c> does not pay
    /// (docs/performance.md, Ingest). For UTF-8, byte order is code point order, the order <c>C.UTF-8</c> gives, so no
    /// answer changes. The app host's container mode creates the databases with the same statement.
    /// </summary>
    private static string CreateDatabaseSql(string database) =>
        $"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\" TEMPLATE template0 LC_COLLATE 'C'";

    /// <summary>Each service owns one database; on a fresh server nobody has created it yet.</summary>
    private async Task EnsureDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString);
        var database = admin.Database ?? throw new InvalidOperationException("The connection string names no database.");
        admin.Database = "postgres";
        admin.Pooling = false;

        var deadline = DateTime.UtcNow + StartupTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
                exists.Parameters.AddWithValue(database);
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    await Execute(connection, CreateDatabaseSql(database), cancellationToken);
                    LogCreated(database);
                }
                return;
            }
            // Another replica created it first: PostgreSQL says so by name when its CREATE had committed before this one
            // looked, and with the unique index of pg_database when both CREATEs ran at once.
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                return;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < deadline && e is not PostgresException)
            {
                LogWaiting(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>No command timeout: a migration over a large table, or a replica waiting for another's migration
    /// (the advisory lock), can take minutes, and the service must not start without it.</summary>
    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Applied migration {Version}")]
    private partial void LogApplied(string version);

    [LoggerMessage(LogLevel.Information, "Created database {Database}")]
    private partial void LogCreated(string database);

    [LoggerMessage(LogLevel.Information, "Waiting for PostgreSQL: {Reason}")]
    private partial void LogWaiting(string reason);
}
