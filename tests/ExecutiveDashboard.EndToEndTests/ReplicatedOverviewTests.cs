using Xunit.Abstractions;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The hand-computed overviews of <see cref="FullOverviewTests"/> with two replicas of every service and of the gateway:
/// the same numbers, to the last digit, although the three batches are taken in by whichever replica the proxy picks, the
/// runs reach the users service through competing consumers, one executions replica folds what the other stored into
/// the rollups, and each keeps its leaderboards (top agents, top users) from the runs both stored.
/// </summary>
[Collection(ReplicatedDashboardAppCollection.Name)]
public sealed class ReplicatedOverviewTests(ReplicatedDashboardApp app, ITestOutputHelper output) : FullOverviewTests(app, output);
