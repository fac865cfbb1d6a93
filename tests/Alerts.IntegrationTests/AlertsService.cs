using System.Collections.Concurrent;
using ExecutiveDashboard.Alerts.Evaluation;
using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>
/// The real alerts service (its own Program) over a real PostgreSQL database and the real broker. Two things are
/// the test's: the clock (a <see cref="FakeTimeProvider"/> started at the real now, so tokens stay valid, and moved by
/// the tests to fire the evaluation timer) and the signals, which in the app come from the executions and billing
/// services (their endpoints have tests of their own).
/// </summary>
public sealed class AlertsService(string connectionString, string broker)
    : ServiceFactory<Program, List<AlertView>>(connectionString, broker, ServiceCatalog.Alerts.Database, ServiceCatalog.Alerts.RoutePrefix)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public FakeSignals Signals { get; } = new();

    public FakeGoalHistory GoalHistory { get; } = new();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ISignalSource>(Signals);
            services.AddSingleton<IGoalHistorySource>(GoalHistory);
        });
    }

    public AlertEvaluator Evaluator => Services.GetRequiredService<AlertEvaluator>();
}

/// <summary>Signals per scope as a test sets them; a scope without any reads as unknown (no source answered).</summary>
public sealed class FakeSignals : ISignalSource
{
    private readonly ConcurrentDictionary<string, Func<DateTime, ScopeSignals>> _byScope = new();

    public void Set(string scope, Func<string, DateTime, ScopeSignals> signals) => _byScope[scope] = asOf => signals(scope, asOf);

    public Task<IReadOnlyDictionary<string, ScopeSignals>> ReadAsync(IReadOnlyList<string> scopes, DateTime asOf, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ScopeSignals>>(scopes.Distinct().ToDictionary(scope => scope,
            scope => _byScope.TryGetValue(scope, out var signals) ? signals(asOf) : new ScopeSignals(scope, asOf, null, null)));

    /// <summary>Last hour: <paramref name="runs"/> runs, <paramref name="failed"/> failed; a month of history; nothing else.</summary>
    public static Func<string, DateTime, ScopeSignals> Errors(long runs, long failed, double? p95 = null, double? p95Before = null,
        decimal mrr = 0, decimal mrrBefore = 0) =>
        (scope, asOf) => new ScopeSignals(scope, asOf,
            new ExecutionSignals(asOf, asOf.AddDays(-30), runs, failed, 0, 0, 0, 0, 0, 0, p95, p95Before),
            new BillingSignals(asOf, mrr, mrrBefore));
}

/// <summary>The goals' daily history per scope as a test sets it; a scope without any reads as unknown (no service answered).</summary>
public sealed class FakeGoalHistory : IGoalHistorySource
{
    private readonly ConcurrentDictionary<string, Func<DateTime, GoalHistory>> _byScope = new();

    /// <summary>Every scope asked so far, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    /// <summary>Every scope whose daily active users were asked so far, in order.</summary>
    public ConcurrentQueue<string> AskedForDau { get; } = new();

    public void Set(string scope, Func<DateTime, GoalHistory> history) => _byScope[scope] = history;

    /// <summary>As the real source: the daily active users only of the scopes asked for them.</summary>
    public Task<IReadOnlyDictionary<string, GoalHistory>> ReadAsync(
        IReadOnlyList<string> scopes, IReadOnlyList<string> withDau, DateTime asOf, CancellationToken cancellationToken)
    {
        foreach (var scope in scopes)
        {
            Asked.Enqueue(scope);
        }
        foreach (var scope in withDau)
        {
            AskedForDau.Enqueue(scope);
        }
        return Task.FromResult<IReadOnlyDictionary<string, GoalHistory>>(scopes.Distinct().ToDictionary(scope => scope,
            scope => !_byScope.TryGetValue(scope, out var read) ? new GoalHistory(null, null)
                : withDau.Contains(scope) ? read(asOf) : read(asOf) with { ActiveUsers = null }));
    }

    /// <summary>MRR on each of the 30 days up to asOf, rising by <paramref name="perDay"/> a day to <paramref name="now"/>, with
    /// one paid workspace per 100 of MRR.</summary>
    public static Func<DateTime, GoalHistory> Mrr(decimal now, decimal perDay) => asOf => new GoalHistory(
        [.. Enumerable.Range(0, IGoalHistorySource.Days + 1).Select(i => new BillingDay(asOf.AddDays(i - IGoalHistorySource.Days),
            now - perDay * (IGoalHistorySource.Days - i), (long)((now - perDay * (IGoalHistorySource.Days - i)) / 100)))],
        null);

    /// <summary>DAU on each of the 30 days up to asOf, rising by <paramref name="perDay"/> a day to <paramref name="now"/>.</summary>
    public static Func<DateTime, GoalHistory> Dau(long now, long perDay) => asOf => new GoalHistory(null, null,
        [.. Enumerable.Range(0, IGoalHistorySource.Days + 1).Select(i => new ActiveUsersDay(asOf.AddDays(i - IGoalHistorySource.Days),
            now - perDay * (IGoalHistorySource.Days - i)))]);
}
