namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>
/// The body of <c>POST /api/executions/signals</c>, <c>POST /api/billing/signals</c> and <c>POST /api/users/signals</c>: the scopes (workspace ids,
/// <c>all</c> for the platform) whose signals to read at one instant, in one request. The answer is a JSON object
/// with one entry per scope. One read for many scopes, because the alerts service evaluates every scope an ingest
/// touched, which in a backfill is every workspace.
/// </summary>
/// <param name="AsOf">Where the windows end (default: now), taken to the millisecond.</param>
/// <param name="Days">Days of daily history each service adds (<see cref="BillingSignals.Daily"/>,
/// <see cref="ExecutionSignals.Daily"/>, <see cref="UserSignals.Daily"/>; 0 to
/// <see cref="MaxDays"/>, default 0: none): the goals' projections read it; the alert rules do not, so their reads
/// stay as small as they were.</param>
public sealed record SignalsQuery(IReadOnlyList<string> Scopes, DateTime? AsOf = null, int Days = 0)
{
    /// <summary>At most this many scopes per request.</summary>
    public const int MaxScopes = 5_000;

    /// <summary>The most days of daily history a request may ask for: the 30 days a goal's projection fits its line to.</summary>
    public const int MaxDays = 30;
}
