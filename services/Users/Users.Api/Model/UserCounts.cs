namespace ExecutiveDashboard.Users.Model;

/// <summary>What the database counted for one overview: distinct active users per window of
/// <c>UsersOverviewBuilder.Windows</c>, and the counts over users.</summary>
public sealed record UserCounts(
    IReadOnlyList<long> ActiveUsers, long ChurnedUsers, long ActiveWorkspaces, long KnownUsers, long NewUsers);
