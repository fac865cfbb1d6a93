using System.Diagnostics;
using ExecutiveDashboard.Platform.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>Waiting for what happens in the background, with a generous deadline and never a wall-clock assertion.</summary>
public static class Poll
{
    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; fails the test after <paramref name="patience"/>.
    /// Returns how long it took, for figures.</summary>
    public static async Task<TimeSpan> UntilAsync(string what, Func<Task<bool>> condition, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < patience, $"{what}: not after {patience.TotalSeconds} s");
            await Task.Delay(100);
        }
        return watch.Elapsed;
    }

    public static Task<TimeSpan> UntilAsync(string what, Func<bool> condition, TimeSpan patience) =>
        UntilAsync(what, () => Task.FromResult(condition()), patience);

    /// <summary>Polls the service's readiness (<c>/health</c>) until it answers 200 <c>Healthy</c>: every dependency reachable,
    /// every background loop working.</summary>
    public static Task<TimeSpan> UntilHealthyAsync(HttpClient client, TimeSpan patience) => UntilAsync("/health Healthy", async () =>
    {
        using var ready = await client.GetAsync("/health");
        return ready.StatusCode == System.Net.HttpStatusCode.OK && await ready.Content.ReadAsStringAsync() == "Healthy";
    }, patience);

    /// <summary>Samples a background loop's status until it is <paramref name="until"/>; returns each status seen, in order,
    /// once (e.g. Healthy, Degraded, Unhealthy).</summary>
    public static async Task<List<HealthStatus>> LoopUntilAsync(LoopHealth health, string loop, HealthStatus until, TimeSpan patience)
    {
        var seen = new List<HealthStatus>();
        await UntilAsync($"{loop} {until}", () =>
        {
            var status = health.StatusOf(loop);
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }
            return status == until;
        }, patience);
        return seen;
    }
}
