using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;

namespace ExecutiveDashboard.Platform.Data;

/// <summary>
/// A gauge of the rows of a queue table (the outbox, the folder's unfolded events), counted when the metrics are
/// collected: the count is exact whatever the replicas and restarts, which a counter kept in memory is not. The count is
/// not traced (it would be a root span at every collection) and a database that does not answer gives no measurement,
/// rather than a failed collection: the health check and the loops report the outage.
/// </summary>
public static class RowCountGauge
{
    /// <summary>Where the count stops. A backlog past it is alarming whatever its size, and counting every row of a large
    /// queue at every export took the database's time from the work that
    /// drains the queue: the numbers settled seconds later after an ingest.</summary>
    public const int Cap = 10_000;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static ObservableGauge<long> Create(Meter meter, NpgsqlDataSource dataSource, string table, string name, string description) =>
        meter.CreateObservableGauge(name, () => Count(dataSource, table), unit: "{row}", description: description);

    private static Measurement<long>[] Count(NpgsqlDataSource dataSource, string table)
    {
        using var untraced = SuppressInstrumentationScope.Begin();
        try
        {
            using var command = dataSource.CreateCommand($"SELECT count(*) FROM (SELECT FROM {table} LIMIT {Cap}) AS counted");
            command.CommandTimeout = (int)Timeout.TotalSeconds;
            return [new((long)command.ExecuteScalar()!)];
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return [];
        }
    }
}
