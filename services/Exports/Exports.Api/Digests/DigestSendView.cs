namespace ExecutiveDashboard.Exports.Digests;

/// <summary>The latest send of a digest, as <c>GET /api/users/me/digests</c> shows it.</summary>
/// <param name="Status"><see cref="DigestSendStatus"/>.</param>
/// <param name="Reason">Why the last attempt failed or the send was skipped; null once sent.</param>
public sealed record DigestSendView(DateTime DueAt, string Status, int Attempts, string? Reason, DateTime? SentAt);
