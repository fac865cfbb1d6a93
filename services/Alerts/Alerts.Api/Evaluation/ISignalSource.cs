using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>Where the rules' inputs come from: the services that own the numbers.</summary>
public interface ISignalSource
{
    /// <summary>The signals of each scope at <paramref name="asOf"/>; every scope asked has an entry.</summary>
    Task<IReadOnlyDictionary<string, ScopeSignals>> ReadAsync(IReadOnlyList<string> scopes, DateTime asOf, CancellationToken cancellationToken);
}
