using ExecutiveDashboard.Executions.Rollups;

namespace ExecutiveDashboard.Executions.UnitTests.Rollups;

/// <summary>The folder's search for the events it cannot fold, over plain numbers: "applying" a part adds it to a ledger,
/// all or nothing, as a savepoint does.</summary>
public sealed class BisectionTests
{
    private sealed class DataFault(string message) : Exception(message);

    private static bool Permanent(Exception e) => e is DataFault;

    [Fact]
    public async Task Nothing_poisoned_is_one_try()
    {
        var tries = 0;
        var poison = await Bisection.ApplyAsync(Enumerable.Range(0, 10_000).ToList(), _ =>
        {
            tries++;
            return Task.CompletedTask;
        }, Permanent);
        Assert.Empty(poison);
        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task Each_poisoned_item_is_found_and_every_other_applied_once()
    {
        int[] bad = [0, 13, 57, 58, 9_999];
        var items = Enumerable.Range(0, 10_000).ToList();
        var applied = new List<int>();
        var tries = 0;
        var poison = await Bisection.ApplyAsync(items, part =>
        {
            tries++;
            if (part.FirstOrDefault(bad.Contains, -1) is var b and >= 0)
            {
                throw new DataFault($"item {b}");
            }
            applied.AddRange(part);
            return Task.CompletedTask;
        }, Permanent);

        Assert.Equal(bad, poison.Select(p => p.Item));
        Assert.Equal(bad.Select(b => $"item {b}"), poison.Select(p => p.Error.Message));
        Assert.Equal(items.Except(bad), applied);   // each once, in order
        // About 2·log2(n) tries per poisoned item, not one per item.
        Assert.InRange(tries, bad.Length, 2 * bad.Length * 14 + 1);
    }

    /// <summary>Issue 18, case 1: each event fits alone, but the sum of a row overflows. What fits is folded, in order;
    /// the events that would push the sum past the limit are set aside.</summary>
    [Fact]
    public async Task Items_that_only_fail_on_top_of_the_others_are_set_aside_once_the_rest_is_in()
    {
        const long limit = 100;
        long stored = 0;
        var items = Enumerable.Repeat(30L, 5).ToList();   // 150 in all: the fourth and fifth cannot fit
        var poison = await Bisection.ApplyAsync(items, part =>
        {
            if (stored + part.Sum() > limit)
            {
                throw new DataFault("numeric field overflow");
            }
            stored += part.Sum();
            return Task.CompletedTask;
        }, Permanent);

        Assert.Equal(90, stored);
        Assert.Equal(2, poison.Count);
    }

    [Fact]
    public async Task A_fault_that_is_not_the_data_s_ends_the_search_and_reaches_the_caller()
    {
        var tries = 0;
        await Assert.ThrowsAsync<TimeoutException>(() => Bisection.ApplyAsync(Enumerable.Range(0, 100).ToList(), part =>
        {
            tries++;
            return part.Count == 100 ? throw new DataFault("bad") : throw new TimeoutException();
        }, Permanent));
        Assert.Equal(2, tries);
    }

    [Fact]
    public async Task An_empty_list_tries_nothing()
    {
        var poison = await Bisection.ApplyAsync(new List<int>(), _ => throw new DataFault("never"), Permanent);
        Assert.Empty(poison);
    }
}
