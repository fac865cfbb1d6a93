namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>A token bucket of activity frames for one subscription: <c>perSecond</c> a second, and as many
/// at once after a quiet second. A feed that a person reads gains nothing from 2,000 lines a second.</summary>
public sealed class ActivityBudget(int perSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = perSecond;
    private long _refilledAt = clock.GetTimestamp();

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(perSecond, _tokens + clock.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond);
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }
            _tokens--;
            return true;
        }
    }
}
