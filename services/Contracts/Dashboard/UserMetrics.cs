namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record UserMetrics(
    long? Dau, double? DauChange,
    long? Wau, double? WauChange,
    long? Mau, double? MauChange,
    long? NewUsers, long? ChurnedUsers, double? ActiveRate)
{
    public static readonly UserMetrics Empty = new(null, null, null, null, null, null, null, null, null);
}
