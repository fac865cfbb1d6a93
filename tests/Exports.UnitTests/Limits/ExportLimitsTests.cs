using ExecutiveDashboard.Exports.Limits;

namespace ExecutiveDashboard.Exports.UnitTests.Limits;

public sealed class ExportLimitsTests
{
    [Fact]
    public void A_subject_runs_two_exports_at_once_and_a_third_is_told_to_come_back_in_a_second()
    {
        using var limits = new ExportLimits(machineShare: 1);
        var (first, _) = limits.TryStart("sub:dana");
        var (second, _) = limits.TryStart("sub:dana");

        var (third, retryAfter) = limits.TryStart("sub:dana");

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(third);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.NotNull(limits.TryStart("sub:eli").Lease);

        first!.Dispose();
        Assert.NotNull(limits.TryStart("sub:dana").Lease);
    }

    [Fact]
    public void A_subject_starts_ten_exports_a_minute_and_the_eleventh_waits_for_the_window()
    {
        using var limits = new ExportLimits(machineShare: 1);
        for (var i = 0; i < ExportLimits.PerMinute; i++)
        {
            var (lease, _) = limits.TryStart("sub:dana");
            Assert.NotNull(lease);
            lease!.Dispose();
        }

        var (refused, retryAfter) = limits.TryStart("sub:dana");

        Assert.Null(refused);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.NotNull(limits.TryStart("sub:eli").Lease);
    }

    [Fact]
    public async Task Over_everyone_exports_take_their_turn_in_order()
    {
        using var limits = new ExportLimits(machineShare: 1);
        using var running = await limits.WaitForTurnAsync(CancellationToken.None);
        var next = limits.WaitForTurnAsync(CancellationToken.None).AsTask();
        var after = limits.WaitForTurnAsync(CancellationToken.None).AsTask();

        Assert.True(running.IsAcquired);
        Assert.False(next.IsCompleted);

        running.Dispose();
        using var second = await next;
        Assert.True(second.IsAcquired);
        Assert.False(after.IsCompleted);
        second.Dispose();
        using var third = await after;
        Assert.True(third.IsAcquired);
    }

    [Fact]
    public async Task Beyond_the_waiting_room_an_export_is_refused_at_once()
    {
        using var limits = new ExportLimits(machineShare: 1);
        using var running = await limits.WaitForTurnAsync(CancellationToken.None);
        var waiting = Enumerable.Range(0, ExportLimits.MaxWaiting).Select(_ => limits.WaitForTurnAsync(CancellationToken.None).AsTask()).ToList();

        using var refused = await limits.WaitForTurnAsync(CancellationToken.None);

        Assert.False(refused.IsAcquired);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
    }
}
