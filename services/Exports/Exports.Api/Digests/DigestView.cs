namespace ExecutiveDashboard.Exports.Digests;

/// <summary>One of a person's digests as <c>GET /api/users/me/digests</c> answers it.</summary>
/// <param name="Granted">Whether the person's latest token still grants the scope; a digest whose scope is no longer
/// granted is kept but not sent.</param>
/// <param name="LastSend">Null before its first due time.</param>
public sealed record DigestView(
    Guid Id, string Scope, string Cadence, string? Weekday, string LocalTime, string TimeZone, string Email,
    DateTime NextDueAt, bool Granted, DigestSendView? LastSend);
