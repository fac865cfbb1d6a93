namespace ExecutiveDashboard.Exports.Digests;

/// <summary>The settings of the digest sender (<c>Digests:*</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>The gateway's public address, which the mail's link to the dashboard starts with.</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:8080");

    /// <summary>The sender of every digest (the From header).</summary>
    public string From { get; set; } = "Executive Dashboard <digests@localhost>";

    /// <summary>Attempts of one send before it is reported failed: the first and three retries.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait after the first failed attempt; it doubles after each further one (1, 2, 4 minutes).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a replica holds a send it claimed; a replica that dies mid-send leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each replica looks for digests that are due: a digest leaves within this of its time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends each replica makes at once.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>How long the grants of a holder's latest token are trusted: a person who has not opened the dashboard
    /// (which reads their digests at every load) for this long gets no digest until they do, so that access revoked at the
    /// identity provider stops the mails too.</summary>
    public TimeSpan GrantsValidFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Off: this instance sends nothing (the API still keeps the subscriptions).</summary>
    public bool SenderEnabled { get; set; } = true;
}
