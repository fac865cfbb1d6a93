using System.Globalization;
using ExecutiveDashboard.Simulator.Generation;

namespace ExecutiveDashboard.Simulator.Cli;

/// <summary>The options of <c>seed</c>; sizes default to the benchmark's dataset.</summary>
public sealed record SeedArguments(
    string Gateway, SimulationOptions Simulation, int Parallel, int BatchSize, string? Token, bool Help)
{
    public const string Usage = """
        seed: posts a generated platform through the gateway (idempotent: sending it again only adds duplicates).

          dotnet run --project services/Simulator/Simulator -- seed [options]

          --gateway URL          the gateway (default http://localhost:8080)
          --days N               length of the period, ending now (default 90)
          --end ISO              end of the period instead of now, e.g. 2026-12-01T00:00:00Z
          --workspaces N         (default 2000)
          --users N              (default 100000, at least one per workspace)
          --runs N               run.completed events (default 1000000)
          --user-activity N      user.active events (default 200000)
          --subscriptions N      at least this many subscription events, by adding plan changes (default: the story's own)
          --seed N               (default 42)
          --prefix P             event ids are P-SEED-… (default seed)
          --workspace-prefix P   workspace ids are P_00001… (default sw, apart from the demo's ws_…)
          --parallel N           batches in flight per stream (default 4)
          --batch N              events per batch, at most 5,000 (default 1000)
          --token T              an ingest token for every workspace (default: one from /api/dev/token, Development only)
        """;

    public static SeedArguments Parse(string[] args, DateTime now)
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--gateway", "--days", "--end", "--workspaces", "--users", "--runs", "--user-activity", "--subscriptions", "--seed",
            "--prefix", "--workspace-prefix", "--parallel", "--batch", "--token",
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                help = true;
            }
            else if (known.Contains(args[i]) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown or incomplete option '{args[i]}'");
            }
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        long Number(string name, long fallback) => long.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var end = values.TryGetValue("--end", out var endText)
            ? DateTime.Parse(endText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : now;
        var simulation = new SimulationOptions
        {
            End = DateTime.SpecifyKind(end, DateTimeKind.Utc),
            Days = (int)Number("--days", 90),
            Workspaces = (int)Number("--workspaces", 2_000),
            Users = (int)Number("--users", 100_000),
            Runs = Number("--runs", 1_000_000),
            UserActiveEvents = Number("--user-activity", 200_000),
            SubscriptionEvents = values.ContainsKey("--subscriptions") ? (int)Number("--subscriptions", 0) : null,
            Seed = (int)Number("--seed", SimulationOptions.DefaultSeed),
            IdPrefix = Get("--prefix", "seed"),
            WorkspacePrefix = Get("--workspace-prefix", "sw"),
        };
        var batch = (int)Number("--batch", 1_000);
        if (batch is < 1 or > 5_000)
        {
            throw new ArgumentException("--batch must be 1 to 5,000 (the ingest endpoints' limit)");
        }
        return new SeedArguments(Get("--gateway", "http://localhost:8080"), simulation, Math.Max(1, (int)Number("--parallel", 4)), batch,
            values.GetValueOrDefault("--token"), help);
    }
}
