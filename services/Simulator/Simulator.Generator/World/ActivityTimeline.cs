using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>
/// How busy a workspace is over time, read from its own billing story: a trial uses the product lightly,
/// a paying workspace by its plan, a canceled or expired one not at all. Usage also grows over a
/// workspace's first week, and nothing runs before its first agent exists.
/// </summary>
public sealed class ActivityTimeline
{
    private static readonly TimeSpan RampUp = TimeSpan.FromDays(7);
    private const double TrialIntensity = 0.6;

    private readonly ActivitySegment[] _segments;
    private readonly DateTime _createdAt;

    private ActivityTimeline(ActivitySegment[] segments, DateTime createdAt)
    {
        _segments = segments;
        _createdAt = createdAt;
    }

    public IReadOnlyList<ActivitySegment> Segments => _segments;

    /// <summary>Whether the workspace is in use at some point of its story.</summary>
    public bool IsEverActive => _segments.Length > 0;

    /// <summary>The end of the last segment: nothing happens in the workspace after it.</summary>
    public DateTime LastActive => _segments.Length == 0 ? _createdAt : _segments[^1].To;

    public static ActivityTimeline From(IEnumerable<BillingEvent> story, DateTime createdAt, DateTime firstAgentAt, DateTime end, double size)
    {
        var segments = new List<ActivitySegment>();
        DateTime? openedAt = null;
        var intensity = 0.0;

        void Close(DateTime at)
        {
            if (openedAt is { } from && intensity > 0)
            {
                var start = from < firstAgentAt ? firstAgentAt : from;
                if (at > start)
                {
                    segments.Add(new ActivitySegment(start, at, intensity * size));
                }
            }
            openedAt = null;
            intensity = 0;
        }

        void Open(DateTime at, double value)
        {
            Close(at);
            openedAt = at;
            intensity = value;
        }

        var subscribed = false;
        foreach (var e in story)
        {
            switch (e)
            {
                case TrialStarted trial when !subscribed:
                    Open(trial.OccurredAt, TrialIntensity);
                    break;
                case TrialEnded ended when !subscribed:
                    Close(ended.OccurredAt);
                    break;
                case SubscriptionPriced priced:
                    subscribed = true;
                    Open(priced.OccurredAt, Plans.UsageFactor(priced.Plan));
                    break;
                case SubscriptionCanceled canceled:
                    subscribed = false;
                    Close(canceled.OccurredAt);
                    break;
            }
        }
        Close(end);
        return new ActivityTimeline([.. segments], createdAt);
    }

    /// <summary>The segment holding <paramref name="instant"/>, or -1.</summary>
    public int SegmentAt(DateTime instant)
    {
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i].From <= instant && instant < _segments[i].To)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The intensity throughout [<paramref name="from"/>, <paramref name="to"/>), or 0 unless one segment
    /// covers all of it (so a run is never placed before a trial started or after a cancel).</summary>
    public double Throughout(DateTime from, DateTime to)
    {
        var segment = SegmentAt(from);
        if (segment < 0 || _segments[segment].To < to)
        {
            return 0;
        }
        var middle = from + (to - from) / 2;
        var age = middle - _createdAt;
        var ramp = age >= RampUp ? 1.0 : 0.35 + 0.65 * age / RampUp;
        return _segments[segment].Intensity * ramp;
    }

    public bool IsActiveAt(DateTime instant) => SegmentAt(instant) >= 0;
}
