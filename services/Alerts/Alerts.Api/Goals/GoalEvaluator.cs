using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>
/// Evaluates the goals of the scopes of an alerts round, as of the round's now: reads the daily history of the scopes with
/// goals (one signals read per service, those scopes alone), works out each goal's current value, projection, progress and
/// status (<see cref="GoalProjection"/>) and stores them. A scope whose goals were all evaluated within <see cref="Fresh"/>
/// keeps its stored evaluations: a backfill that changes a scope at every round does not read its month of history again
/// and again, and a goal is still evaluated at every timer tick.
/// </summary>
public sealed class GoalEvaluator(GoalStore store, IGoalHistorySource source)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    /// <returns>Each scope's goals as evaluated ([] without goals); null for a scope whose history could not be read (a
    /// service down or catching up): its goal rule is unknown this round.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Goal>?>> EvaluateAsync(
        IReadOnlyList<string> scopes, DateTime now, CancellationToken cancellationToken)
    {
        var result = scopes.Distinct().ToDictionary(s => s, _ => (IReadOnlyList<Goal>?)[], StringComparer.Ordinal);
        var goals = await store.ListAsync(result.Keys, cancellationToken);
        var due = goals.Where(g => g.Baseline is null || g.EvaluatedAt is not { } at || now - at >= Fresh)
            .Select(g => g.WorkspaceId).Distinct().ToList();
        var withDau = goals.Where(g => g.Metric == GoalMetric.Dau && due.Contains(g.WorkspaceId)).Select(g => g.WorkspaceId).Distinct().ToList();
        var history = due.Count == 0 ? new Dictionary<string, GoalHistory>() : await source.ReadAsync(due, withDau, now, cancellationToken);

        var evaluated = new List<(Goal Before, Goal After)>();
        foreach (var ofScope in goals.GroupBy(g => g.WorkspaceId))
        {
            if (!history.TryGetValue(ofScope.Key, out var scopeHistory))
            {
                result[ofScope.Key] = [.. ofScope];
                continue;
            }
            var known = new List<Goal>();
            foreach (var goal in ofScope)
            {
                var daily = GoalMetric.Find(goal.Metric)?.Daily(scopeHistory);
                if (daily is null or { Count: 0 })
                {
                    break;
                }
                var r = GoalProjection.Evaluate(daily, goal.Target, goal.Baseline, DueAt(goal.TargetDate), now);
                var after = goal with
                {
                    Baseline = goal.Baseline ?? r.Current, Current = r.Current, Projected = r.Projected,
                    Progress = r.Progress, Status = r.Status, EvaluatedAt = now,
                };
                evaluated.Add((goal, after));
                known.Add(after);
            }
            result[ofScope.Key] = known.Count == ofScope.Count() ? known : null;
        }
        await store.SaveEvaluationsAsync(evaluated, now, cancellationToken);
        return result;
    }

    /// <summary>A goal is due by the end of its target date (UTC).</summary>
    public static DateTime DueAt(DateOnly targetDate) => targetDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
