using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Exports.Overview;

/// <summary>Where an export's numbers and card order come from: the gateway's composed overview and the users service's
/// saved layout, both read with the caller's own token, so that a file never shows more than its caller may see.</summary>
public interface IDashboardSource
{
    /// <exception cref="DashboardSourceException">The gateway refused or failed the read.</exception>
    Task<ExecutiveDashboardData> ReadOverviewAsync(string scope, string timeframe, DateTime asOf, string authorization, CancellationToken cancellationToken);

    /// <summary>The overview as a reader in <paramref name="reader"/>'s zone and week start sees it (its trend buckets'
    /// edges). A source of fixed numbers has no edges to place, so by default it answers as without a zone.</summary>
    /// <exception cref="DashboardSourceException">The gateway refused or failed the read.</exception>
    Task<ExecutiveDashboardData> ReadOverviewAsync(string scope, string timeframe, DateTime asOf, ReaderCalendar reader, string authorization,
        CancellationToken cancellationToken) =>
        ReadOverviewAsync(scope, timeframe, asOf, authorization, cancellationToken);

    /// <summary>The card ids of the caller's saved layout, in order; null when they saved none or it cannot be read
    /// (the file then follows the default order).</summary>
    Task<IReadOnlyList<string>?> ReadCardOrderAsync(string authorization, CancellationToken cancellationToken);

    /// <summary>The alerts of <paramref name="scope"/> active or resolved as of <paramref name="asOf"/> (at most 500: the
    /// active ones, then the most recently resolved).</summary>
    /// <exception cref="DashboardSourceException">The gateway refused or failed the read.</exception>
    Task<IReadOnlyList<AlertItem>> ReadAlertsAsync(string scope, DateTime asOf, string authorization, CancellationToken cancellationToken);
}
