namespace ExecutiveDashboard.Platform.Resilience;

/// <summary>
/// How long a failing loop waits before it tries again: the step doubles from <see cref="First"/> with each consecutive
/// failure up to <see cref="Cap"/>, and each wait is drawn between half of its step and the whole of it ("equal jitter"),
/// so that loops and replicas that failed together do not retry in step, and a wait never shrinks to nothing.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Cap)
{
    /// <summary>Half a second after the first failure; at most ten seconds between attempts, so a loop notices within
    /// ten seconds that its dependency is back, at one attempt per five to ten seconds while it is not.</summary>
    public static readonly Backoff Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    /// <summary>The longest wait after <paramref name="failures"/> consecutive failures (at least one).</summary>
    public TimeSpan Step(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // In doubles: 2^failures overflows a long of ticks long before the cap stops mattering.
        var ticks = First.Ticks * Math.Pow(2, failures - 1);
        return ticks >= Cap.Ticks ? Cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <param name="failures">Consecutive failures so far, at least one.</param>
    /// <param name="random">A uniform draw in [0, 1).</param>
    public TimeSpan Delay(int failures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(random, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1);
        var half = Step(failures) / 2;
        return half + half * random;
    }
}
