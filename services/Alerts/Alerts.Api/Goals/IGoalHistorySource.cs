namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>Where the goals' daily values come from: the services that own the numbers, through their signals.</summary>
public interface IGoalHistorySource
{
    /// <summary>The daily values a projection reads: the value at asOf and at each of the days before, the last 30 in all.</summary>
    public const int Days = 29;

    /// <summary>The daily history of each scope at <paramref name="asOf"/>; every scope asked has an entry.</summary>
    /// <param name="withDau">The scopes (of <paramref name="scopes"/>) with a dau goal: only their daily active users are
    /// read, so that the users service is not asked for what no goal needs.</param>
    Task<IReadOnlyDictionary<string, GoalHistory>> ReadAsync(
        IReadOnlyList<string> scopes, IReadOnlyList<string> withDau, DateTime asOf, CancellationToken cancellationToken);
}
