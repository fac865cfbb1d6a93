using System.Text.RegularExpressions;
using Npgsql;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A real PostgreSQL server for integration tests (see <see cref="LocalServer"/>). User
/// <c>postgres</c>, no password, 127.0.0.1 only.
/// </summary>
public sealed partial class PostgresServer() : LocalServer("postgres.sh", TimeSpan.FromSeconds(60))
{
    /// <summary>Starts a server and waits until it is ready; dispose it to stop it and delete its data.</summary>
    public static Task<PostgresServer> StartAsync() => StartAsync(new PostgresServer());

    /// <summary>Connection string of the server, without a database (Npgsql then uses <c>postgres</c>).</summary>
    public override string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    /// <summary>
    /// Creates a new, empty database and returns its connection string. The database is called
    /// <paramref name="name"/>, or <c>name_2</c>, <c>name_3</c>… when that name is taken, so tests
    /// sharing one server never share a database by accident.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Use lower-case letters, digits and underscores, starting with a letter.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? name : $"{name}_{suffix}";
            try
            {
                await using var create = new NpgsqlCommand($"create database \"{candidate}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = candidate }.ConnectionString;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase && suffix < 1000)
            {
                // Taken: try the next suffix.
            }
        }
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        await using var connection = new NpgsqlConnection(probe);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,50}$")]
    private static partial Regex DatabaseName();
}
