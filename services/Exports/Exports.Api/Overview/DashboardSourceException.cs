namespace ExecutiveDashboard.Exports.Overview;

/// <summary>The gateway answered an overview read with <paramref name="status"/> instead of the overview, or did not
/// answer (<paramref name="status"/> 503).</summary>
public sealed class DashboardSourceException(int status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
}
