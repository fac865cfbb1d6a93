using System.Diagnostics;

namespace ExecutiveDashboard.ServiceDefaults.Telemetry;

/// <summary>
/// A round of a background loop (the platform library's <c>BackgroundLoop</c>) runs inside an activity that
/// <see cref="LoopRoundSampler"/> records but never exports, so that what it calls (SQL, HTTP to another service, Redis)
/// follows that decision and is not traced: polls that find nothing, every second, would otherwise bury each request's
/// trace in the Aspire dashboard under their own root spans. What a round does is seen in the services' meters and logs.
/// </summary>
public static class LoopRounds
{
    public const string SourceName = "ExecutiveDashboard.BackgroundLoops";

    /// <summary>Marks a round's activity, for the sampler, which sees the tags an activity starts with but not its source.</summary>
    public const string LoopTag = "executive_dashboard.loop";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The round of <paramref name="loop"/>, a root of its own whatever was current.</summary>
    public static Activity? Start(string loop)
    {
        Activity.Current = null;
        return Source.StartActivity(ActivityKind.Internal, tags: [new(LoopTag, loop)], name: loop);
    }

    /// <summary>Until disposed, what starts is traced as if no round ran (a root span, sampled as such): for work a round
    /// found that ops follow across services, such as the integration events the outbox publishes.</summary>
    public static IDisposable Detach() => new Detached(Activity.Current);

    private sealed class Detached : IDisposable
    {
        private readonly Activity? _round;

        public Detached(Activity? round)
        {
            _round = round;
            Activity.Current = null;
        }

        public void Dispose() => Activity.Current = _round;
    }
}
