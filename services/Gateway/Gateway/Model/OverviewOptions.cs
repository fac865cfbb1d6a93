namespace ExecutiveDashboard.Gateway.Model;

/// <summary>The overview's settings (configuration section <c>Overview</c>).</summary>
public sealed class OverviewOptions
{
    /// <summary>How long the overview waits for one service before it degrades that service's sections.</summary>
    public TimeSpan ServiceTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
