using System.Globalization;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The workspace the exports tests take away as files, seeded once per app through the gateway, and one fixed
/// <see cref="AsOf"/> at which its overview is whole and no longer changes: what every file of that scope and asOf must say.
/// <para>
/// Its names are the formula-injection cases of the CSV (an agent <c>=HYPERLINK(…)</c>, users <c>+SUM(A1)</c> and
/// <c>-12.5</c>), and its numbers fell against the previous 7 days (fewer runs, a lower success rate, an MRR cut from 200
/// to 150), so that negative changes stand next to them. The alerts service evaluates at the real now, so the data is
/// laid out backwards from the real now: 20 runs in the last 10 minutes, 6 of them failed, raise a high-error-rate alert,
/// and <see cref="AsOf"/> is taken after it is active, so that the active-alerts table has a row too.
/// </para>
/// </summary>
internal sealed record ExportsBoard(string AsOf, DateTime AsOfTime)
{
    public const string Workspace = "exp_board";
    public const string Timeframe = "7d";
    public const string HyperlinkAgent = "=HYPERLINK(\"http://x\",\"y\")";
    public const string SumUser = "+SUM(A1)";
    public const string MinusUser = "-12.5";

    /// <summary>This period's runs: 20 in the last 10 minutes and 3 two days ago; the previous period's: 30.</summary>
    public const long Runs = 23, PreviousRuns = 30;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static ExportsBoard? s_board;

    public static async Task<ExportsBoard> PreparedAsync(DashboardApp app)
    {
        await Lock.WaitAsync();
        try
        {
            return s_board ??= await PrepareAsync(app);
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task<ExportsBoard> PrepareAsync(DashboardApp app)
    {
        var now = DateTime.UtcNow;
        var t = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var ingest = await app.SignInAsync("ingest", "*");
        await PostAsync(ingest, "/api/users/events",
            SignedUp("exp-u1", Workspace, "u_sum", Iso(t.AddDays(-20)), SumUser),
            SignedUp("exp-u2", Workspace, "u_minus", Iso(t.AddDays(-20)), MinusUser),
            SignedUp("exp-u3", Workspace, "u_ada", Iso(t.AddDays(-20)), "Ada Export"));
        await PostAsync(ingest, "/api/billing/events",
            SubscriptionStarted("exp-b1", Workspace, Iso(t.AddDays(-40)), "pro", "month", 200.00m),
            SubscriptionChanged("exp-b2", Workspace, Iso(t.AddDays(-3)), "team", "month", 150.00m));
        await PostAsync(ingest, "/api/executions/events", [
            .. Enumerable.Range(0, (int)PreviousRuns).Select(i => Run($"exp-p{i}", Workspace, "ag_plain", "Plain Bot", "u_ada", true,
                Iso(t.AddDays(-10).AddMinutes(-10 * i)), 20, 2.00m)),
            .. Enumerable.Range(0, 3).Select(i => Run($"exp-c{i}", Workspace, "ag_plain", "Plain Bot", "u_ada", true,
                Iso(t.AddDays(-2).AddMinutes(-10 * i)), 40, 1.50m)),
            // 6 of 20 failed in the last hour: 30 % > 25 % over at least 20 runs, a critical high-error-rate alert.
            .. Enumerable.Range(0, 20).Select(i => Run($"exp-h{i}", Workspace, "ag_hyper", HyperlinkAgent, i % 2 == 0 ? "u_sum" : "u_minus",
                succeeded: i >= 6, Iso(t.AddSeconds(-30 * (i + 1))), 5, 1.00m)),
        ]);

        var ceo = await app.SignInAsync("ceo", Workspace);
        await Poll.UntilAsync("the high-error-rate alert of the exports workspace", async () =>
            (await OverviewJson.ReadAsync(ceo, Workspace, Timeframe, Iso(DateTime.UtcNow)))["activeAlerts"]!.AsArray().Count > 0, Settle);

        // A whole second after the alert, and in the past by the time it is read (asOf is a past instant, as a board pack's is).
        var asOfTime = new DateTime(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(2);
        var asOf = Iso(asOfTime);
        await Poll.UntilAsync("asOf in the past", () => DateTime.UtcNow > asOfTime, Settle);

        // Whole (no section degraded or catching up), every event in (the users service learns of runs over RabbitMQ),
        // and the same on two reads in a row.
        JsonObject? previous = null, overview = null;
        await Poll.UntilAsync("the exports workspace's whole, settled overview", async () =>
        {
            (previous, overview) = (overview, await OverviewJson.ReadAsync(ceo, Workspace, Timeframe, asOf));
            return Whole(overview)
                && Number(overview, "executionMetrics", "totalRuns") == Runs
                && Number(overview, "userMetrics", "wau") == 3 // u_sum, u_minus and u_ada
                && Number(overview, "businessMetrics", "mrr") == 150
                && overview["activeAlerts"]!.AsArray().Count > 0
                && overview["topUsers"]!.AsArray().Any(u => (string?)u!["name"] == SumUser)
                && previous is not null
                && OverviewJson.Diff(OverviewJson.Comparable(previous), OverviewJson.Comparable(overview)).Count == 0;
        }, Settle);
        return new ExportsBoard(asOf, asOfTime);
    }

    /// <summary>The overview at <see cref="AsOf"/>, read right before a file of it is asked for: an active alert's message may
    /// still change (a new severity), so each test compares its file with what the gateway answered just then. Whole: a
    /// read that a loaded machine made time out is read again.</summary>
    /// <param name="scope">This board's workspace, or <c>all</c> for the platform's overview at the same asOf.</param>
    public async Task<JsonObject> OverviewAsync(HttpClient reader, string scope = Workspace)
    {
        var (overview, _, whole) = await OverviewJson.ReadUntilAsync(reader, scope, Timeframe, AsOf, Whole, TimeSpan.FromSeconds(15));
        Assert.True(whole, $"the overview of {scope} at {AsOf} is not whole: {overview["meta"]!.ToJsonString()}");
        return overview;
    }

    private static bool Whole(JsonObject overview) =>
        overview["meta"]!["degraded"]!.AsArray().Count == 0 && overview["meta"]!["catchingUp"]!.AsArray().Count == 0;

    /// <summary>The query of a download of this board (or of the platform, <c>all</c>) at <see cref="AsOf"/>.</summary>
    public string Query(string format, string scope = Workspace) => $"workspace_id={scope}&timeframe={Timeframe}&format={format}&asOf={AsOf}";

    /// <summary><c>executive-dashboard_exp_board_7d_yyyyMMddTHHmmssZ.{format}</c>, spelled out from the spec.</summary>
    public string FileName(string format) =>
        $"executive-dashboard_{Workspace}_{Timeframe}_{AsOfTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{format}";

    public static decimal? Number(JsonObject answer, string section, string field) =>
        answer[section]?[field] is JsonValue v ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
