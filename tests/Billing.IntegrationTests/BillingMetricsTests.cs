using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using static ExecutiveDashboard.Billing.IntegrationTests.Events;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>
/// A small fixed history, ingested over HTTP, then every field of the overview against values computed by
/// hand. asOf 2026-12-01T00:00:00Z: 30d is [11-01, 12-01), 7d is [11-24, 12-01), all starts at 10-01T12:00.
/// A, B (yearly 1200 = 100 a month), C, D pay 100 from 10-01T12:00; D cancels 11-15T12:00; E pays 60 from
/// 11-10T12:00 (sent with a +02:00 offset); A upgrades to 150 at 11-26T00:00; F is in trial from 11-25 to
/// 12-09; marketing spends 900 on 11-05 and 100 on 11-28.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BillingMetricsTests(BillingServersFixture servers)
{
    private const string AsOf = "2026-12-01T00:00:00Z";

    private static readonly JsonObject[] History =
    [
        Started("a-1", "A", "2026-10-01T12:00:00Z", 100m),
        Started("b-1", "B", "2026-10-01T12:00:00Z", 1200m, "year"),
        Started("c-1", "C", "2026-10-01T12:00:00Z", 100m),
        Started("d-1", "D", "2026-10-01T12:00:00Z", 100m),
        Canceled("d-2", "D", "2026-11-15T12:00:00Z"),
        Started("e-1", "E", "2026-11-10T14:00:00+02:00", 60m),
        Changed("a-2", "A", "2026-11-26T00:00:00Z", 150m),
        Trial("f-1", "F", "2026-11-25T00:00:00Z", "2026-12-09T00:00:00Z"),
        Spend("s-1", "2026-11-05T00:00:00Z", 900m),
        Spend("s-2", "2026-11-28T00:00:00Z", 100m),
    ];

    private static async Task<BillingService> WithHistoryAsync(BillingService service, IEnumerable<JsonObject> events)
    {
        using var response = await service.Ingest.PostAsync("/api/billing/events", Batch([.. events]));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return service;
    }

    [Fact]
    public async Task Every_field_for_30_days_7_days_and_all()
    {
        await using var service = await WithHistoryAsync(servers.NewService(), History);

        // 30d: MRR 400 → 410 (+2.5 %); D lost of 4 paying at 11-01 (25 %); ARPA 410 / 4 = 102.5, / 0.25 = 410;
        // CAC (900 + 100) / 1 (E) = 1000; ratio 0.41. Movements: E new 60, A +50, D −100.
        var month = await service.OverviewAsync("all", "30d", AsOf);
        Assert.Equal(new PeriodRange(At("2026-11-01T00:00:00Z"), At(AsOf)), month.Period);
        Assert.Equal(new BusinessMetrics(410m, 2.5, 4920m, 410m, 1000m, 0.41, null, 4, 1, 25), month.BusinessMetrics);
        Assert.Equal(new MrrMovements(60m, 50m, 0m, 100m, 0m), month.MrrMovements);
        Assert.Equal(30, month.RevenueTrend.Count);
        Assert.Equal(
            Enumerable.Repeat(400.0, 9).Concat(Enumerable.Repeat(460.0, 5)).Concat(Enumerable.Repeat(360.0, 11)).Concat(Enumerable.Repeat(410.0, 5)),
            month.RevenueTrend.Select(p => p.Value));
        Assert.Equal(At("2026-11-30T00:00:00Z"), month.RevenueTrend[^1].Timestamp);

        // 7d: MRR 360 → 410 (+13.89 %); nobody paying at 11-24 left; 100 spent but no first payment: CAC null.
        var week = await service.OverviewAsync("all", "7d", AsOf);
        Assert.Equal(new PeriodRange(At("2026-11-24T00:00:00Z"), At(AsOf)), week.Period);
        Assert.Equal(new BusinessMetrics(410m, 13.89, 4920m, 410m, null, null, null, 4, 1, 0), week.BusinessMetrics);
        Assert.Equal(new MrrMovements(0m, 50m, 0m, 0m, 0m), week.MrrMovements);
        // 6-hour buckets from 11-24T00: the upgrade at 11-26T00:00 shows from the bucket ending after it.
        Assert.Equal(Enumerable.Repeat(360.0, 8).Concat(Enumerable.Repeat(410.0, 20)), week.RevenueTrend.Select(p => p.Value));

        // all: from the first event, no previous period; CAC 1000 / 5 first payments = 200; ratio 410 / 200.
        var all = await service.OverviewAsync("all", "all", AsOf);
        Assert.Equal(new PeriodRange(At("2026-10-01T12:00:00Z"), At(AsOf)), all.Period);
        Assert.Equal(new BusinessMetrics(410m, null, 4920m, 410m, 200m, 2.05, null, 4, 1, null), all.BusinessMetrics);
        Assert.Equal(new MrrMovements(460m, 50m, 0m, 100m, 0m), all.MrrMovements);
        Assert.Equal(At("2026-09-28T00:00:00Z"), all.RevenueTrend[0].Timestamp);
        Assert.Equal([400.0, 400, 400, 400, 400, 400, 360, 360, 410, 410], all.RevenueTrend.Select(p => p.Value));
    }

    [Fact]
    public async Task A_single_workspace_has_its_own_numbers_and_no_CAC()
    {
        await using var service = await WithHistoryAsync(servers.NewService(), History);

        var a = await service.OverviewAsync("A", "30d", AsOf);
        Assert.Equal(new BusinessMetrics(150m, 50, 1800m, null, null, null, null, 1, 0, 0), a.BusinessMetrics);
        Assert.Equal(new MrrMovements(0m, 50m, 0m, 0m, 0m), a.MrrMovements);

        var d = await service.OverviewAsync("D", "all", AsOf);
        Assert.Equal(new PeriodRange(At("2026-10-01T12:00:00Z"), At(AsOf)), d.Period);
        Assert.Equal(new BusinessMetrics(0m, null, 0m, null, null, null, null, 0, 0, null), d.BusinessMetrics);
        Assert.Equal(new MrrMovements(100m, 0m, 0m, 100m, 0m), d.MrrMovements);

        var f = await service.OverviewAsync("F", "7d", AsOf);
        Assert.Equal((0L, 1L), (f.BusinessMetrics.PaidWorkspaces!.Value, f.BusinessMetrics.TrialWorkspaces!.Value));
    }

    [Fact]
    public async Task The_same_events_in_reverse_order_give_identical_json()
    {
        await using var inOrder = await WithHistoryAsync(servers.NewService(), History);
        await using var reversed = servers.NewService();
        foreach (var e in History.Reverse())
        {
            await WithHistoryAsync(reversed, [e]);
        }

        foreach (var scope in (string[])["all", "A", "D", "E"])
        {
            foreach (var timeframe in (string[])["24h", "7d", "30d", "90d", "all"])
            {
                Assert.Equal(await inOrder.OverviewJsonAsync(scope, timeframe, AsOf), await reversed.OverviewJsonAsync(scope, timeframe, AsOf));
            }
        }
        Assert.Equal(await inOrder.ScalarAsync("SELECT count(*) FROM workspace_states"), await reversed.ScalarAsync("SELECT count(*) FROM workspace_states"));
    }

    /// <summary>The history's MRR at t written out from <see cref="History"/> (events before t count): A 100, 150 from
    /// 11-26T00; B 1200 a year = 100; C 100; D 100 until 11-15T12; E 60 from 11-10T12.</summary>
    private static double MrrOfHistory(DateTime t)
    {
        var started = At("2026-10-01T12:00:00Z");
        var mrr = 0.0;
        mrr += t > started ? (t > At("2026-11-26T00:00:00Z") ? 150 : 100) : 0;
        mrr += t > started ? 100 + 100 : 0;
        mrr += t > started && t <= At("2026-11-15T12:00:00Z") ? 100 : 0;
        mrr += t > At("2026-11-10T12:00:00Z") ? 60 : 0;
        return mrr;
    }

    /// <summary>With a reader's zone the revenue trend is MRR at each local bucket's end, the edges found by
    /// <see cref="ExpectedPeriods"/> with the operating system's zone rules; Kathmandu's edge at 00:15Z falls a quarter hour
    /// after A's upgrade, New York's buckets cross its change of 11-01.</summary>
    [Theory]
    [InlineData("Asia/Kolkata", "monday", "30d", AsOf)]
    [InlineData("Asia/Kathmandu", "monday", "7d", "2026-11-26T03:10:00Z")]
    [InlineData("America/New_York", "sunday", "30d", "2026-11-04T12:00:00Z")]
    [InlineData("Australia/Lord_Howe", "thursday", "all", AsOf)]
    [InlineData("America/New_York", "monday", "90d", "2026-11-30T23:59:59.999Z")]
    public async Task Local_buckets_hold_the_mrr_at_their_end(string tz, string weekStart, string timeframe, string asOf)
    {
        await using var service = await WithHistoryAsync(servers.NewService(), History);

        var o = await service.OverviewAsync("all", timeframe, asOf, $"&tz={Uri.EscapeDataString(tz)}&weekStart={weekStart}");

        var period = ExecutiveDashboard.TestSupport.ExpectedPeriods.Current(timeframe, At(asOf), At("2026-10-01T12:00:00Z"));
        var buckets = ExecutiveDashboard.TestSupport.ExpectedPeriods.LocalTrendBuckets(timeframe, period.Start, period.End, tz,
            Enum.Parse<DayOfWeek>(weekStart, ignoreCase: true));
        Assert.Equal(buckets.Select(b => (b.Start, MrrOfHistory(b.End))), o.RevenueTrend.Select(p => (p.Timestamp, p.Value)));
        Assert.Contains(o.RevenueTrend, p => p.Value > 0);
    }
}
