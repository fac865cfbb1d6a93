namespace ExecutiveDashboard.Exports.Digests;

/// <summary>What a digest's numbers, alerts and PDF depend on: digests with the same key share one read and one render.
/// The zone is part of it: it places the trend buckets' edges and the PDF's times.</summary>
public sealed record DigestKey(string Scope, string Timeframe, DateTime AsOf, string TimeZone);
