namespace ExecutiveDashboard.Platform.WarmUp;

/// <summary>
/// Work a service does once at start, before it reports itself ready (<see cref="WarmUpHealth"/>): the representative
/// reads of its first requests, so that their JIT, type loading and opening of connection pools are paid for before the
/// app model's WaitFor and the load balancer send it users. Each service's own reads live in that service.
/// </summary>
public interface IWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}
