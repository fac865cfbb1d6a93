namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>A metric's value at one instant.</summary>
public readonly record struct DailyValue(DateTime At, decimal Value);
