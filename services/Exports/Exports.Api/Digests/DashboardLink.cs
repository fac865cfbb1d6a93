using System.Globalization;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>The page at a digest's view: <c>{public URL}/?timeframe=7d&amp;scope=ws_1&amp;asOf=2026-12-07T08:00:00Z</c>,
/// the page's own query string (web/src/lib/urlState.ts), with no scope for <c>all</c>, plus the digest's instant.</summary>
public static class DashboardLink
{
    public static string Of(Uri publicUrl, string scope, string timeframe, DateTime asOf)
    {
        var query = $"timeframe={timeframe}"
                    + (scope == Scopes.Platform ? "" : $"&scope={Uri.EscapeDataString(scope)}")
                    + $"&asOf={asOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
        return $"{publicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}/?{query}";
    }
}
