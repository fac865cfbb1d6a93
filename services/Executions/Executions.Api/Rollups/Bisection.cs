namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// Applies a list of items that may hold some that can never be applied (poison): the whole list first, and on a
/// permanent failure each half, down to single items, which are the poison. Every part that succeeds stays applied, so
/// each good item is applied once; the caller makes each try all or nothing (a savepoint). A failure that is not
/// permanent is no verdict on the items: it ends the bisection and goes to the caller, which retries the whole later.
/// Costs one try when nothing is poisoned, and about 2·log2(n) tries per poisoned item.
/// </summary>
public static class Bisection
{
    /// <param name="apply">Applies a part, all or nothing; throws if it cannot.</param>
    /// <param name="isPermanent">Whether a failure of <paramref name="apply"/> is about the items (and so worth splitting).</param>
    /// <returns>The items that failed on their own, in their order, with their failure.</returns>
    public static async Task<List<(T Item, Exception Error)>> ApplyAsync<T>(
        IReadOnlyList<T> items, Func<IReadOnlyList<T>, Task> apply, Func<Exception, bool> isPermanent)
    {
        var poison = new List<(T, Exception)>();
        // Ranges to try, the leftmost on top: items are tried in their order.
        var pending = new Stack<(int Start, int Count)>();
        pending.Push((0, items.Count));
        while (pending.TryPop(out var range))
        {
            if (range.Count == 0)
            {
                continue;
            }
            var part = range.Count == items.Count ? items : items.Skip(range.Start).Take(range.Count).ToList();
            try
            {
                await apply(part);
            }
            catch (Exception e) when (isPermanent(e))
            {
                if (range.Count == 1)
                {
                    poison.Add((items[range.Start], e));
                    continue;
                }
                var half = range.Count / 2;
                pending.Push((range.Start + half, range.Count - half));
                pending.Push((range.Start, half));
            }
        }
        return poison;
    }
}
