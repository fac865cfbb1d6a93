namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>The five views of the dashboard; their wire names are <c>24h 7d 30d 90d all</c>.</summary>
public enum Timeframe { Day, Week, Month, Quarter, All }
