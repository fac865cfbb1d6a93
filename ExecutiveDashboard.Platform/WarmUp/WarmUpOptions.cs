namespace ExecutiveDashboard.Platform.WarmUp;

/// <param name="Budget">How long the warm-ups may take together (<c>WarmUp:Budget</c>) before the service reports itself
/// ready anyway.</param>
public sealed record WarmUpOptions(TimeSpan Budget)
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(15);

    public const string Section = "WarmUp";
}
