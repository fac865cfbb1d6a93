namespace ExecutiveDashboard.Gateway.RateLimits;

public enum TrafficKind
{
    /// <summary>Health probes, the page and its files, the OpenAPI document: never limited.</summary>
    Unlimited,
    Request,
    IngestBatch,
    LiveSocket,
}
