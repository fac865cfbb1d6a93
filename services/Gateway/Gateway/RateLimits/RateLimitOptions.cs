using System.Net;

namespace ExecutiveDashboard.Gateway.RateLimits;

/// <summary>The gateway's limits (<c>RateLimiting:*</c>; docs/security.md, Rate limits). Every count is per gateway
/// replica: its limiters live in its memory.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sustained requests per second of one token (by its subject).</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>How many requests one token may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Sustained requests per second from one address without a valid token (none, expired, forged).</summary>
    public int AnonymousPermitsPerSecond { get; set; } = 10;

    public int AnonymousBurst { get; set; } = 100;

    /// <summary>How many requests without a valid token one address may have refused (401, 403) before its requests
    /// without a valid token get 429s.</summary>
    public int FailureBudget { get; set; } = 30;

    /// <summary>How fast a spent failure budget comes back.</summary>
    public int FailuresPerMinute { get; set; } = 10;

    /// <summary>Ingest batches one token may have in flight at once, over the three ingest endpoints.</summary>
    public int IngestBatchesInFlight { get; set; } = 16;

    /// <summary>Sustained ingest batches per second of one token; ingest batches draw from this bucket instead of the
    /// token's request bucket.</summary>
    public int IngestBatchesPerSecond { get; set; } = 40;

    public int IngestBurst { get; set; } = 80;

    /// <summary>Open WebSockets of one token on one gateway replica.</summary>
    public int WebSocketsPerSubject { get; set; } = 20;

    /// <summary>Comma-separated addresses or CIDR networks of reverse proxies in front of the gateway whose
    /// <c>X-Forwarded-For</c> names the client. Empty: the header is ignored and the TCP peer is the client, since
    /// anyone can send the header.</summary>
    public string TrustedProxies { get; set; } = "";

    public static RateLimitOptions From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        limits.Validate();
        return limits;
    }

    /// <summary>The trusted proxies: single addresses and networks.</summary>
    public (IReadOnlyList<IPAddress> Addresses, IReadOnlyList<IPNetwork> Networks) Proxies()
    {
        var entries = TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addresses = new List<IPAddress>();
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"{Section}:{nameof(TrustedProxies)}: '{entry}' is neither an IP address nor a CIDR network such as 10.0.0.0/8.");
            }
        }
        return (addresses, networks);
    }

    private void Validate()
    {
        (string Name, int Value)[] counts =
        [
            (nameof(PermitsPerSecond), PermitsPerSecond), (nameof(Burst), Burst),
            (nameof(AnonymousPermitsPerSecond), AnonymousPermitsPerSecond), (nameof(AnonymousBurst), AnonymousBurst),
            (nameof(FailureBudget), FailureBudget), (nameof(FailuresPerMinute), FailuresPerMinute),
            (nameof(IngestBatchesInFlight), IngestBatchesInFlight), (nameof(IngestBatchesPerSecond), IngestBatchesPerSecond),
            (nameof(IngestBurst), IngestBurst), (nameof(WebSocketsPerSubject), WebSocketsPerSubject),
        ];
        foreach (var (name, value) in counts.Where(c => c.Value < 1))
        {
            throw new InvalidOperationException($"{Section}:{name} is {value}; it must be 1 or more.");
        }
        Proxies();
    }
}
