using System.Globalization;
using ExecutiveDashboard.Contracts.Services;

namespace ExecutiveDashboard.Faults;

/// <param name="BrokerPause">How long RabbitMQ is stopped (SIGSTOP): longer than the services' heartbeat, so their
/// connections are declared dead while it is away.</param>
/// <param name="DatabasePause">How long PostgreSQL, its postmaster and every backend, is stopped.</param>
/// <param name="Kill">The resource whose process is killed (SIGKILL) and then started again with Aspire's command.</param>
/// <param name="Spread">How long the faulted run's ingest is spread over, so that every fault strikes during it (the quiet
/// run sends as fast as it can).</param>
public sealed record FaultOptions(long Runs, int Workspaces, int Users, int Days, int Seed,
    TimeSpan BrokerPause, TimeSpan DatabasePause, string Kill, TimeSpan Spread)
{
    public static FaultOptions Parse(string[] args)
    {
        string Get(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        int Int(string name, string fallback) => int.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        return new FaultOptions(
            long.Parse(Get("--runs", "200000"), CultureInfo.InvariantCulture),
            Int("--workspaces", "300"),
            Int("--users", "10000"),
            Int("--days", "30"),
            Int("--seed", "7"),
            TimeSpan.FromSeconds(Int("--broker-pause", "40")),
            TimeSpan.FromSeconds(Int("--database-pause", "20")),
            Get("--kill", ServiceCatalog.Executions.ResourceName),
            TimeSpan.FromSeconds(Int("--spread", "150")));
    }
}
