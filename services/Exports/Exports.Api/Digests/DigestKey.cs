namespace ExecutiveDashboard.Exports.Digests;

/// <summary>What a digest's numbers, alerts and PDF depend on: digests with the same key share one read and one render.
/// The zone is part of it so that once reads take a time zone, digests of different zones stop sharing.</summary>
public sealed record DigestKey(string Scope, string Timeframe, DateTime AsOf, string TimeZone);
