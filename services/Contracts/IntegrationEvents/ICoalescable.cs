namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// A notification whose only news is "this changed": two unpublished ones with the same key say the
/// same thing, so a publisher may keep one. Consumers re-read the current state when they get it.
/// </summary>
public interface ICoalescable
{
    string CoalesceKey { get; }
}
