namespace ExecutiveDashboard.Exports.Digests;

/// <summary>Where one send of a digest (one digest, one due instant) stands.</summary>
public static class DigestSendStatus
{
    /// <summary>Due, being sent, or waiting for its next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>The SMTP server accepted the mail.</summary>
    public const string Sent = "sent";

    /// <summary>Every attempt failed; the reason is the last attempt's.</summary>
    public const string Failed = "failed";

    /// <summary>Not sent: the holder's latest token no longer grants the digest's scope, or is older than
    /// <see cref="DigestOptions.GrantsValidFor"/>.</summary>
    public const string Skipped = "skipped";
}
