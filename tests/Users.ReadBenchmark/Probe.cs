using System.Diagnostics;
using Npgsql;

static class Probe
{
    public static async Task RunAsync(NpgsqlDataSource dataSource)
    {
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            long n = 0, elements = 0;
            await using (var command = dataSource.CreateCommand("SELECT user_key, block, spans, workspace_id FROM user_activity_spans WHERE block BETWEEN 323 AND 324"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) { n++; elements += reader.GetFieldValue<byte[]>(2).Length / 8; reader.GetString(3); }
            }
            var arrays = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await using (var command = dataSource.CreateCommand("SELECT user_key, block FROM user_activity_spans WHERE block BETWEEN 323 AND 324"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) { n++; }
            }
            Console.WriteLine($"probe: rows+arrays {arrays:F1} ms ({elements} spans), keys only {watch.Elapsed.TotalMilliseconds:F1} ms, load {File.ReadAllText("/proc/loadavg").Trim()}");
        }
    }
}
