namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record PeriodRange(DateTime Start, DateTime End);
