namespace ExecutiveDashboard.Exports.Digests;

/// <summary>A stored digest: its settings, its holder, and when it is next due.</summary>
public sealed record DigestRow(Guid Id, DigestHolder Holder, DigestSettings Settings, DateTime NextDueAt);
