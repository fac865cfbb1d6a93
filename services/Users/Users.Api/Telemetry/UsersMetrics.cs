using System.Diagnostics.Metrics;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Platform.Ingest;

namespace ExecutiveDashboard.Users.Telemetry;

/// <summary>The users service's meter: events accepted.</summary>
public sealed class UsersMetrics(IMeterFactory meters)
{
    public const string MeterName = "ExecutiveDashboard.Users";

    private readonly AcceptedEvents _accepted = new(meters.Create(MeterName));

    public void EventsAccepted(IReadOnlyList<UserEvent> events) =>
        _accepted.Add(events, e => e is UserSignedUpEvent ? UserEvent.SignedUpType : UserEvent.ActiveType);
}
